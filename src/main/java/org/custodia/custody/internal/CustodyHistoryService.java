package org.custodia.custody.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.Agreements;
import org.custodia.common.Validation;
import org.custodia.custody.Admission;
import org.custodia.custody.AdmissionCommand;
import org.custodia.custody.Admissions;
import org.custodia.custody.internal.CustodyHistoryController.CustodyHistoryRequest;
import org.custodia.custody.internal.CustodyHistoryController.CustodyHistoryResponse;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.custodia.referral.Conviction;
import org.custodia.referral.Dossier;
import org.custodia.referral.Finding;
import org.custodia.referral.ReferralSnapshot;
import org.custodia.referral.Referrals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a person held since before go-live: the referral (evaluated as of the admission date, stored MIGRATED),
 * the admission through the ordinary admission code, the cell and the release if given, the prisoner marked
 * MIGRATED, and an oversight alert when a finding failed. One transaction: all or nothing.
 */
@Service
class CustodyHistoryService {

    static final String ALERT_KIND = "HELD_WITHOUT_MEETING_AGREEMENT";

    private final Referrals referrals;
    private final Admissions admissions;
    private final Agreements agreements;
    private final PrisonerService prisoners;
    private final RollService roll;
    private final PrisonerStore store;
    private final FileWriter file;
    private final CustodyTime time;
    private final Users users;
    private final Ledger ledger;
    private final JdbcClient jdbc;

    CustodyHistoryService(Referrals referrals, Admissions admissions, Agreements agreements, PrisonerService prisoners,
                          RollService roll, PrisonerStore store, FileWriter file, CustodyTime time, Users users,
                          Ledger ledger, JdbcClient jdbc) {
        this.referrals = referrals;
        this.admissions = admissions;
        this.agreements = agreements;
        this.prisoners = prisoners;
        this.roll = roll;
        this.store = store;
        this.file = file;
        this.time = time;
        this.users = users;
        this.ledger = ledger;
        this.jdbc = jdbc;
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
        time.notFuture(r.admittedAt(), "admittedAt", v);
        v.notBlank(r.source(), "source");
        if (r.release() != null) {
            v.notNull(r.release().effectiveAt(), "release.effectiveAt");
            time.notFuture(r.release().effectiveAt(), "release.effectiveAt", v);
            if (r.release().effectiveAt() != null && r.admittedAt() != null
                    && r.release().effectiveAt().isBefore(r.admittedAt())) {
                v.add("release.effectiveAt", "BEFORE_ADMISSION", "The release lies before the admission");
            }
        }
        Agreement agreement = null;
        if (r.dossier() != null && r.dossier().isObject() && r.dossier().path("agreementCode").isString()) {
            agreement = agreements.find(r.dossier().path("agreementCode").asString()).orElse(null);
            if (agreement == null) {
                v.add("dossier.agreementCode", "UNKNOWN_AGREEMENT", "No agreement " + r.dossier().path("agreementCode").asString());
            }
        }
        v.throwIfInvalid();
        if (agreement == null) {
            // the dossier's parser names the missing agreement code with every other failure
            referrals.recordHeld(r.dossier(), LocalDate.ofInstant(r.admittedAt(), time.zoneOf("")), r.source().strip(),
                    user.username());
            throw new IllegalStateException("a dossier without an agreement passed the parser");
        }
        ZoneId zone = time.zoneOf(agreement.facilityCode());
        LocalDate asOf = LocalDate.ofInstant(r.admittedAt(), zone);
        String source = r.source().strip();
        ReferralSnapshot referral = referrals.recordHeld(r.dossier(), asOf, source, user.username());
        Admission admission = admissions.admit(command(referral, agreement, r, asOf, user));
        jdbc.sql("UPDATE prisoner SET origin = 'MIGRATED', origin_source = ? WHERE id = ?")
                .params(source, admission.prisonerId()).update();
        List<Finding> failed = referral.eligibility().findings().stream()
                .filter(f -> f.outcome() == Finding.Outcome.FAIL).toList();
        PrisonerRecord p = store.findByNumber(admission.prisonerNumber()).orElseThrow();
        if (!failed.isEmpty()) {
            FileEvent admitted = store.events(p.id()).stream().filter(e -> "ADMISSION".equals(e.type())).findFirst()
                    .orElseThrow();
            file.alert(p, admitted, ALERT_KIND, "Held without meeting the agreement " + agreement.code() + " on " + asOf
                    + ": " + String.join("; ", failed.stream().map(f -> f.rule() + ": " + f.messageEn()).toList()));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("prisonerNumber", admission.prisonerNumber());
        payload.put("referralId", referral.id().toString());
        payload.put("source", source);
        payload.put("admittedAt", r.admittedAt());
        payload.put("evaluatedOn", asOf.toString());
        payload.put("eligible", referral.eligibility().eligible());
        payload.put("failedRules", failed.stream().map(Finding::rule).toList());
        ledger.append("PRISONER_MIGRATED", "PRISONER", admission.prisonerNumber(), payload);
        if (r.cell() != null && !r.cell().isBlank()) {
            roll.moveToCell(admission.prisonerNumber(), new Requests.CellMove(r.cell().strip(),
                    "Held before go-live (" + source + ")", r.admittedAt()));
        }
        String status = PrisonerStatus.IN_CUSTODY.name();
        if (r.release() != null) {
            var rel = r.release();
            prisoners.release(admission.prisonerNumber(), new Requests.Release(rel.type(), rel.effectiveAt(),
                    rel.receivedBy(), rel.destinationState(), rel.reason(), rel.circumstances(), rel.cause(),
                    rel.remainsDisposition()));
            status = PrisonerStatus.RELEASED.name();
        }
        return new CustodyHistoryResponse(admission.prisonerNumber(), referral.id().toString(), "MIGRATED", status,
                referral.eligibility().eligible(), !failed.isEmpty(), referral.eligibility().findings());
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
        // The sentence served: the final judgments as of admission; a person held without one is held on them all.
        List<Conviction> finals = dossier.convictions().stream().filter(c -> c.isFinalOn(asOf)).toList();
        List<AdmissionCommand.Conviction> convictions = (finals.isEmpty() ? dossier.convictions() : finals).stream()
                .map(CustodyHistoryService::conviction).toList();
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
        var handover = new AdmissionCommand.Handover(true, "DOCUMENT", "Held before go-live; recorded from " + source,
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
