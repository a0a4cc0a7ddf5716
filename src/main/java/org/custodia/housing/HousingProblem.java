package org.custodia.housing;

import org.custodia.common.ProblemCode;
import org.springframework.http.HttpStatus;

/** The problem codes of facilities and housing. Published codes are never renamed or removed. */
public enum HousingProblem implements ProblemCode {
    FACILITY_NOT_FOUND(HttpStatus.NOT_FOUND, "Facility not found"),
    HOUSING_RULE_VIOLATION(HttpStatus.CONFLICT, "Housing rule violation");

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
