package org.custodia.custody;

import org.custodia.common.ProblemCode;
import org.springframework.http.HttpStatus;

/** The problem codes of the prisoner file, movements and the roll count. Published codes are never renamed or removed. */
public enum CustodyProblem implements ProblemCode {
    COUNT_NOT_FOUND(HttpStatus.NOT_FOUND, "Count not found"),
    COUNT_NOT_OPEN(HttpStatus.CONFLICT, "Count not open"),
    ENTRY_TYPE_NOT_ALLOWED(HttpStatus.FORBIDDEN, "Entry type not allowed"),
    MOVEMENT_NOT_ALLOWED(HttpStatus.CONFLICT, "Movement not allowed"),
    PRISONER_NOT_FOUND(HttpStatus.NOT_FOUND, "Prisoner not found"),
    PRISONER_RELEASED(HttpStatus.CONFLICT, "Prisoner released"),
    REFERRAL_ALREADY_ADMITTED(HttpStatus.CONFLICT, "Referral already admitted");

    private final HttpStatus status;
    private final String title;

    CustodyProblem(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
