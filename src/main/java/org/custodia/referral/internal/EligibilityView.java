package org.custodia.referral.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** One evaluation of the policy as published. */
@Schema(name = "Eligibility", description = "One evaluation of the agreement's policy: every rule's finding")
record EligibilityView(
        @Schema(description = "True when no finding failed") boolean eligible,
        @Schema(description = "The day the policy was evaluated as of") LocalDate evaluatedOn,
        @Schema(description = "Every finding, the policy's rules in order, then the rules every agreement applies")
        List<FindingView> findings) {
}
