package org.custodia.referral.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The sending agency's withdrawal of a referral before departure. */
@Schema(description = "The withdrawal of a referral by the sending agency, before departure")
record WithdrawalRequest(
        @Schema(description = "Why; kept with the referral and ledgered", requiredMode = Schema.RequiredMode.REQUIRED,
                maxLength = DecisionRequest.MAX_REASON)
        @NotBlank @Size(max = DecisionRequest.MAX_REASON) String reason) {
}
