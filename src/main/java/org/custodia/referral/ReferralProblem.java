package org.custodia.referral;

import org.custodia.common.ProblemCode;
import org.springframework.http.HttpStatus;

/** The problem codes of referrals, their eligibility and decisions. Published codes are never renamed or removed. */
public enum ReferralProblem implements ProblemCode {
    AGREEMENT_QUOTA_EXCEEDED(HttpStatus.CONFLICT, "Agreement quota exceeded"),
    DECIDER_IS_SUBMITTER(HttpStatus.CONFLICT, "Decider is submitter"),
    MANIFEST_REQUIRED(HttpStatus.UNPROCESSABLE_CONTENT, "Manifest required"),
    PRISONER_NUMBER_REQUIRED(HttpStatus.UNPROCESSABLE_CONTENT, "Prisoner number required"),
    REFERRAL_EXISTS(HttpStatus.CONFLICT, "Referral exists"),
    REFERRAL_NOT_ACCEPTED(HttpStatus.CONFLICT, "Referral not accepted"),
    REFERRAL_NOT_ELIGIBLE(HttpStatus.CONFLICT, "Referral not eligible"),
    REFERRAL_NOT_FOUND(HttpStatus.NOT_FOUND, "Referral not found"),
    REFERRAL_NOT_IN_TRANSIT(HttpStatus.CONFLICT, "Referral not in transit"),
    REFERRAL_NOT_PENDING(HttpStatus.CONFLICT, "Referral not pending"),
    REFERRAL_NOT_WITHDRAWABLE(HttpStatus.CONFLICT, "Referral not withdrawable"),
    /** A bulk import's body is larger than {@code custodia.referral.import.max-bytes}. */
    REFERRAL_IMPORT_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Import too large"),
    /** A bulk import has more rows or items than {@code custodia.referral.import.max-rows}. */
    REFERRAL_IMPORT_TOO_MANY_ROWS(HttpStatus.CONTENT_TOO_LARGE, "Import has too many rows");

    private final HttpStatus status;
    private final String title;

    ReferralProblem(HttpStatus status, String title) {
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
