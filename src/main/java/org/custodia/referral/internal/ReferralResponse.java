package org.custodia.referral.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.custodia.referral.CommitmentOrder;
import org.custodia.referral.Consent;
import org.custodia.referral.Conviction;
import org.custodia.referral.GangAffiliation;
import org.custodia.referral.KeepApart;
import org.custodia.referral.Medical;
import org.custodia.referral.Person;
import org.custodia.referral.ReferralStatus;
import org.custodia.referral.SecurityLevel;

/**
 * A referral as the API answers with it (submission, read, decision, withdrawal): its id and status, the dossier as
 * submitted (the referral body's fields at the top level), the latest findings and what has been decided about it.
 */
@Schema(name = "Referral", description = "A referral: id, status, the dossier as submitted, the latest eligibility "
        + "and what has been decided")
record ReferralResponse(
        @Schema(description = "The referral's id") UUID id,
        @Schema(description = "Where the referral stands") ReferralStatus status,
        @Schema(description = "The agreement it is referred under") String agreementCode,
        @Schema(description = "The sending state's reference") String externalReference,
        @Schema(description = "The person referred") Person person,
        @Schema(description = "The judgments against the person (may be empty: then the referral is INELIGIBLE)")
        List<Conviction> convictions,
        @Schema(description = "The commitment order, or null") CommitmentOrder commitmentOrder,
        @Schema(description = "The legal basis of the transfer") String legalBasis,
        @Schema(description = "The claimed gang affiliation, or null") GangAffiliation gangAffiliation,
        @Schema(description = "The security level the sending state proposes") SecurityLevel proposedSecurityLevel,
        @Schema(description = "What the sending state declares of the person's health") Medical medical,
        @Schema(description = "People the person must be kept apart from") List<KeepApart> keepApart,
        @Schema(description = "The person's consent to the transfer, or null when not stated") Consent consent,
        @Schema(description = "Whether the person asks for the consulate to be notified") boolean consularNotificationRequested,
        @Schema(description = "The sending state's party code") String sendingParty,
        @Schema(description = "The latest evaluation of the agreement's policy") EligibilityView eligibility,
        @Schema(description = "Who submitted it") String submittedBy,
        @Schema(description = "When") Instant submittedAt,
        @Schema(description = "The intake officer's decision, or null") DecisionView decision,
        @Schema(description = "The withdrawal, or null") WithdrawalView withdrawal,
        @Schema(description = "The manifest it travels on, once in transit") UUID manifestId,
        @Schema(description = "The number given at admission") String prisonerNumber,
        @Schema(description = "Why reception refused the handover, if it did") String handoverRefusedReason,
        @Schema(description = "When the prisoner was released") Instant releasedAt,
        @Schema(description = "The last change") Instant updatedAt) {
}
