package org.custodia.housing;

import org.custodia.common.ProblemCode;
import org.springframework.http.HttpStatus;

/** The problem codes of housing: separation rules, cell moves, keep-apart records and plans. Published codes are never renamed or removed. */
public enum HousingProblem implements ProblemCode {
    HOUSING_RULE_VIOLATION(HttpStatus.CONFLICT, "Housing rule violation"),
    KEEP_APART_NOT_FOUND(HttpStatus.NOT_FOUND, "Keep-apart record not found"),
    KEEP_APART_EXISTS(HttpStatus.CONFLICT, "Keep-apart record exists"),
    KEEP_APART_STATE(HttpStatus.CONFLICT, "Keep-apart record in another state"),
    PLAN_NOT_FOUND(HttpStatus.NOT_FOUND, "Plan not found"),
    PLAN_ALREADY_APPLIED(HttpStatus.CONFLICT, "Plan already applied"),
    PLAN_STALE(HttpStatus.CONFLICT, "Plan stale");

    private final HttpStatus status;
    private final String title;

    HousingProblem(HttpStatus status, String title) {
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
