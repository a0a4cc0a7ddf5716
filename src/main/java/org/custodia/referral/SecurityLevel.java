package org.custodia.referral;

/** The security level the sending state proposes; classification decides after admission. */
public enum SecurityLevel {
    MINIMUM, MEDIUM, HIGH, MAXIMUM
}
