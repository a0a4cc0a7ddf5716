package org.custodia.referral.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The intake officer's decision on a referral, from the API's body or the console's form. */
@Schema(description = "The intake officer's decision on a SUBMITTED referral")
record DecisionRequest(
        @Schema(description = "ACCEPT or REJECT", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull Decision decision,
        @Schema(description = "Why; kept with the referral and ledgered", example = "Meets the agreement",
                requiredMode = Schema.RequiredMode.REQUIRED, maxLength = DecisionRequest.MAX_REASON)
        @NotBlank @Size(max = DecisionRequest.MAX_REASON) String reason) {

    static final int MAX_REASON = 2_000;

    enum Decision {
        ACCEPT, REJECT
    }
}
