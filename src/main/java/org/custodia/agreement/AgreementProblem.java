package org.custodia.agreement;

import org.custodia.common.ProblemCode;
import org.springframework.http.HttpStatus;

/** The problem codes of agreements and parties. Published codes are never renamed or removed. */
public enum AgreementProblem implements ProblemCode {
    AGREEMENT_EXISTS(HttpStatus.CONFLICT, "Agreement exists"),
    AGREEMENT_NOT_ACTIVE(HttpStatus.CONFLICT, "Agreement not active"),
    AGREEMENT_NOT_FOUND(HttpStatus.NOT_FOUND, "Agreement not found"),
    PARTY_EXISTS(HttpStatus.CONFLICT, "Party exists");

    private final HttpStatus status;
    private final String title;

    AgreementProblem(HttpStatus status, String title) {
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
