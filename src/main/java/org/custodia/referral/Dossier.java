package org.custodia.referral;

import java.util.List;

/**
 * A referral as the sending agency submits it: who, convicted of what and by whom, under which order, with what
 * affiliation, health, keep-apart requests, consent and consular wishes. The JSON names are the API contract.
 */
public record Dossier(String agreementCode, String externalReference, Person person, List<Conviction> convictions,
                      CommitmentOrder commitmentOrder, String legalBasis, GangAffiliation gangAffiliation,
                      SecurityLevel proposedSecurityLevel, Medical medical, List<KeepApart> keepApart, Consent consent,
                      boolean consularNotificationRequested) {

    public Dossier {
        convictions = convictions == null ? List.of() : List.copyOf(convictions);
        keepApart = keepApart == null ? List.of() : List.copyOf(keepApart);
    }
}
