package org.custodia.referral.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

@Schema(name = "ReferralWithdrawal", description = "The sending agency's withdrawal of a referral")
record WithdrawalView(
        @Schema(description = "The reason given") String reason,
        @Schema(description = "The user who withdrew it") String withdrawnBy,
        @Schema(description = "When") Instant withdrawnAt) {
}
