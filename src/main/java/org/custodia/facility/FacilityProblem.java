package org.custodia.facility;

import org.custodia.common.ProblemCode;
import org.springframework.http.HttpStatus;

/** The problem codes of facilities and their structure. Published codes are never renamed or removed. */
public enum FacilityProblem implements ProblemCode {
    FACILITY_NOT_FOUND(HttpStatus.NOT_FOUND, "Facility not found"),
    LOCATION_NOT_FOUND(HttpStatus.NOT_FOUND, "Location not found"),
    LOCATION_EXISTS(HttpStatus.CONFLICT, "Location exists"),
    CAPACITY_BELOW_OCCUPANCY(HttpStatus.CONFLICT, "Capacity below occupancy");

    private final HttpStatus status;
    private final String title;

    FacilityProblem(HttpStatus status, String title) {
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
