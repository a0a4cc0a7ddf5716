package org.custodia.referral;

import java.time.LocalDate;

/** The order that commits the person to custody (Mandela Rule 7: nobody is admitted without one). */
public record CommitmentOrder(String reference, String issuingAuthority, LocalDate issuedOn) {
}
