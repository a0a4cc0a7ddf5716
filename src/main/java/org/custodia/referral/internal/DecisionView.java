package org.custodia.referral.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

@Schema(name = "ReferralDecision", description = "The intake officer's decision on a referral")
record DecisionView(
        @Schema(description = "ACCEPT or REJECT") DecisionRequest.Decision decision,
        @Schema(description = "The reason given") String reason,
        @Schema(description = "The officer's user name") String decidedBy,
        @Schema(description = "When") Instant decidedAt) {
}
