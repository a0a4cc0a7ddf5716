package org.custodia.custody.internal;

import org.custodia.custody.CustodyProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.Agreements;
import org.custodia.common.ApiException;
import org.custodia.common.NotInFuture;
import org.custodia.common.Validation;
import org.custodia.custody.Admission;
import org.custodia.custody.AdmissionCommand;
import org.custodia.custody.AdmissionCommand.Conviction;
import org.custodia.custody.AdmissionCommand.Handover;
import org.custodia.custody.AdmissionCommand.Person;
import org.custodia.custody.AdmissionCommand.ReasonsForCommitment;
import org.custodia.custody.Admissions;
import org.custodia.custody.PrisonerAdmitted;
import org.custodia.facility.Facilities;
import org.custodia.facility.Facility;
import org.custodia.ledger.Ledger;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AdmissionService implements Admissions {

    static final Set<String> SECURITY_LEVELS = Set.of("MINIMUM", "MEDIUM", "HIGH", "MAXIMUM");
    static final Set<String> SEXES = Set.of("MALE", "FEMALE");
    static final Set<String> RELATIONS = Set.of("CONCURRENT", "CONSECUTIVE");

    private final PrisonerStore store;
    private final Agreements agreements;
    private final Facilities facilities;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final CustodyTime time;
    private final SentenceDates.Calculator sentences;
    private final FileWriter file;

    AdmissionService(PrisonerStore store, Agreements agreements, Facilities facilities, Ledger ledger,
                     ApplicationEventPublisher events, CustodyTime time, SentenceDates.Calculator sentences,
                     FileWriter file) {
        this.store = store;
        this.agreements = agreements;
        this.facilities = facilities;
        this.ledger = ledger;
        this.events = events;
        this.time = time;
        this.sentences = sentences;
        this.file = file;
    }

    @Override
    @Transactional
    public Admission admit(AdmissionCommand c) {
        if (c == null) {
            throw ApiException.validation(List.of(new org.custodia.common.FieldProblem("", "REQUIRED",
                    "The admission is required")));
        }
        Validation v = new Validation();
        Agreement agreement = validate(c, v);
        Facility facility = c.facilityCode() == null ? null : facilities.find(c.facilityCode()).orElse(null);
        v.throwIfInvalid();
        if (store.referralAdmitted(c.referralId())) {
            throw new ApiException(CustodyProblem.REFERRAL_ALREADY_ADMITTED,
                    "The person of referral " + c.referralId() + " has been admitted already");
        }
        String regime = c.sentenceRegime() != null ? c.sentenceRegime() : agreement.sentenceRegime();
        int gct = c.gctDaysPerYear() != null ? c.gctDaysPerYear() : agreement.gctDaysPerYear();
        int year = LocalDate.ofInstant(c.admittedAt(), facility.zone()).getYear();
        int sequence = store.nextNumber(facility.code(), year);
        String number = "%s-%d-%06d".formatted(facility.code(), year, sequence);
        UUID id = UUID.randomUUID();
        ReasonsForCommitment reasons = c.reasonsForCommitment();
        SentenceDates dates = sentences.compute(new SentenceDates.Input(regime, c.convictions(), gct, List.of(),
                java.util.Locale.ENGLISH));
        Person person = normalise(c.person());
        Handover handover = c.handover();
        PrisonerRecord p = new PrisonerRecord(id, number, c.referralId(), c.agreementCode(), facility.code(),
                c.legalCustodian(), facility.code(), PrisonerStatus.IN_CUSTODY, null, null, person,
                reasons.commitmentOrder(), reasons.responsibleAuthority(), reasons.arrest(), List.copyOf(c.convictions()),
                regime, gct, 0, dates.fullTermDate(), dates.releaseDate(),
                c.gangAffiliation() == null ? null : c.gangAffiliation().group(),
                c.gangAffiliation() == null ? null : c.gangAffiliation().source(), c.securityLevel(), c.admittedAt(),
                time.now(), c.recordedBy(), handover, handover.familyNotificationDeclined(), null, null, null);
        store.insert(p, searchText(number, person));

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("referralId", c.referralId());
        details.put("agreementCode", c.agreementCode());
        details.put("legalCustodian", c.legalCustodian());
        details.put("physicalCustodian", facility.code());
        details.put("commitmentOrder", reasons.commitmentOrder());
        details.put("identityVerified", handover.identityVerified());
        details.put("verificationMethod", handover.verificationMethod());
        details.put("conditionOnArrival", handover.conditionOnArrival());
        details.put("injuriesObserved", handover.injuriesObserved());
        details.put("complaintOfIllTreatment", handover.complaintOfIllTreatment());
        details.put("propertyItems", handover.property() == null ? 0 : handover.property().size());
        details.put("securityLevel", c.securityLevel());
        FileEvent admission = file.append(p, "ADMISSION", c.admittedAt(), c.recordedBy(), details, null, false);
        if (handover.complains()) {
            file.alert(p, admission, "ILL_TREATMENT_AT_ADMISSION", handover.illTreatmentDetails());
        }
        notifyAtAdmission(p, handover, agreement.receivingParty().country());

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("prisonerNumber", number);
        payload.put("prisonerId", id);
        payload.put("referralId", c.referralId());
        payload.put("agreementCode", c.agreementCode());
        payload.put("legalCustodian", c.legalCustodian());
        payload.put("facilityCode", facility.code());
        payload.put("admittedAt", c.admittedAt());
        payload.put("recordedBy", c.recordedBy());
        payload.put("person", person);
        payload.put("reasonsForCommitment", reasons);
        payload.put("convictions", c.convictions());
        payload.put("sentenceRegime", regime);
        payload.put("gctDaysPerYear", gct);
        payload.put("gangAffiliation", c.gangAffiliation());
        payload.put("securityLevel", c.securityLevel());
        payload.put("handover", handover);
        ledger.append("PRISONER_ADMITTED", "PRISONER", number, payload);
        events.publishEvent(new PrisonerAdmitted(id, number, c.referralId(), c.agreementCode(), facility.code(),
                c.admittedAt()));
        return new Admission(id, number);
    }

    @Override
    @Transactional(readOnly = true)
    public List<org.custodia.common.FieldProblem> problems(AdmissionCommand c) {
        if (c == null) {
            return List.of(new org.custodia.common.FieldProblem("", "REQUIRED", "The admission is required"));
        }
        Validation v = new Validation();
        validate(c, v);
        return v.problems();
    }

    /** Rule 68 (the family is told of the imprisonment) and Vienna Art. 36 (the consulate, when the person asks). */
    private void notifyAtAdmission(PrisonerRecord p, Handover h, String homeCountry) {
        if (h.wantsConsulNotified()) {
            for (String nationality : p.nationalities()) {
                if (!nationality.equals(homeCountry)) {
                    file.notify(p, "CONSULATE", "Consulate of " + nationality, null, "CONSULAR_NOTIFICATION",
                            "DIPLOMATIC_NOTE", h.consulateNotifiedAt());
                }
            }
        }
        if (!h.familyNotificationDeclined() && h.emergencyContact() != null) {
            file.notify(p, "FAMILY", h.emergencyContact().name(), h.emergencyContact().phone(), "IMPRISONMENT", "PHONE",
                    null);
        }
    }

    static String searchText(String number, Person person) {
        List<String> parts = new ArrayList<>();
        parts.add(number);
        parts.add(person.givenNames());
        parts.add(person.familyNames());
        if (person.aliases() != null) {
            parts.addAll(person.aliases());
        }
        if (person.identityDocuments() != null) {
            person.identityDocuments().forEach(d -> parts.add(d.number()));
        }
        return String.join(" ", parts.stream().filter(s -> s != null && !s.isBlank()).toList());
    }

    private static Person normalise(Person p) {
        return new Person(p.givenNames().strip(), p.familyNames().strip(), p.aliases() == null ? List.of() : p.aliases(),
                p.dateOfBirth(), p.sex(), p.selfPerceivedGender(), p.nationalities(),
                p.identityDocuments() == null ? List.of() : p.identityDocuments(), p.biometricReference());
    }

    private Agreement validate(AdmissionCommand c, Validation v) {
        v.notNull(c.referralId(), "referralId");
        Agreement agreement = null;
        if (c.agreementCode() == null || c.agreementCode().isBlank()) {
            v.add("agreementCode", "REQUIRED", "agreementCode is required");
        } else {
            Optional<Agreement> found = agreements.find(c.agreementCode());
            if (found.isEmpty()) {
                v.add("agreementCode", "UNKNOWN_AGREEMENT", "No agreement " + c.agreementCode());
            } else {
                agreement = found.get();
            }
        }
        v.notBlank(c.legalCustodian(), "legalCustodian");
        if (agreement != null && c.legalCustodian() != null && !c.legalCustodian().isBlank()
                && !agreement.sendingParty().code().equals(c.legalCustodian())) {
            v.add("legalCustodian", "NOT_SENDING_PARTY", "The legal custodian must be the agreement's sending party, "
                    + agreement.sendingParty().code());
        }
        Facility facility = null;
        if (c.facilityCode() == null || c.facilityCode().isBlank()) {
            v.add("facilityCode", "REQUIRED", "facilityCode is required");
        } else {
            facility = facilities.find(c.facilityCode()).orElse(null);
            if (facility == null) {
                v.add("facilityCode", "UNKNOWN_FACILITY", "No facility " + c.facilityCode());
            }
        }
        person(c.person(), v);
        reasons(c.reasonsForCommitment(), c, facility, v);
        convictions(c.convictions(), v);
        if (c.convictions() != null && !c.convictions().isEmpty()) {
            // the sentence module checks the terms, the start dates, the credits, the regime and the rate
            String regime = c.sentenceRegime() != null ? c.sentenceRegime()
                    : agreement != null ? agreement.sentenceRegime() : null;
            Integer gct = c.gctDaysPerYear() != null ? c.gctDaysPerYear()
                    : agreement != null ? Integer.valueOf(agreement.gctDaysPerYear()) : null;
            if (regime != null && gct != null && sentences.regimes().contains(regime) && Set.of(54, 42, 0).contains(gct)) {
                sentences.problems(new SentenceDates.Input(regime, c.convictions(), gct, List.of(), java.util.Locale.ENGLISH))
                        .forEach(p -> v.add(p.field(), p.code(), p.message()));
            }
        }
        if (c.sentenceRegime() != null) {
            v.require(sentences.regimes().contains(c.sentenceRegime()), "sentenceRegime", "INVALID_VALUE",
                    "One of " + sentences.regimes());
        }
        if (c.gctDaysPerYear() != null) {
            v.require(Set.of(54, 42, 0).contains(c.gctDaysPerYear()), "gctDaysPerYear", "INVALID_VALUE", "54, 42 or 0");
        }
        if (c.gangAffiliation() != null) {
            v.notBlank(c.gangAffiliation().group(), "gangAffiliation.group");
            if (c.gangAffiliation().group() != null && !c.gangAffiliation().group().matches("[A-Z0-9_]{2,60}")) {
                v.add("gangAffiliation.group", "INVALID_FORMAT", "An upper-case code such as MS13 or TREN_DE_ARAGUA");
            }
        }
        if (c.securityLevel() == null) {
            v.add("securityLevel", "REQUIRED", "securityLevel is required");
        } else {
            v.require(SECURITY_LEVELS.contains(c.securityLevel()), "securityLevel", "INVALID_VALUE", "One of " + SECURITY_LEVELS);
        }
        v.notNull(c.admittedAt(), "admittedAt");
        notFuture(c.admittedAt(), "admittedAt", v);
        handover(c.handover(), c.person(), agreement, v);
        v.notBlank(c.recordedBy(), "recordedBy");
        return agreement;
    }

    private void person(Person p, Validation v) {
        if (p == null) {
            v.add("person", "REQUIRED", "person is required");
            return;
        }
        v.notBlank(p.givenNames(), "person.givenNames");
        v.notBlank(p.familyNames(), "person.familyNames");
        v.notNull(p.dateOfBirth(), "person.dateOfBirth");
        if (NotInFuture.Rule.inFuture(p.dateOfBirth(), time.clock())) {
            v.add("person.dateOfBirth", "IN_FUTURE", "person.dateOfBirth lies in the future");
        }
        if (p.sex() == null) {
            v.add("person.sex", "REQUIRED", "person.sex is required");
        } else {
            v.require(SEXES.contains(p.sex()), "person.sex", "INVALID_VALUE", "MALE or FEMALE");
        }
        if (p.nationalities() == null || p.nationalities().isEmpty()) {
            v.add("person.nationalities", "REQUIRED", "At least one nationality");
        } else {
            for (int i = 0; i < p.nationalities().size(); i++) {
                String n = p.nationalities().get(i);
                v.require(n != null && n.matches("[A-Z]{2}"), "person.nationalities[" + i + "]", "INVALID_FORMAT",
                        "An ISO 3166 alpha-2 code such as VE");
            }
        }
        if (p.aliases() != null) {
            for (int i = 0; i < p.aliases().size(); i++) {
                v.notBlank(p.aliases().get(i), "person.aliases[" + i + "]");
            }
        }
        if (p.identityDocuments() != null) {
            for (int i = 0; i < p.identityDocuments().size(); i++) {
                var d = p.identityDocuments().get(i);
                String f = "person.identityDocuments[" + i + "]";
                if (d == null) {
                    v.add(f, "REQUIRED", f + " is empty");
                    continue;
                }
                v.notBlank(d.type(), f + ".type");
                v.notBlank(d.number(), f + ".number");
                v.require(d.issuingCountry() != null && d.issuingCountry().matches("[A-Z]{2}"), f + ".issuingCountry",
                        "INVALID_FORMAT", "An ISO 3166 alpha-2 code");
            }
        }
    }

    private void reasons(ReasonsForCommitment r, AdmissionCommand c, Facility facility, Validation v) {
        if (r == null) {
            v.add("reasonsForCommitment", "REQUIRED", "Mandela Rule 7: nobody is admitted without a valid commitment order");
            return;
        }
        if (r.commitmentOrder() == null) {
            v.add("reasonsForCommitment.commitmentOrder", "REQUIRED",
                    "Mandela Rule 7: nobody is admitted without a valid commitment order");
        } else {
            v.notBlank(r.commitmentOrder().reference(), "reasonsForCommitment.commitmentOrder.reference");
            v.notBlank(r.commitmentOrder().issuingAuthority(), "reasonsForCommitment.commitmentOrder.issuingAuthority");
            v.notNull(r.commitmentOrder().issuedOn(), "reasonsForCommitment.commitmentOrder.issuedOn");
            if (r.commitmentOrder().issuedOn() != null && c.admittedAt() != null && facility != null
                    && r.commitmentOrder().issuedOn().isAfter(LocalDate.ofInstant(c.admittedAt(), facility.zone()))) {
                v.add("reasonsForCommitment.commitmentOrder.issuedOn", "AFTER_ADMISSION",
                        "The commitment order must exist at admission");
            }
        }
        v.notBlank(r.responsibleAuthority(), "reasonsForCommitment.responsibleAuthority");
        if (r.arrest() != null) {
            v.notNull(r.arrest().date(), "reasonsForCommitment.arrest.date");
            v.notBlank(r.arrest().place(), "reasonsForCommitment.arrest.place");
            if (NotInFuture.Rule.inFuture(r.arrest().date(), time.clock())) {
                v.add("reasonsForCommitment.arrest.date", "IN_FUTURE", "The arrest lies in the future");
            }
        }
    }

    private void convictions(List<Conviction> convictions, Validation v) {
        if (convictions == null || convictions.isEmpty()) {
            v.add("convictions", "REQUIRED", "Only convicted persons are admitted: at least one conviction");
            return;
        }
        for (int i = 0; i < convictions.size(); i++) {
            Conviction c = convictions.get(i);
            String f = "convictions[" + i + "]";
            if (c == null) {
                v.add(f, "REQUIRED", f + " is empty");
                continue;
            }
            v.notBlank(c.court(), f + ".court");
            v.notBlank(c.caseNumber(), f + ".caseNumber");
            if (c.offences() == null || c.offences().isEmpty()) {
                v.add(f + ".offences", "REQUIRED", "At least one offence");
            } else {
                for (int j = 0; j < c.offences().size(); j++) {
                    var o = c.offences().get(j);
                    v.notBlank(o == null ? null : o.code(), f + ".offences[" + j + "].code");
                    v.notBlank(o == null ? null : o.description(), f + ".offences[" + j + "].description");
                }
            }
            if (c.relation() != null) {
                v.require(RELATIONS.contains(c.relation()), f + ".relation", "INVALID_VALUE", "One of " + RELATIONS);
            }
        }
    }

    /** The handover part of Rule 7 (c) to (g) and Vienna Art. 36: custody's rules, whoever hands the person over. */
    private void handover(Handover h, Person person, Agreement agreement, Validation v) {
        if (h == null) {
            v.add("handover", "REQUIRED", "The arrival handover is required");
            return;
        }
        v.require(h.identityVerified(), "handover.identityVerified", "IDENTITY_NOT_VERIFIED",
                "Mandela Rule 7(a): the identity must be verified before admission");
        v.notNull(h.verificationMethod(), "handover.verificationMethod");
        v.require(h.injuriesObserved() != null && !h.injuriesObserved().isBlank(), "handover.injuriesObserved",
                "REQUIRED", "Record the visible injuries, or 'none' (Rule 7(d))");
        v.notNull(h.complaintOfIllTreatment(), "handover.complaintOfIllTreatment");
        if (h.complains()) {
            v.notBlank(h.illTreatmentDetails(), "handover.illTreatmentDetails");
        }
        if (h.property() != null) {
            for (int i = 0; i < h.property().size(); i++) {
                var item = h.property().get(i);
                String f = "handover.property[" + i + "]";
                v.notBlank(item == null ? null : item.description(), f + ".description");
                v.require(item != null && item.quantity() >= 1, f + ".quantity", "OUT_OF_RANGE", "At least 1");
            }
        }
        if (h.familyMembers() != null) {
            for (int i = 0; i < h.familyMembers().size(); i++) {
                var m = h.familyMembers().get(i);
                String f = "handover.familyMembers[" + i + "]";
                v.notBlank(m == null ? null : m.name(), f + ".name");
                v.notBlank(m == null ? null : m.relationship(), f + ".relationship");
                if (m != null && m.age() != null) {
                    v.require(m.age() >= 0 && m.age() < 130, f + ".age", "OUT_OF_RANGE", "0 to 129");
                }
            }
        }
        // Rule 7(g): whom to reach. A name is required ("none given" when the person names nobody); the phone is
        // recorded when known, and the family notification waits for it otherwise.
        if (h.emergencyContact() == null) {
            v.add("handover.emergencyContact", "REQUIRED", "Rule 7(g): an emergency contact is required");
        } else {
            v.require(h.emergencyContact().name() != null && !h.emergencyContact().name().isBlank(),
                    "handover.emergencyContact.name", "REQUIRED", "An emergency contact is required (Rule 7 g); "
                            + "write 'none given' if the person names nobody");
        }
        if (h.nextOfKin() != null) {
            v.notBlank(h.nextOfKin().name(), "handover.nextOfKin.name");
        }
        if (isForeignNational(person, agreement)) {
            v.require(Boolean.TRUE.equals(h.informedOfConsularRights()), "handover.informedOfConsularRights",
                    "CONSULAR_RIGHTS_NOT_INFORMED", "Vienna Convention Art. 36: a foreign national is told of the "
                            + "right to consular notification before admission");
            v.notNull(h.consularNotificationRequested(), "handover.consularNotificationRequested");
        }
        notFuture(h.consulateNotifiedAt(), "handover.consulateNotifiedAt", v);
    }

    /**
     * Vienna Art. 36 concerns foreign nationals: a person with the nationality of the receiving state (that of the
     * agreement's receiving party) is not one, whatever other nationality they hold.
     */
    static boolean isForeignNational(Person person, Agreement agreement) {
        if (person == null || person.nationalities() == null || agreement == null) {
            return false;
        }
        return org.custodia.custody.Admissions.isForeignNational(person.nationalities(),
                agreement.receivingParty().country());
    }

    private void notFuture(java.time.Instant at, String field, Validation v) {
        if (NotInFuture.Rule.inFuture(at, time.clock())) {
            v.add(field, "IN_FUTURE", field + " lies in the future; records may be written after the fact, never before");
        }
    }
}
