package org.custodia.referral;

/** The person's consent to the transfer. */
public enum Consent {
    GIVEN, REFUSED, NOT_ASKED
}
