package org.custodia.referral;

/** Where a referral stands. */
public enum ReferralStatus {
    SUBMITTED, INELIGIBLE, ACCEPTED, REJECTED, WITHDRAWN, IN_TRANSIT, HANDOVER_REFUSED, ADMITTED, RELEASED,
    /** held since before go-live and recorded from a custody history: its findings were evaluated as of admission */
    MIGRATED;

    /** Already referred or in custody: a second referral of the same person is a duplicate. */
    public boolean isLive() {
        return this == SUBMITTED || this == ACCEPTED || this == IN_TRANSIT || this == ADMITTED;
    }

    /** The sending agency may still withdraw it: it has not departed. */
    public boolean isWithdrawable() {
        return this == SUBMITTED || this == INELIGIBLE || this == ACCEPTED;
    }
}
