package org.custodia.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * A referral as it stands: the dossier, the status, the latest findings and what has been decided about it.
 *
 * @param sendingParty the code of the sending state's party
 * @param decision the intake officer's decision, or {@code null} while none has been taken
 * @param withdrawal the sending agency's withdrawal, or {@code null}
 * @param manifestId the manifest it travels on, once in transit
 * @param prisonerNumber the number given at admission
 */
public record ReferralSnapshot(UUID id, ReferralStatus status, String agreementCode, String sendingParty,
                               Dossier dossier, Eligibility eligibility, String submittedBy, Instant submittedAt,
                               Decision decision, Withdrawal withdrawal, UUID manifestId, String prisonerNumber,
                               String handoverRefusedReason, Instant releasedAt, Instant updatedAt) {

    public String externalReference() {
        return dossier.externalReference();
    }

    public Person person() {
        return dossier.person();
    }

    /** @param decision {@code ACCEPT} or {@code REJECT} */
    public record Decision(String decision, String reason, String decidedBy, Instant decidedAt) {
    }

    public record Withdrawal(String reason, String withdrawnBy, Instant withdrawnAt) {
    }
}
