package org.custodia.transport;

import org.custodia.common.ProblemCode;
import org.springframework.http.HttpStatus;

/** The problem codes of manifests and handovers. Published codes are never renamed or removed. */
public enum TransportProblem implements ProblemCode {
    HANDOVER_ALREADY_RECORDED(HttpStatus.CONFLICT, "Handover already recorded"),
    MANIFEST_EMPTY(HttpStatus.CONFLICT, "Manifest empty"),
    MANIFEST_HAS_UNACCOUNTED_PEOPLE(HttpStatus.CONFLICT, "Manifest has unaccounted people"),
    MANIFEST_NOT_DEPARTED(HttpStatus.CONFLICT, "Manifest not departed"),
    MANIFEST_NOT_FOUND(HttpStatus.NOT_FOUND, "Manifest not found"),
    MANIFEST_NOT_OPEN(HttpStatus.CONFLICT, "Manifest not open"),
    MANIFEST_NOT_PLANNED(HttpStatus.CONFLICT, "Manifest not planned"),
    MANIFEST_REFERRAL_NOT_ACCEPTED(HttpStatus.CONFLICT, "Manifest referral not accepted"),
    PERSON_NOT_ON_MANIFEST(HttpStatus.CONFLICT, "Person not on manifest"),
    REFERRAL_ON_OPEN_MANIFEST(HttpStatus.CONFLICT, "Referral on open manifest");

    private final HttpStatus status;
    private final String title;

    TransportProblem(HttpStatus status, String title) {
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
