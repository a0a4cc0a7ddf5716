package org.custodia.referral.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** The answer to a bulk import: the counts and one result per referral of the file. */
@Schema(name = "ReferralImportResult", description = "The outcome of a bulk import, referral by referral")
record ImportResult(
        @Schema(description = "The import's id (its ledger entry's subject)") UUID importId,
        @Schema(description = "CSV lines read (the header and blank lines not counted), or JSON array items") int rows,
        @Schema(description = "Referrals found (CSV lines with the same externalReference form one)") int referrals,
        @Schema(description = "Referrals stored, SUBMITTED or INELIGIBLE") int stored,
        @Schema(description = "Of those stored, how many are INELIGIBLE") int ineligible,
        @Schema(description = "Referrals not stored: unreadable, listed with every error") int invalid,
        @Schema(description = "One result per referral, in the order of the file") List<Row> results) {

    /** One referral of the import: stored (status, id, eligibility) or INVALID with its errors. */
    @Schema(name = "ReferralImportRow")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(
            @Schema(description = "The CSV lines of the referral (the header is line 1); CSV only") List<Integer> rows,
            @Schema(description = "The index in the JSON array; JSON only") Integer index,
            @Schema(description = "The referral's externalReference, as read") String externalReference,
            @Schema(description = "SUBMITTED, INELIGIBLE or INVALID") String status,
            @Schema(description = "The stored referral's id") UUID id,
            @Schema(description = "The findings of a stored referral (rule, outcome, message)") EligibilityView eligibility,
            @Schema(description = "Why an INVALID referral was not stored: every error") List<Error> errors) {
    }

    /** One error of an unreadable referral, named by CSV column (or body path) and line. */
    @Schema(name = "ReferralImportError")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(
            @Schema(description = "The CSV column, or the body path for JSON") String field,
            @Schema(description = "The field code, e.g. REQUIRED, INVALID_FORMAT, REFERRAL_EXISTS") String code,
            @Schema(description = "What is wrong") String message,
            @Schema(description = "The CSV line; CSV only") Integer row) {
    }
}
