package org.custodia.transport.internal;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.AgreementProblem;
import org.custodia.agreement.Agreements;
import org.custodia.common.ApiException;
import org.custodia.common.CanonicalJson;
import org.custodia.common.FieldProblem;
import org.custodia.common.Validation;
import org.custodia.custody.Admission;
import org.custodia.custody.AdmissionCommand;
import org.custodia.custody.Admissions;
import org.custodia.custody.EnRouteCounter;
import org.custodia.facility.Facilities;
import org.custodia.facility.Facility;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Role;
import org.custodia.ledger.Ledger;
import org.custodia.referral.Conviction;
import org.custodia.referral.Dossier;
import org.custodia.referral.ReferralProblem;
import org.custodia.referral.ReferralSnapshot;
import org.custodia.referral.ReferralStatus;
import org.custodia.referral.Referrals;
import org.custodia.transport.ManifestStatus;
import org.custodia.transport.TransportProblem;
import org.custodia.transport.internal.Manifest.Discrepancy;
import org.custodia.transport.internal.Manifest.Passenger;
import org.custodia.transport.internal.Manifest.PassengerOutcome;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chain of custody from the plane to the gate. It orchestrates: checks the request (Bean Validation and the
 * rules that need other modules, in one pass), loads the {@link Manifest}, calls its transition, tells the referral
 * and custody modules, saves and ledgers. Only a person on a dispatched manifest, as an accepted referral now in
 * transit, with a verified identity, is admitted; everybody else on the manifest must be accounted for before it
 * closes. The console calls the same methods as the API, so the two can never disagree.
 */
@Service
class ManifestService implements EnRouteCounter {

    private final ManifestRepository repository;
    private final Referrals referrals;
    private final Admissions admissions;
    private final Agreements agreements;
    private final Facilities facilities;
    private final Ledger ledger;
    private final Clock clock;
    private final Validator validator;

    ManifestService(ManifestRepository repository, Referrals referrals, Admissions admissions, Agreements agreements,
                    Facilities facilities, Ledger ledger, Clock clock, Validator validator) {
        this.repository = repository;
        this.referrals = referrals;
        this.admissions = admissions;
        this.agreements = agreements;
        this.facilities = facilities;
        this.ledger = ledger;
        this.clock = clock;
        this.validator = validator;
    }

    // ---- reads

    @Transactional(readOnly = true)
    ManifestView get(UUID id, CurrentUser user) {
        return ManifestView.of(visible(repository.find(id), user));
    }

