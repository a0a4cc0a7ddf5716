package org.custodia.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules (transport, custody) may ask of referrals. The {@code mark...} methods join the caller's
 * transaction and ledger the change in it; a referral in the wrong state is a 409 {@code ApiException}, an unknown
 * one a 404 {@code REFERRAL_NOT_FOUND}.
 */
public interface Referrals {

    /** The referral with its full dossier, status and latest findings; no scope applies (module to module). */
    Optional<ReferralSnapshot> find(UUID id);

    /** Referrals of an agreement in a status, oldest first (e.g. the ACCEPTED ones a manifest may carry). */
    List<ReferralSnapshot> findByStatus(String agreementCode, ReferralStatus status);

    /** ACCEPTED → IN_TRANSIT on departure; otherwise 409 {@code REFERRAL_NOT_ACCEPTED}. */
    void markInTransit(UUID id, UUID manifestId);

    /** IN_TRANSIT → ADMITTED once reception admitted the person; otherwise 409 {@code REFERRAL_NOT_IN_TRANSIT}. */
    void markAdmitted(UUID id, String prisonerNumber);

    /**
     * Records the referral of a person held since before go-live (custody history): parses the dossier as a
     * submission is parsed ({@code 400 VALIDATION_FAILED}, fields under {@code dossier.}), evaluates the agreement's
     * policy as of {@code asOf} (the admission date), and stores it as {@link ReferralStatus#MIGRATED} with every
     * finding, whatever they say (being held is a fact). Ledgered as {@code REFERRAL_MIGRATED}; joins the caller's
     * transaction.
     */
    ReferralSnapshot recordHeld(tools.jackson.databind.JsonNode dossier, java.time.LocalDate asOf, String source,
                                String recordedBy);

    /**
     * Evaluates a dossier under its agreement's policy (as it stands now) as of a day, for example a past admission
     * date, against the people referred or in custody now; nothing is stored. An unknown agreement is a 404
     * {@code AGREEMENT_NOT_FOUND}.
     *
     * @param self the referral the dossier belongs to, so that DUPLICATE_PERSON does not find it; null for none
     */
    Eligibility evaluate(Dossier dossier, LocalDate asOf, UUID self);

    /** IN_TRANSIT → HANDOVER_REFUSED when reception refuses the handover; otherwise 409 {@code REFERRAL_NOT_IN_TRANSIT}. */
    void markHandoverRefused(UUID id, String reason);
}
