package org.custodia.transport.internal;

import org.custodia.referral.ReferralProblem;
import org.custodia.transport.TransportProblem;
import org.custodia.agreement.AgreementProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.Agreements;
import org.custodia.common.ApiException;
import org.custodia.common.CanonicalJson;
import org.custodia.common.FieldProblem;
import org.custodia.common.Validation;
import org.custodia.custody.Admission;
import org.custodia.custody.AdmissionCommand;
import org.custodia.custody.Admissions;
import org.custodia.custody.EnRouteCounter;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Role;
import org.custodia.ledger.Ledger;
import org.custodia.referral.Conviction;
import org.custodia.referral.Dossier;
import org.custodia.referral.ReferralSnapshot;
import org.custodia.referral.ReferralStatus;
import org.custodia.referral.Referrals;
import org.custodia.transport.ManifestStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chain of custody from the plane to the gate. Only a person on a dispatched manifest, as an accepted referral
 * now in transit, with a verified identity, is admitted; everybody else on the manifest must be accounted for
 * before it closes.
 */
@Service
class ManifestService implements EnRouteCounter {

    static final Set<String> VERIFICATION_METHODS = Set.of("FINGERPRINT", "DOCUMENT", "PHOTO");
    static final Set<String> DISCREPANCY_KINDS = Set.of("NOT_BOARDED", "DIED_IN_TRANSIT", "ESCAPED",
            "MEDICAL_EVACUATION", "OTHER");
    /** Clocks of the people who write records differ a little from ours. */
    private static final Duration SKEW = Duration.ofMinutes(2);

    private final ManifestRepository repository;
    private final Referrals referrals;
    private final Admissions admissions;
    private final Agreements agreements;
    private final Ledger ledger;
    private final Clock clock;

    ManifestService(ManifestRepository repository, Referrals referrals, Admissions admissions, Agreements agreements,
                    Ledger ledger, Clock clock) {
        this.repository = repository;
        this.referrals = referrals;
        this.admissions = admissions;
        this.agreements = agreements;
        this.ledger = ledger;
        this.clock = clock;
    }

    // ---- reads