    @Transactional(readOnly = true)
    List<ManifestView> list(ManifestStatus status, CurrentUser user) {
        List<String> codes = null;
        if (user.isScopedToParty()) {
            codes = agreements.all().stream().filter(a -> a.sendingParty().code().equals(user.partyCode()))
                    .map(Agreement::code).toList();
        } else if (user.is(Role.CONSULAR)) {
            codes = List.of();
        }
        return repository.list(status, codes, 200).stream().map(ManifestView::of).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public int enRoute(String facilityCode) {
        return repository.enRoute(facilityCode);
    }

    /** The time zone of a facility, in which the console shows and reads times. */
    java.time.ZoneId zoneOf(String facilityCode) {
        return facility(facilityCode).zone();
    }

    // ---- changes

    @Transactional
    ManifestView create(ManifestRequests.NewManifest request, CurrentUser user) {
        Validation v = new Validation().check(validator, request);
        Agreement agreement = null;
        if (request.agreementCode() != null && !request.agreementCode().isBlank()) {
            agreement = agreements.find(request.agreementCode()).filter(a -> mayUse(a, user)).orElseThrow(() ->
                    new ApiException(AgreementProblem.AGREEMENT_NOT_FOUND, "No agreement " + request.agreementCode()));
            if (!agreement.isActiveOn(LocalDate.ofInstant(clock.instant(), facility(agreement.facilityCode()).zone()))) {
                v.add("agreementCode", "AGREEMENT_NOT_ACTIVE", "The agreement is " + agreement.status()
                        + " or outside its validity today: nobody travels under it");
            }
        }
        if (request.scheduledDeparture() != null && request.scheduledArrival() != null
                && request.scheduledArrival().isBefore(request.scheduledDeparture())) {
            v.add("scheduledArrival", "INVALID_DATE", "The arrival is scheduled before the departure");
        }
        List<UUID> ids = request.referralIds() == null ? List.of() : request.referralIds();
        List<Manifest.Traveller> travellers = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            String field = "referralIds[" + i + "]";
            if (id == null) {
                continue; // reported by Bean Validation
            }
            if (!seen.add(id)) {
                v.add(field, "DUPLICATE", "The referral is listed twice");
                continue;
            }
            Optional<ReferralSnapshot> referral = referrals.find(id).filter(r -> mayRead(r, user));
            if (referral.isEmpty()) {
                v.add(field, "REFERRAL_NOT_FOUND", "No referral " + id);
            } else if (agreement != null && !referral.get().agreementCode().equals(agreement.code())) {
                v.add(field, "REFERRAL_OF_OTHER_AGREEMENT", "The referral is under " + referral.get().agreementCode());
            } else if (referral.get().status() != ReferralStatus.ACCEPTED) {
                v.add(field, "REFERRAL_NOT_ACCEPTED", "The referral is " + referral.get().status()
                        + "; only accepted referrals travel");
            } else {
                repository.openManifestOf(id).ifPresent(open -> v.add(field, "REFERRAL_ON_OPEN_MANIFEST",
                        "The referral is already on manifest " + open));
                var person = referral.get().person();
                travellers.add(new Manifest.Traveller(id, referral.get().externalReference(), person.givenNames(),
                        person.familyNames(), person.nationalities() == null ? List.of() : person.nationalities()));
            }
        }
        v.throwIfInvalid();
        Manifest manifest = Manifest.plan(UUID.randomUUID(), agreement.code(), agreement.facilityCode(),
                request.carrier().strip(), request.transportReference().strip(), request.escortOfficers() == null
                        ? List.of() : request.escortOfficers().stream().filter(s -> s != null && !s.isBlank())
                        .map(String::strip).toList(),
                request.scheduledDeparture(), request.scheduledArrival(), travellers, user.username(), clock.instant());
        try {
            repository.insert(manifest);
        } catch (DuplicateKeyException e) {
            throw new ApiException(TransportProblem.REFERRAL_ON_OPEN_MANIFEST,
                    "A referral was put on another open manifest at the same moment; try again");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agreementCode", manifest.agreementCode());
        payload.put("carrier", manifest.carrier());
        payload.put("transportReference", manifest.transportReference());
        payload.put("scheduledDeparture", manifest.scheduledDeparture());
        payload.put("scheduledArrival", manifest.scheduledArrival());
        payload.put("escortOfficers", manifest.escortOfficers());
        payload.put("referralIds", ids);
        ledger.append("MANIFEST_PLANNED", "MANIFEST", manifest.id().toString(), payload);
        return ManifestView.of(manifest);
    }

    @Transactional
    ManifestView depart(UUID id, ManifestRequests.Departure request, CurrentUser user) {
        Manifest manifest = visible(repository.lock(id), user);
        new Validation().check(validator, request).throwIfInvalid();
        List<Passenger> travelling = manifest.depart(request.departedAt(), user.username());
        List<FieldProblem> problems = new ArrayList<>();
        for (Passenger person : travelling) {
            ReferralStatus status = referrals.find(person.referralId()).map(ReferralSnapshot::status).orElse(null);
            if (status != ReferralStatus.ACCEPTED) {
                problems.add(new FieldProblem("people[" + person.position() + "]", "REFERRAL_NOT_ACCEPTED",
                        "Referral " + person.referralId() + " is " + status + ": remove it from the manifest first"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(TransportProblem.MANIFEST_REFERRAL_NOT_ACCEPTED,
                    "Some people on the manifest are no longer accepted referrals", problems);
        }
        travelling.forEach(person -> referrals.markInTransit(person.referralId(), manifest.id()));
        repository.save(manifest);
        ledger.append("MANIFEST_DEPARTED", "MANIFEST", id.toString(), Map.of("departedAt", request.departedAt(),
                "people", travelling.size()));
        return ManifestView.of(manifest);
    }

    /**
     * The handover of one person at the gate: admitted with a prisoner number, or refused and recorded. Transport
     * checks the facts of the trip; custody checks the admission record (Rule 7); both lists come back at once.
     */
    @Transactional
    ManifestView.Handover arrive(UUID id, ManifestRequests.Arrival request, CurrentUser user) {
        Manifest manifest = visible(repository.lock(id), user);
        Validation v = new Validation().check(validator, request);
        if (request.arrivedAt() != null && manifest.departedAt() != null
                && request.arrivedAt().isBefore(manifest.departedAt())) {
            v.add("arrivedAt", "BEFORE_DEPARTURE", "The arrival is before the departure of " + manifest.departedAt());
        }
        boolean verified = Boolean.TRUE.equals(request.identityVerified());
        if (Boolean.FALSE.equals(request.identityVerified())) {
            v.notBlank(request.identityDiscrepancy(), "identityDiscrepancy");
        }
        Passenger person = request.referralId() == null ? null : manifest.atTheGate(request.referralId());
        ReferralSnapshot referral = person == null ? null : referrals.find(person.referralId()).orElseThrow();
        Agreement agreement = agreements.find(manifest.agreementCode()).orElseThrow();
        AdmissionCommand admission = null;
        if (verified && referral != null) {
            admission = admissionOf(referral, agreement, manifest, request, user);
            admissionProblems(admission).forEach(p -> v.add(p.field(), p.code(), p.message()));
        }
        v.throwIfInvalid();
        if (referral.status() != ReferralStatus.IN_TRANSIT) {
            throw new ApiException(ReferralProblem.REFERRAL_NOT_IN_TRANSIT, "The referral is " + referral.status());
        }
        Instant now = clock.instant();
        String handoverJson = CanonicalJson.write(request);
        if (!verified) {
            Discrepancy discrepancy = new Discrepancy("IDENTITY_NOT_VERIFIED", request.identityDiscrepancy().strip());
            referrals.markHandoverRefused(referral.id(), "IDENTITY_NOT_VERIFIED: " + discrepancy.details());
            manifest.refuse(referral.id(), request.arrivedAt(), handoverJson, discrepancy, user.username(), now);
            repository.save(manifest);
            ledger.append("HANDOVER_REFUSED", "MANIFEST", id.toString(), Map.of("referralId", referral.id(),
                    "discrepancy", discrepancy, "handover", CanonicalJson.read(handoverJson)));
            return new ManifestView.Handover(referral.id(), PassengerOutcome.HANDOVER_REFUSED, null, null, discrepancy);
        }
        Admission admitted = admissions.admit(admission);
        referrals.markAdmitted(referral.id(), admitted.prisonerNumber());
        manifest.arrive(referral.id(), request.arrivedAt(), admitted.prisonerNumber(), handoverJson, user.username(), now);
        repository.save(manifest);
        ledger.append("HANDOVER_COMPLETED", "MANIFEST", id.toString(), Map.of("referralId", referral.id(),
                "prisonerNumber", admitted.prisonerNumber(), "arrivedAt", request.arrivedAt()));
        return new ManifestView.Handover(referral.id(), PassengerOutcome.ADMITTED, admitted.prisonerNumber(),
                admitted.prisonerId(), null);
    }

    /**
     * Custody's findings on the admission record, named as the arrival body names them: the handover's fields sit at
     * the top of the body, and the admission time is the arrival time (reported once, under {@code arrivedAt}).
     */
    private List<FieldProblem> admissionProblems(AdmissionCommand admission) {
        Set<FieldProblem> problems = new LinkedHashSet<>();
        for (FieldProblem p : admissions.problems(admission)) {
            String field = p.field().startsWith("handover.") ? p.field().substring("handover.".length())
                    : p.field().equals("admittedAt") ? null : p.field();
            if (field != null) {
                problems.add(new FieldProblem(field, p.code(), p.message()));
            }
        }
        return List.copyOf(problems);
    }

    /** Someone on a dispatched manifest who will not be handed over: accounted for with what happened. */
    @Transactional
    ManifestView recordDiscrepancy(UUID id, ManifestRequests.Discrepancy request, CurrentUser user) {
        Manifest manifest = visible(repository.lock(id), user);
        new Validation().check(validator, request).throwIfInvalid();
        Instant now = clock.instant();
        Discrepancy discrepancy = new Discrepancy(request.kind().name(), request.details().strip());
        manifest.accountFor(request.referralId(), discrepancy, request.occurredAt() == null ? now : request.occurredAt(),
                user.username(), now);
        referrals.markHandoverRefused(request.referralId(), "NOT_ARRIVED " + request.kind() + ": " + discrepancy.details());
        repository.save(manifest);
        ledger.append("MANIFEST_DISCREPANCY", "MANIFEST", id.toString(), Map.of("referralId", request.referralId(),
                "discrepancy", discrepancy));
        return ManifestView.of(manifest);
    }

    @Transactional
    ManifestView remove(UUID id, ManifestRequests.Removal request, CurrentUser user) {
        Manifest manifest = visible(repository.lock(id), user);
        new Validation().check(validator, request).throwIfInvalid();
        manifest.remove(request.referralId(), request.reason().strip(), user.username(), clock.instant());
        repository.save(manifest);
        ledger.append("MANIFEST_PERSON_REMOVED", "MANIFEST", id.toString(), Map.of("referralId", request.referralId(),
                "reason", request.reason().strip()));
        return ManifestView.of(manifest);
    }

    @Transactional
    ManifestView cancel(UUID id, ManifestRequests.Cancellation request, CurrentUser user) {
        Manifest manifest = visible(repository.lock(id), user);
        new Validation().check(validator, request).throwIfInvalid();
        manifest.cancel(request.reason().strip(), clock.instant());
        repository.save(manifest);
        ledger.append("MANIFEST_CANCELLED", "MANIFEST", id.toString(), Map.of("reason", request.reason().strip()));
        return ManifestView.of(manifest);
    }

    /** Closes a manifest once everyone on it is admitted or accounted for. */
    @Transactional
    ManifestView close(UUID id, CurrentUser user) {
        Manifest manifest = visible(repository.lock(id), user);
        manifest.close(user.username(), clock.instant());
        repository.save(manifest);
        ledger.append("MANIFEST_CLOSED", "MANIFEST", id.toString(), Map.of("closedBy", user.username()));
        return ManifestView.of(manifest);
    }

    // ---- helpers

    private AdmissionCommand admissionOf(ReferralSnapshot referral, Agreement agreement, Manifest manifest,
                                         ManifestRequests.Arrival r, CurrentUser user) {
        Dossier dossier = referral.dossier();
        // The day of arrival at the facility, in its zone: the judgments final by then are executed.
        LocalDate arrivalDay = r.arrivedAt() == null ? null
                : LocalDate.ofInstant(r.arrivedAt(), facility(manifest.facilityCode()).zone());
        var person = dossier.person();
        var identity = new AdmissionCommand.Person(person.givenNames(), person.familyNames(), person.aliases(),
                person.dateOfBirth(), person.sex() == null ? null : person.sex().name(), r.selfPerceivedGender(),
                person.nationalities(), person.identityDocuments().stream()
                .map(d -> new AdmissionCommand.IdentityDocument(d.type(), d.number(), d.issuingCountry())).toList(),
                person.biometricReference());
        var order = dossier.commitmentOrder() == null ? null : new AdmissionCommand.CommitmentOrder(
                dossier.commitmentOrder().reference(), dossier.commitmentOrder().issuingAuthority(),
                dossier.commitmentOrder().issuedOn());
        String authority = r.responsibleAuthority() != null && !r.responsibleAuthority().isBlank()
                ? r.responsibleAuthority().strip()
                : dossier.commitmentOrder() == null ? null : dossier.commitmentOrder().issuingAuthority();
        // Only final judgments are executed: a conviction still under appeal is not a sentence to serve.
        List<AdmissionCommand.Conviction> convictions = arrivalDay == null ? List.of() : dossier.convictions().stream()
                .filter(c -> c.isFinalOn(arrivalDay))
                .map(ManifestService::conviction)
                .toList();
        var affiliation = dossier.gangAffiliation() == null || dossier.gangAffiliation().group() == null ? null
                : new AdmissionCommand.GangAffiliation(dossier.gangAffiliation().group().name(),
                dossier.gangAffiliation().source());
        String securityLevel = dossier.proposedSecurityLevel() == null ? "HIGH" : dossier.proposedSecurityLevel().name();
        var handover = new AdmissionCommand.Handover(true, r.verificationMethod(), r.conditionOnArrival(),
                r.injuriesObserved(), r.complaintOfIllTreatment(), r.illTreatmentDetails(),
                r.property() == null ? List.of() : r.property(),
                r.familyMembers() == null ? List.of() : r.familyMembers(),
                r.emergencyContact(), r.nextOfKin(), r.informedOfConsularRights(), r.consularNotificationRequested(),
                r.consulateNotifiedAt(), Boolean.TRUE.equals(r.familyNotificationDeclined()));
        return new AdmissionCommand(referral.id(), agreement.code(), agreement.sendingParty().code(),
                manifest.facilityCode(), identity, new AdmissionCommand.ReasonsForCommitment(order, authority, null),
                convictions, agreement.sentenceRegime(), agreement.gctDaysPerYear(), affiliation, securityLevel,
                r.arrivedAt(), handover, user.username());
    }

    private static AdmissionCommand.Conviction conviction(Conviction c) {
        var sentence = c.sentence() == null ? null
                : new AdmissionCommand.Term(c.sentence().years(), c.sentence().months(), c.sentence().days(),
                c.sentence().life());
        return new AdmissionCommand.Conviction(c.court(), c.caseNumber(), c.offences().stream()
                .map(o -> new AdmissionCommand.Offence(o.code(), o.description())).toList(), sentence,
                c.sentenceStartDate(), c.jailCreditDays(), c.relation().name());
    }

    private Facility facility(String code) {
        return facilities.find(code).orElseThrow();
    }

    private Manifest visible(Optional<Manifest> manifest, CurrentUser user) {
        return manifest.filter(m -> agreements.find(m.agreementCode()).map(a -> mayUse(a, user)).orElse(false))
                .orElseThrow(() -> new ApiException(TransportProblem.MANIFEST_NOT_FOUND, "No such manifest"));
    }

    /** A sending agency works only under agreements its state sends under; consulates see no manifests. */
    private static boolean mayUse(Agreement agreement, CurrentUser user) {
        if (user.isScopedToParty()) {
            return agreement.sendingParty().code().equals(user.partyCode());
        }
        return !user.is(Role.CONSULAR);
    }

    private static boolean mayRead(ReferralSnapshot referral, CurrentUser user) {
        return !user.isScopedToParty() || referral.sendingParty().equals(user.partyCode());
    }
}
