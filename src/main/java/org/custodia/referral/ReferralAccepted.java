package org.custodia.referral;

import java.time.Instant;
import java.util.UUID;

/** Published in the acceptance's transaction: the person may be put on a manifest. */
public record ReferralAccepted(UUID referralId, String agreementCode, String externalReference, String decidedBy,
                               String reason, Instant decidedAt) {
}
