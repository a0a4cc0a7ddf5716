package org.custodia.history.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.Agreements;
import org.custodia.common.Validation;
import org.custodia.custody.Admission;
import org.custodia.custody.AdmissionCommand;
import org.custodia.custody.CustodyHistory;
import org.custodia.history.internal.CustodyHistoryController.CustodyHistoryRequest;
import org.custodia.history.internal.CustodyHistoryController.CustodyHistoryResponse;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Users;
import org.custodia.referral.Conviction;
import org.custodia.referral.Dossier;
import org.custodia.referral.Finding;
import org.custodia.referral.ReferralSnapshot;
import org.custodia.referral.Referrals;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person held since before go-live: the referral (parsed as a submission, evaluated as of the admission date in
 * the facility's zone, stored MIGRATED with its findings), then custody's admission (marked MIGRATED, cell, release,
 * and the oversight alert when a finding failed). One transaction: all or nothing.
 */
@Service
class CustodyHistoryRecorder {

    static final java.util.Set<String> RELEASE_TYPES = java.util.Set.of("RETURN_TO_SENDING_STATE",
            "TRANSFER_TO_THIRD_STATE", "SENTENCE_COMPLETED", "DEATH");

    private final org.custodia.facility.Facilities facilities;
    private final org.custodia.housing.CellPlacement cells;
    private final Referrals referrals;
    private final CustodyHistory custody;
    private final Agreements agreements;
    private final Users users;
    private final java.time.Clock clock;
    private final ZoneId zone;

    CustodyHistoryRecorder(Referrals referrals, CustodyHistory custody, Agreements agreements, Users users,
                           java.time.Clock clock, org.custodia.facility.Facilities facilities,
                           org.custodia.housing.CellPlacement cells,
                           @Value("${custodia.custody.default-zone:America/El_Salvador}") String zone) {
        this.facilities = facilities;
        this.cells = cells;
        this.referrals = referrals;
        this.custody = custody;
        this.agreements = agreements;
        this.users = users;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** The facility's zone ({@code Facility.zone()}), custody's default zone for an unknown facility. */
    ZoneId zoneOf(String facilityCode) {
        return facilities.find(facilityCode).map(org.custodia.facility.Facility::zone).orElse(zone);
    }

    @Transactional
    CustodyHistoryResponse record(CustodyHistoryRequest r) {
        CurrentUser user = users.requireCurrent();
        Validation v = new Validation();
        if (r == null) {
            v.add("", "REQUIRED", "The record is required").throwIfInvalid();
        }
        v.require(r.dossier() != null && r.dossier().isObject(), "dossier", "REQUIRED", "dossier is a referral object");
        v.notNull(r.admittedAt(), "admittedAt");
        java.time.Instant latest = clock.instant().plus(java.time.Duration.ofMinutes(2));
        if (r.admittedAt() != null && r.admittedAt().isAfter(latest)) {
            v.add("admittedAt", "IN_FUTURE", "admittedAt lies in the future; a history records the past");
        }
        v.notBlank(r.source(), "source");
        if (r.release() != null) {
            v.require(r.release().type() != null && RELEASE_TYPES.contains(r.release().type()), "release.type",
                    r.release().type() == null ? "REQUIRED" : "INVALID_VALUE", "One of " + RELEASE_TYPES);
            v.notNull(r.release().effectiveAt(), "release.effectiveAt");
            if (r.release().effectiveAt() != null && r.release().effectiveAt().isAfter(latest)) {
                v.add("release.effectiveAt", "IN_FUTURE", "release.effectiveAt lies in the future");
            }
            if (r.release().effectiveAt() != null && r.admittedAt() != null
                    && r.release().effectiveAt().isBefore(r.admittedAt())) {
                v.add("release.effectiveAt", "BEFORE_ADMISSION", "The release lies before the admission");
            }
        }
        Agreement agreement = null;
        if (r.dossier() != null && r.dossier().isObject() && r.dossier().path("agreementCode").isString()) {
            agreement = agreements.find(r.dossier().path("agreementCode").asString()).orElse(null);
            if (agreement == null) {
                v.add("dossier.agreementCode", "UNKNOWN_AGREEMENT",
                        "No agreement " + r.dossier().path("agreementCode").asString());
            }
        } else if (r.dossier() != null && r.dossier().isObject()) {
            v.add("dossier.agreementCode", "REQUIRED", "dossier.agreementCode is required");
        }
        v.throwIfInvalid();
        String source = r.source().strip();
        LocalDate asOf = LocalDate.ofInstant(r.admittedAt(), zoneOf(agreement.facilityCode()));
        ReferralSnapshot referral = referrals.recordHeld(r.dossier(), asOf, source, user.username());
        List<Finding> failed = referral.eligibility().findings().stream()
                .filter(f -> f.outcome() == Finding.Outcome.FAIL).toList();
        String alert = failed.isEmpty() ? null : "Held without meeting the agreement " + agreement.code() + " on " + asOf
                + ": failed " + String.join(", ", failed.stream().map(Finding::rule).toList());
        var release = r.release() == null ? null : new CustodyHistory.Release(r.release().type(),
                r.release().effectiveAt(), r.release().receivedBy(), r.release().destinationState(), r.release().reason(),
                r.release().circumstances(), r.release().cause(), r.release().remainsDisposition());
        // admitted and marked first, placed in the cell as of the admission (under housing's rules), then released
        Admission admission = custody.recordHeld(command(referral, agreement, r, asOf, user),
                new CustodyHistory.HeldRecord(source, r.cell(), null, alert));
        if (r.cell() != null && !r.cell().isBlank()) {
            cells.place(admission.prisonerNumber(), r.cell().strip(), "Held before go-live (" + source + ")",
                    r.admittedAt());
        }
        if (release != null) {
            custody.release(admission.prisonerNumber(), release);
        }
        return new CustodyHistoryResponse(admission.prisonerNumber(), referral.id().toString(), "MIGRATED",
                release == null ? "IN_CUSTODY" : "RELEASED", referral.eligibility().eligible(), alert != null,
                referral.eligibility().findings());
    }

    private static AdmissionCommand command(ReferralSnapshot referral, Agreement agreement, CustodyHistoryRequest r,
                                            LocalDate asOf, CurrentUser user) {
        Dossier dossier = referral.dossier();
        var person = dossier.person();
        var identity = new AdmissionCommand.Person(person.givenNames(), person.familyNames(), person.aliases(),
                person.dateOfBirth(), person.sex() == null ? null : person.sex().name(), null, person.nationalities(),
                person.identityDocuments().stream()
                        .map(d -> new AdmissionCommand.IdentityDocument(d.type(), d.number(), d.issuingCountry())).toList(),
                person.biometricReference());
        var order = dossier.commitmentOrder() == null ? null : new AdmissionCommand.CommitmentOrder(
                dossier.commitmentOrder().reference(), dossier.commitmentOrder().issuingAuthority(),
                dossier.commitmentOrder().issuedOn());
        String authority = dossier.commitmentOrder() == null ? null : dossier.commitmentOrder().issuingAuthority();
        // The sentence served: the judgments final at admission; a person held without one is held on them all.
        List<Conviction> finals = dossier.convictions().stream().filter(c -> c.isFinalOn(asOf)).toList();
        List<AdmissionCommand.Conviction> convictions = (finals.isEmpty() ? dossier.convictions() : finals).stream()
                .map(CustodyHistoryRecorder::conviction).toList();
        var affiliation = dossier.gangAffiliation() == null || dossier.gangAffiliation().group() == null ? null
                : new AdmissionCommand.GangAffiliation(dossier.gangAffiliation().group().name(),
                dossier.gangAffiliation().source());
        String securityLevel = dossier.proposedSecurityLevel() == null ? "HIGH" : dossier.proposedSecurityLevel().name();
        String source = r.source().strip();
        boolean contactGiven = r.emergencyContact() != null && r.emergencyContact().name() != null
                && !r.emergencyContact().name().isBlank();
        var contact = contactGiven
                ? new AdmissionCommand.Contact(r.emergencyContact().name(), r.emergencyContact().phone(),
                r.emergencyContact().relationship())
                : new AdmissionCommand.Contact("Not recorded (held before go-live)", "not recorded", null);
        // a record of the past: no family notice is created without a real contact
        var handover = new AdmissionCommand.Handover(true, org.custodia.custody.VerificationMethod.DOCUMENT, "Held before go-live; recorded from " + source,
                "Not recorded (held before go-live)", false, null, List.of(), List.of(), contact, null, true,
                dossier.consularNotificationRequested(), null, !contactGiven);
        return new AdmissionCommand(referral.id(), agreement.code(), agreement.sendingParty().code(),
                agreement.facilityCode(), identity, new AdmissionCommand.ReasonsForCommitment(order, authority, null),
                convictions, agreement.sentenceRegime(), agreement.gctDaysPerYear(), affiliation, securityLevel,
                r.admittedAt(), handover, user.username());
    }

    private static AdmissionCommand.Conviction conviction(Conviction c) {
        var sentence = c.sentence() == null ? null
                : new AdmissionCommand.Term(c.sentence().years(), c.sentence().months(), c.sentence().days(),
                c.sentence().life());
        return new AdmissionCommand.Conviction(c.court(), c.caseNumber(), c.offences().stream()
                .map(o -> new AdmissionCommand.Offence(o.code(), o.description())).toList(), sentence,
                c.sentenceStartDate(), c.jailCreditDays(), c.relation().name());
    }
}
