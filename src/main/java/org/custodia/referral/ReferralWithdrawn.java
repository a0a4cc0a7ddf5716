package org.custodia.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * Published in the withdrawal's transaction; {@code previousStatus} ACCEPTED means the person may be on a planned
 * manifest and must come off it.
 */
public record ReferralWithdrawn(UUID referralId, String agreementCode, String externalReference,
                                ReferralStatus previousStatus, String withdrawnBy, String reason, Instant withdrawnAt) {
}