    @Transactional(readOnly = true)
    ManifestView get(UUID id, CurrentUser user) {
        return view(visible(repository.find(id), user));
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
        return repository.list(status, codes, 200).stream().map(this::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public int enRoute(String facilityCode) {
        return repository.enRoute(facilityCode);
    }

    // ---- changes

    @Transactional
    ManifestView create(ManifestRequests.NewManifest request, CurrentUser user) {
        Validation v = new Validation();
        Agreement agreement = null;
        if (request.agreementCode() == null || request.agreementCode().isBlank()) {
            v.add("agreementCode", "REQUIRED", "agreementCode is required");
        } else {
            agreement = agreements.find(request.agreementCode()).filter(a -> mayUse(a, user)).orElse(null);
            if (agreement == null) {
                throw new ApiException(AgreementProblem.AGREEMENT_NOT_FOUND, "No agreement " + request.agreementCode());
            }
            if (!agreement.isActiveOn(LocalDate.now(clock))) {
                v.add("agreementCode", "AGREEMENT_NOT_ACTIVE", "The agreement is " + agreement.status()
                        + " or outside its validity today: nobody travels under it");
            }
        }
        v.notBlank(request.carrier(), "carrier");
        v.notBlank(request.transportReference(), "transportReference");
        v.notNull(request.scheduledDeparture(), "scheduledDeparture");
        v.notNull(request.scheduledArrival(), "scheduledArrival");
        if (request.scheduledDeparture() != null && request.scheduledArrival() != null
                && request.scheduledArrival().isBefore(request.scheduledDeparture())) {
            v.add("scheduledArrival", "INVALID_DATE", "The arrival is scheduled before the departure");
        }
        List<UUID> ids = request.referralIds() == null ? List.of() : request.referralIds();
        if (ids.isEmpty()) {
            v.add("referralIds", "REQUIRED", "A manifest carries at least one accepted referral");
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            String field = "referralIds[" + i + "]";
            if (id == null) {
                v.add(field, "REQUIRED", "A referral id is required");
                continue;
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
            }
        }
        v.throwIfInvalid();
        Instant now = clock.instant();
        ManifestRepository.Row row = new ManifestRepository.Row(UUID.randomUUID(), agreement.code(),
                agreement.facilityCode(), ManifestStatus.PLANNED, request.carrier().strip(),
                request.transportReference().strip(), request.escortOfficers() == null ? List.of()
                : request.escortOfficers().stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList(),
                request.scheduledDeparture(), request.scheduledArrival(), null, null, null, null, null,
                user.username(), now);
        repository.insert(row);
        try {
            for (int i = 0; i < ids.size(); i++) {
                repository.addPerson(row.id(), ids.get(i), i);
            }
        } catch (DuplicateKeyException e) {
            throw new ApiException(TransportProblem.REFERRAL_ON_OPEN_MANIFEST,
                    "A referral was put on another open manifest at the same moment; try again");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agreementCode", row.agreementCode());
        payload.put("carrier", row.carrier());
        payload.put("transportReference", row.transportReference());
        payload.put("scheduledDeparture", row.scheduledDeparture());
        payload.put("scheduledArrival", row.scheduledArrival());
        payload.put("escortOfficers", row.escortOfficers());
        payload.put("referralIds", ids);
        ledger.append("MANIFEST_PLANNED", "MANIFEST", row.id().toString(), payload);
        return view(row);
    }

    @Transactional
    ManifestView depart(UUID id, ManifestRequests.Departure request, CurrentUser user) {
        ManifestRepository.Row manifest = visible(repository.lock(id), user);
        requireStatus(manifest, TransportProblem.MANIFEST_NOT_PLANNED, ManifestStatus.PLANNED);
        Validation v = new Validation();
        v.notNull(request.departedAt(), "departedAt");
        notInFuture(v, request.departedAt(), "departedAt");
        v.throwIfInvalid();
        List<ManifestRepository.PersonRow> pending = pending(manifest.id());
        if (pending.isEmpty()) {
            throw new ApiException(TransportProblem.MANIFEST_EMPTY, "Nobody is on the manifest");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (ManifestRepository.PersonRow person : pending) {
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
        for (ManifestRepository.PersonRow person : pending) {
            referrals.markInTransit(person.referralId(), manifest.id());
        }
        repository.depart(manifest.id(), request.departedAt(), user.username());
        ledger.append("MANIFEST_DEPARTED", "MANIFEST", id.toString(), Map.of("departedAt", request.departedAt(),
                "people", pending.size()));
        return view(repository.find(id).orElseThrow());
    }

    /** The handover of one person at the gate: admitted with a prisoner number, or refused and recorded. */
    @Transactional
    HandoverResult arrive(UUID id, ManifestRequests.Arrival request, CurrentUser user) {
        ManifestRepository.Row manifest = visible(repository.lock(id), user);
        if (manifest.status() == ManifestStatus.PLANNED) {
            throw new ApiException(TransportProblem.MANIFEST_NOT_DEPARTED, "The manifest has not departed: nobody can arrive on it");
        }
        requireStatus(manifest, TransportProblem.MANIFEST_NOT_OPEN, ManifestStatus.DEPARTED, ManifestStatus.ARRIVED);
        Validation v = validateArrival(request, manifest);
        v.throwIfInvalid();
        ManifestRepository.PersonRow person = repository.people(id).stream()
                .filter(p -> p.referralId().equals(request.referralId())).findFirst()
                .orElseThrow(() -> new ApiException(TransportProblem.PERSON_NOT_ON_MANIFEST,
                        "Referral " + request.referralId() + " is not on this manifest: the person cannot be admitted"));
        if (!"PENDING".equals(person.outcome())) {
            throw new ApiException(TransportProblem.HANDOVER_ALREADY_RECORDED,
                    "The handover of this person was already recorded: " + person.outcome());
        }
        ReferralSnapshot referral = referrals.find(person.referralId()).orElseThrow();
        if (referral.status() != ReferralStatus.IN_TRANSIT) {
            throw new ApiException(ReferralProblem.REFERRAL_NOT_IN_TRANSIT, "The referral is " + referral.status());
        }
        if (manifest.status() == ManifestStatus.DEPARTED) {
            repository.arrive(id, request.arrivedAt());
        }
        Instant now = clock.instant();
        String handoverJson = CanonicalJson.write(request);
        if (!request.identityVerified()) {
            String details = request.identityDiscrepancy() == null || request.identityDiscrepancy().isBlank()
                    ? "Identity could not be verified" : request.identityDiscrepancy().strip();
            Map<String, Object> discrepancy = Map.of("kind", "IDENTITY_NOT_VERIFIED", "details", details);
            referrals.markHandoverRefused(referral.id(), "IDENTITY_NOT_VERIFIED: " + details);
            repository.recordOutcome(id, referral.id(), "HANDOVER_REFUSED", null, handoverJson,
                    CanonicalJson.write(discrepancy), request.arrivedAt(), user.username(), now);
            ledger.append("HANDOVER_REFUSED", "MANIFEST", id.toString(), Map.of("referralId", referral.id(),
                    "discrepancy", discrepancy, "handover", CanonicalJson.read(handoverJson)));
            return new HandoverResult(referral.id(), "HANDOVER_REFUSED", null, null, discrepancy);
        }
        Agreement agreement = agreements.find(manifest.agreementCode()).orElseThrow();
        Admission admission = admissions.admit(admissionOf(referral, agreement, manifest, request, user));
        referrals.markAdmitted(referral.id(), admission.prisonerNumber());
        repository.recordOutcome(id, referral.id(), "ADMITTED", admission.prisonerNumber(), handoverJson, null,
                request.arrivedAt(), user.username(), now);
        ledger.append("HANDOVER_COMPLETED", "MANIFEST", id.toString(), Map.of("referralId", referral.id(),
                "prisonerNumber", admission.prisonerNumber(), "arrivedAt", request.arrivedAt()));
        return new HandoverResult(referral.id(), "ADMITTED", admission.prisonerNumber(), admission.prisonerId(), null);
    }

    /** Someone on a dispatched manifest who will not be handed over: accounted for with what happened. */
    @Transactional
    ManifestView recordDiscrepancy(UUID id, ManifestRequests.Discrepancy request, CurrentUser user) {
        ManifestRepository.Row manifest = visible(repository.lock(id), user);
        requireStatus(manifest, TransportProblem.MANIFEST_NOT_OPEN, ManifestStatus.DEPARTED, ManifestStatus.ARRIVED);
        Validation v = new Validation();
        v.notNull(request.referralId(), "referralId");
        v.require(request.kind() != null && DISCREPANCY_KINDS.contains(request.kind()), "kind", "INVALID_VALUE",
                "One of " + DISCREPANCY_KINDS);
        v.notBlank(request.details(), "details");
        notInFuture(v, request.occurredAt(), "occurredAt");
        v.throwIfInvalid();
        ManifestRepository.PersonRow person = pendingPerson(id, request.referralId());
        Instant now = clock.instant();
        Map<String, Object> discrepancy = Map.of("kind", request.kind(), "details", request.details().strip());
        referrals.markHandoverRefused(person.referralId(), "NOT_ARRIVED " + request.kind() + ": " + request.details().strip());
        repository.recordOutcome(id, person.referralId(), "NOT_ARRIVED", null, null, CanonicalJson.write(discrepancy),
                request.occurredAt() == null ? now : request.occurredAt(), user.username(), now);
        ledger.append("MANIFEST_DISCREPANCY", "MANIFEST", id.toString(), Map.of("referralId", person.referralId(),
                "discrepancy", discrepancy));
        return view(repository.find(id).orElseThrow());
    }

    @Transactional
    ManifestView remove(UUID id, ManifestRequests.Removal request, CurrentUser user) {
        ManifestRepository.Row manifest = visible(repository.lock(id), user);
        requireStatus(manifest, TransportProblem.MANIFEST_NOT_PLANNED, ManifestStatus.PLANNED);
        Validation v = new Validation();
        v.notNull(request.referralId(), "referralId");
        v.notBlank(request.reason(), "reason");
        v.throwIfInvalid();
        ManifestRepository.PersonRow person = pendingPerson(id, request.referralId());
        Instant now = clock.instant();
        repository.recordOutcome(id, person.referralId(), "REMOVED", null, null,
                CanonicalJson.write(Map.of("kind", "REMOVED", "details", request.reason().strip())), now,
                user.username(), now);
        ledger.append("MANIFEST_PERSON_REMOVED", "MANIFEST", id.toString(), Map.of("referralId", person.referralId(),
                "reason", request.reason().strip()));
        return view(repository.find(id).orElseThrow());
    }

    @Transactional
    ManifestView cancel(UUID id, ManifestRequests.Cancellation request, CurrentUser user) {
        ManifestRepository.Row manifest = visible(repository.lock(id), user);
        requireStatus(manifest, TransportProblem.MANIFEST_NOT_PLANNED, ManifestStatus.PLANNED);
        Validation v = new Validation();
        v.notBlank(request.reason(), "reason");
        v.throwIfInvalid();
        repository.cancel(id, clock.instant(), request.reason().strip());
        ledger.append("MANIFEST_CANCELLED", "MANIFEST", id.toString(), Map.of("reason", request.reason().strip()));
        return view(repository.find(id).orElseThrow());
    }

    /** Closes a manifest once everyone on it is admitted or accounted for. */
    @Transactional
    ManifestView close(UUID id, CurrentUser user) {
        ManifestRepository.Row manifest = visible(repository.lock(id), user);
        requireStatus(manifest, TransportProblem.MANIFEST_NOT_OPEN, ManifestStatus.DEPARTED, ManifestStatus.ARRIVED);
        List<FieldProblem> unaccounted = new ArrayList<>();
        for (ManifestRepository.PersonRow person : pending(id)) {
            String name = referrals.find(person.referralId())
                    .map(r -> r.person().givenNames() + " " + r.person().familyNames() + " (" + r.externalReference() + ")")
                    .orElse(person.referralId().toString());
            unaccounted.add(new FieldProblem("people[" + person.position() + "]", "NOT_ACCOUNTED_FOR",
                    name + " is neither admitted nor accounted for"));
        }
        if (!unaccounted.isEmpty()) {
            throw new ApiException(TransportProblem.MANIFEST_HAS_UNACCOUNTED_PEOPLE,
                    unaccounted.size() + " people on the manifest are neither admitted nor accounted for", unaccounted);
        }
        repository.close(id, clock.instant(), user.username());
        ledger.append("MANIFEST_CLOSED", "MANIFEST", id.toString(), Map.of("closedBy", user.username()));
        return view(repository.find(id).orElseThrow());
    }

    // ---- helpers

    private Validation validateArrival(ManifestRequests.Arrival r, ManifestRepository.Row manifest) {
        Validation v = new Validation();
        v.notNull(r.referralId(), "referralId");
        v.notNull(r.arrivedAt(), "arrivedAt");
        notInFuture(v, r.arrivedAt(), "arrivedAt");
        if (r.arrivedAt() != null && manifest.departedAt() != null && r.arrivedAt().isBefore(manifest.departedAt())) {
            v.add("arrivedAt", "BEFORE_DEPARTURE", "The arrival is before the departure of " + manifest.departedAt());
        }
        v.notNull(r.identityVerified(), "identityVerified");
        boolean verified = Boolean.TRUE.equals(r.identityVerified());
        if (verified) {
            v.require(r.verificationMethod() != null && VERIFICATION_METHODS.contains(r.verificationMethod()),
                    "verificationMethod", "INVALID_VALUE", "How identity was verified: one of " + VERIFICATION_METHODS);
            v.notBlank(r.conditionOnArrival(), "conditionOnArrival");
            v.notBlank(r.injuriesObserved(), "injuriesObserved");
            v.notNull(r.complaintOfIllTreatment(), "complaintOfIllTreatment");
            if (Boolean.TRUE.equals(r.complaintOfIllTreatment())) {
                v.notBlank(r.illTreatmentDetails(), "illTreatmentDetails");
            }
            v.require(Boolean.TRUE.equals(r.informedOfConsularRights()), "informedOfConsularRights",
                    "CONSULAR_RIGHTS_NOT_INFORMED",
                    "The person must be told of the right to consular notification before admission (Vienna Art. 36)");
            v.notNull(r.consularNotificationRequested(), "consularNotificationRequested");
            if (r.emergencyContact() == null || r.emergencyContact().name() == null
                    || r.emergencyContact().name().isBlank()) {
                v.add("emergencyContact.name", "REQUIRED", "An emergency contact is required (Rule 7 g); "
                        + "write 'none given' if the person names nobody");
            }
            List<ManifestRequests.PropertyItem> property = r.property() == null ? List.of() : r.property();
            for (int i = 0; i < property.size(); i++) {
                ManifestRequests.PropertyItem item = property.get(i);
                v.require(item != null && item.description() != null && !item.description().isBlank(),
                        "property[" + i + "].description", "REQUIRED", "What the item is");
                v.require(item != null && item.quantity() != null && item.quantity() >= 1,
                        "property[" + i + "].quantity", "OUT_OF_RANGE", "At least 1");
            }
            List<ManifestRequests.FamilyMember> family = r.familyMembers() == null ? List.of() : r.familyMembers();
            for (int i = 0; i < family.size(); i++) {
                ManifestRequests.FamilyMember member = family.get(i);
                v.require(member != null && member.name() != null && !member.name().isBlank(),
                        "familyMembers[" + i + "].name", "REQUIRED", "The family member's name");
                v.require(member != null && member.relationship() != null && !member.relationship().isBlank(),
                        "familyMembers[" + i + "].relationship", "REQUIRED", "How they are related");
            }
            notInFuture(v, r.consulateNotifiedAt(), "consulateNotifiedAt");
        } else if (r.identityVerified() != null) {
            v.notBlank(r.identityDiscrepancy(), "identityDiscrepancy");
        }
        return v;
    }

    private AdmissionCommand admissionOf(ReferralSnapshot referral, Agreement agreement, ManifestRepository.Row manifest,
                                         ManifestRequests.Arrival r, CurrentUser user) {
        Dossier dossier = referral.dossier();
        LocalDate arrivalDay = r.arrivedAt().atZone(ZoneOffset.UTC).toLocalDate();
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
        List<AdmissionCommand.Conviction> convictions = dossier.convictions().stream()
                .filter(c -> c.isFinalOn(arrivalDay))
                .map(ManifestService::conviction)
                .toList();
        var affiliation = dossier.gangAffiliation() == null || dossier.gangAffiliation().group() == null ? null
                : new AdmissionCommand.GangAffiliation(dossier.gangAffiliation().group().name(),
                dossier.gangAffiliation().source());
        String securityLevel = dossier.proposedSecurityLevel() == null ? "HIGH" : dossier.proposedSecurityLevel().name();
        var handover = new AdmissionCommand.Handover(true, r.verificationMethod(), r.conditionOnArrival(),
                r.injuriesObserved(), Boolean.TRUE.equals(r.complaintOfIllTreatment()), r.illTreatmentDetails(),
                r.property() == null ? List.of() : r.property().stream()
                        .map(p -> new AdmissionCommand.PropertyItem(p.description(), p.quantity())).toList(),
                r.familyMembers() == null ? List.of() : r.familyMembers().stream()
                        .map(f -> new AdmissionCommand.FamilyMember(f.name(), f.relationship(), f.location(), f.age(),
                                f.custodyStatus())).toList(),
                contact(r.emergencyContact()), contact(r.nextOfKin()), true,
                Boolean.TRUE.equals(r.consularNotificationRequested()), r.consulateNotifiedAt(),
                Boolean.TRUE.equals(r.familyNotificationDeclined()));
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

    private static AdmissionCommand.Contact contact(ManifestRequests.Contact c) {
        return c == null ? null : new AdmissionCommand.Contact(c.name(), c.phone(), c.relationship());
    }

    private void notInFuture(Validation v, Instant at, String field) {
        if (at != null && at.isAfter(clock.instant().plus(SKEW))) {
            v.add(field, "IN_FUTURE", field + " lies in the future");
        }
    }

    private List<ManifestRepository.PersonRow> pending(UUID id) {
        return repository.people(id).stream().filter(p -> "PENDING".equals(p.outcome())).toList();
    }

    private ManifestRepository.PersonRow pendingPerson(UUID manifestId, UUID referralId) {
        ManifestRepository.PersonRow person = repository.people(manifestId).stream()
                .filter(p -> p.referralId().equals(referralId)).findFirst()
                .orElseThrow(() -> new ApiException(TransportProblem.PERSON_NOT_ON_MANIFEST,
                        "Referral " + referralId + " is not on this manifest"));
        if (!"PENDING".equals(person.outcome())) {
            throw new ApiException(TransportProblem.HANDOVER_ALREADY_RECORDED, "Already recorded: " + person.outcome());
        }
        return person;
    }

    private static void requireStatus(ManifestRepository.Row manifest, TransportProblem code, ManifestStatus... allowed) {
        for (ManifestStatus status : allowed) {
            if (manifest.status() == status) {
                return;
            }
        }
        throw new ApiException(code, "The manifest is " + manifest.status() + "; this needs " + List.of(allowed));
    }

    private ManifestRepository.Row visible(Optional<ManifestRepository.Row> row, CurrentUser user) {
        return row.filter(m -> agreements.find(m.agreementCode()).map(a -> mayUse(a, user)).orElse(false))
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

    private ManifestView view(ManifestRepository.Row m) {
        List<ManifestView.Person> people = new ArrayList<>();
        int pending = 0;
        int admitted = 0;
        int refused = 0;
        int notArrived = 0;
        int removed = 0;
        for (ManifestRepository.PersonRow p : repository.people(m.id())) {
            Optional<ReferralSnapshot> referral = referrals.find(p.referralId());
            String discrepancy = p.discrepancy() == null ? null
                    : CanonicalJson.read(p.discrepancy()).path("details").asString();
            people.add(new ManifestView.Person(p.referralId(),
                    referral.map(ReferralSnapshot::externalReference).orElse(null),
                    referral.map(r -> r.person().givenNames()).orElse(null),
                    referral.map(r -> r.person().familyNames()).orElse(null),
                    referral.map(r -> r.person().nationalities()).orElse(List.of()),
                    p.outcome(), p.prisonerNumber(), discrepancy, p.handedOverAt(), p.recordedBy()));
            switch (p.outcome()) {
                case "PENDING" -> pending++;
                case "ADMITTED" -> admitted++;
                case "HANDOVER_REFUSED" -> refused++;
                case "NOT_ARRIVED" -> notArrived++;
                default -> removed++;
            }
        }
        return new ManifestView(m.id(), m.agreementCode(), m.facilityCode(), m.status(), m.carrier(),
                m.transportReference(), m.escortOfficers(), m.scheduledDeparture(), m.scheduledArrival(),
                m.departedAt(), m.arrivedAt(), m.closedAt(), m.cancelledAt(), m.cancellationReason(), m.createdBy(),
                m.createdAt(), people, new ManifestView.Counts(people.size(), pending, admitted, refused, notArrived,
                removed));
    }

    /** The answer to a handover. */
    record HandoverResult(UUID referralId, String outcome, String prisonerNumber, UUID prisonerId,
                          Map<String, Object> discrepancy) {
    }
}
