package org.custodia.referral;

import java.time.Instant;
import java.util.UUID;

/** Published in the rejection's transaction. */
public record ReferralRejected(UUID referralId, String agreementCode, String externalReference, String decidedBy,
                               String reason, Instant decidedAt) {
}
