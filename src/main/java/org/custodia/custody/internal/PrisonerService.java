package org.custodia.custody.internal;

import org.custodia.custody.CustodyProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.common.ApiException;
import org.custodia.common.Validation;
import org.custodia.custody.PrisonerReleased;
import org.custodia.facility.Facilities;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Role;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.custodia.sentence.SentenceRequest.Forfeiture;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes prisoner files: entries of Rule 8, temporary absences, releases. */
@Service
class PrisonerService {

    /** Who may record each type of entry (see the README). */
    static final Map<String, Set<Role>> ENTRY_ROLES = Map.of(
            "CLASSIFICATION", EnumSet.of(Role.CLASSIFICATION_OFFICER),
            "DISCIPLINE", EnumSet.of(Role.CUSTODY_OFFICER),
            "REQUEST", EnumSet.of(Role.CUSTODY_OFFICER),
            "COMPLAINT", EnumSet.of(Role.CUSTODY_OFFICER),
            "INJURY", EnumSet.of(Role.CUSTODY_OFFICER),
            "MEDICAL_NOTE", EnumSet.of(Role.CUSTODY_OFFICER),
            "VISIT", EnumSet.of(Role.CUSTODY_OFFICER, Role.CONSULAR),
            "COURT", EnumSet.of(Role.CUSTODY_OFFICER));
    static final Set<String> FINDINGS = Set.of("GUILTY", "NOT_GUILTY", "DISMISSED");
    static final Set<String> VISIT_TYPES = Set.of("LEGAL", "CONSULAR", "FAMILY");
    static final Set<String> MOVEMENT_REASONS = Set.of("HOSPITAL", "COURT", "OTHER");
    static final Set<String> RELEASE_TYPES = Set.of("RETURN_TO_SENDING_STATE", "TRANSFER_TO_THIRD_STATE",
            "SENTENCE_COMPLETED", "DEATH");

    private final PrisonerStore store;
    private final Users users;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final CustodyTime time;
    private final FileWriter file;
    private final SentenceDates.Calculator sentences;
    private final Facilities facilities;

    PrisonerService(PrisonerStore store, Users users, Ledger ledger, ApplicationEventPublisher events, CustodyTime time,
                    FileWriter file, SentenceDates.Calculator sentences, Facilities facilities) {
        this.store = store;
        this.users = users;
        this.ledger = ledger;
        this.events = events;
        this.time = time;
        this.file = file;
        this.sentences = sentences;
        this.facilities = facilities;
    }

    static ApiException notFound(String number) {
        return new ApiException(CustodyProblem.PRISONER_NOT_FOUND, "No prisoner " + number);
    }

    @Transactional(readOnly = true)
    PrisonerRecord visible(CurrentUser user, String number) {
        return store.findByNumber(number).filter(p -> PrisonerScope.canSee(user, p)).orElseThrow(() -> notFound(number));
    }

    /** The row under lock, in scope, and not released: the start of every change. */
    private PrisonerRecord changeable(CurrentUser user, String number) {
        PrisonerRecord p = store.lockByNumber(number).filter(r -> PrisonerScope.canSee(user, r))
                .orElseThrow(() -> notFound(number));
        if (p.isReleased()) {
            throw new ApiException(CustodyProblem.PRISONER_RELEASED,
                    "Prisoner " + number + " was released on " + p.releasedAt() + "; the file is read-only");
        }
        return p;
    }

    @Transactional(readOnly = true)
    SentenceDates sentence(PrisonerRecord p, java.util.Locale locale) {
        return sentences.compute(new SentenceDates.Input(p.sentenceRegime(), p.convictions(), p.gctDaysPerYear(),
                forfeitures(p, store.events(p.id())), locale));
    }

    /** The good conduct time taken away by the disciplinary entries of the file, dated in the facility's zone. */
    List<Forfeiture> forfeitures(PrisonerRecord p, List<FileEvent> entries) {
        List<Forfeiture> forfeitures = new ArrayList<>();
        for (FileEvent e : entries) {
            if ("DISCIPLINE".equals(e.type()) && e.details().get("gctForfeitedDays") instanceof Number days
                    && days.intValue() > 0) {
                forfeitures.add(new Forfeiture(LocalDate.ofInstant(e.occurredAt(), time.zoneOf(p.facilityCode())),
                        days.intValue(), e.details().get("offence") + ": " + e.details().get("sanction")));
            }
        }
        return forfeitures;
    }

    @Transactional(readOnly = true)
    List<FileEvent> events(PrisonerRecord p) {
        return store.events(p.id());
    }

    @Transactional(readOnly = true)
    List<Map<String, Object>> notifications(PrisonerRecord p) {
        return store.notifications(p.id());
    }

    // ---- entries of the file (Rule 8)

    @Transactional
    FileEvent record(String number, Requests.FileEntry r) {
        CurrentUser user = users.requireCurrent();
        if (r == null) {
            throw ApiException.validation(List.of(new org.custodia.common.FieldProblem("type", "REQUIRED", "type is required")));
        }
        PrisonerRecord p = store.findByNumber(number).filter(x -> PrisonerScope.canSee(user, x))
                .orElseThrow(() -> notFound(number));
        Validation v = new Validation();
        if (r.type() == null) {
            v.add("type", "REQUIRED", "type is required");
            v.throwIfInvalid();
        }
        Set<Role> allowed = ENTRY_ROLES.get(r.type());
        if (allowed == null) {
            v.add("type", "INVALID_VALUE", "One of " + new java.util.TreeSet<>(ENTRY_ROLES.keySet()));
            v.throwIfInvalid();
        }
        if (!allowed.contains(user.role())) {
            throw new ApiException(CustodyProblem.ENTRY_TYPE_NOT_ALLOWED, "Your role may not record " + r.type() + " entries");
        }
        p = changeable(user, number);
        v.notNull(r.occurredAt(), "occurredAt");
        time.notFuture(r.occurredAt(), "occurredAt", v);
        if (r.occurredAt() != null && r.occurredAt().isBefore(p.admittedAt())) {
            v.add("occurredAt", "BEFORE_ADMISSION", "occurredAt lies before the admission, " + p.admittedAt());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, Object> confidential = null;
        boolean serious = Boolean.TRUE.equals(r.serious());
        switch (r.type()) {
            case "CLASSIFICATION" -> {
                required(v, r.securityLevel(), "securityLevel", AdmissionService.SECURITY_LEVELS);
                v.notBlank(r.reason(), "reason");
                details.put("previousSecurityLevel", p.securityLevel());
                details.put("securityLevel", r.securityLevel());
                details.put("reason", r.reason());
            }
            case "DISCIPLINE" -> {
                v.notBlank(r.offence(), "offence");
                required(v, r.finding(), "finding", FINDINGS);
                if ("GUILTY".equals(r.finding())) {
                    v.notBlank(r.sanction(), "sanction");
                }
                if (r.gctForfeitedDays() != null) {
                    v.require(r.gctForfeitedDays() >= 0, "gctForfeitedDays", "OUT_OF_RANGE", "Cannot be negative");
                    v.require(r.gctForfeitedDays() == 0 || "GUILTY".equals(r.finding()), "gctForfeitedDays",
                            "NOT_GUILTY", "Only a finding of guilt may forfeit good conduct time");
                }
                details.put("offence", r.offence());
                details.put("finding", r.finding());
                details.put("sanction", r.sanction());
                details.put("gctForfeitedDays", r.gctForfeitedDays() == null ? 0 : r.gctForfeitedDays());
            }
            case "REQUEST" -> {
                v.notBlank(r.subject(), "subject");
                v.notBlank(r.text(), "text");
                if (r.familyNotification() != null) {
                    v.require(Set.of("DECLINED", "ALLOWED").contains(r.familyNotification()), "familyNotification",
                            "INVALID_VALUE", "DECLINED or ALLOWED");
                }
                details.put("subject", r.subject());
                details.put("text", r.text());
                details.put("familyNotification", r.familyNotification());
            }
            case "COMPLAINT" -> {
                v.notBlank(r.subject(), "subject");
                v.notBlank(r.text(), "text");
                details.put("subject", r.subject());
                details.put("text", r.text());
                details.put("allegesIllTreatment", Boolean.TRUE.equals(r.allegesIllTreatment()));
            }
            case "INJURY" -> {
                v.notBlank(r.circumstances(), "circumstances");
                v.notBlank(r.cause(), "cause");
                details.put("circumstances", r.circumstances());
                details.put("cause", r.cause());
                details.put("serious", serious);
            }
            case "MEDICAL_NOTE" -> {
                v.notBlank(r.summary(), "summary");
                v.notBlank(r.note(), "note");
                details.put("summary", r.summary());
                details.put("serious", serious);
                confidential = Map.of("note", r.note() == null ? "" : r.note());
            }
            case "VISIT" -> {
                required(v, r.visitType(), "visitType", VISIT_TYPES);
                v.notBlank(r.visitor(), "visitor");
                if (user.role() == Role.CONSULAR && r.visitType() != null && !"CONSULAR".equals(r.visitType())) {
                    throw new ApiException(CustodyProblem.ENTRY_TYPE_NOT_ALLOWED, "A consulate records consular visits only");
                }
                details.put("visitType", r.visitType());
                details.put("visitor", r.visitor());
                details.put("organisation", user.role() == Role.CONSULAR && r.organisation() == null
                        ? "Consulate of " + user.nationality() : r.organisation());
            }
            case "COURT" -> {
                v.notBlank(r.court(), "court");
                v.notNull(r.hearingDate(), "hearingDate");
                details.put("court", r.court());
                details.put("hearingDate", r.hearingDate());
                details.put("legalRepresentation", r.legalRepresentation());
                details.put("outcome", r.outcome());
            }
            default -> throw new IllegalStateException(r.type());
        }
        SentenceDates.Input recomputed = null;
        if ("DISCIPLINE".equals(r.type()) && r.gctForfeitedDays() != null && r.gctForfeitedDays() > 0
                && r.occurredAt() != null && !v.hasProblems()) {
            List<Forfeiture> forfeitures = forfeitures(p, store.events(p.id()));
            forfeitures.add(new Forfeiture(LocalDate.ofInstant(r.occurredAt(), time.zoneOf(p.facilityCode())),
                    r.gctForfeitedDays(), r.offence() + ": " + r.sanction()));
            recomputed = new SentenceDates.Input(p.sentenceRegime(), p.convictions(), p.gctDaysPerYear(), forfeitures,
                    java.util.Locale.ENGLISH);
            sentences.problems(recomputed).stream().filter(x -> x.field().startsWith("forfeitures"))
                    .forEach(x -> v.add(x.field().endsWith(".days") ? "gctForfeitedDays" : "occurredAt", x.code(),
                            x.message()));
        }
        v.throwIfInvalid();
        FileEvent event = file.append(p, r.type(), r.occurredAt(), user.username(), details, confidential, serious);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("eventId", event.id());
        payload.put("type", r.type());
        payload.put("occurredAt", r.occurredAt());
        payload.put("details", details);
        if (confidential != null) {
            // the ledger is read by every role: it keeps the note's hash, not the note
            payload.put("confidentialSha256", org.custodia.common.CanonicalJson.sha256(r.note()));
        }
        switch (r.type()) {
            case "CLASSIFICATION" -> store.updateSecurityLevel(p.id(), r.securityLevel());
            case "DISCIPLINE" -> {
                if (recomputed != null) {
                    int total = p.gctForfeitedDays() + r.gctForfeitedDays();
                    SentenceDates dates = sentences.compute(recomputed);
                    store.updateSentence(p.id(), total, dates.fullTermDate(), dates.releaseDate());
                    payload.put("gctForfeitedTotal", total);
                    payload.put("releaseDate", dates.releaseDate());
                }
            }
            case "REQUEST" -> {
                if (r.familyNotification() != null) {
                    store.updateFamilyNotificationDeclined(p.id(), "DECLINED".equals(r.familyNotification()));
                }
            }
            case "COMPLAINT" -> {
                if (Boolean.TRUE.equals(r.allegesIllTreatment())) {
                    file.alert(p, event, "ILL_TREATMENT_COMPLAINT", r.subject() + ": " + r.text());
                }
            }
            case "INJURY", "MEDICAL_NOTE" -> {
                if (serious) {
                    file.notifyFamily(p, "SERIOUS_ILLNESS_OR_INJURY");
                }
            }
            default -> {
            }
        }
        ledger.append("PRISONER_ENTRY_RECORDED", "PRISONER", p.number(), payload);
        return event;
    }

    private static void required(Validation v, String value, String field, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            v.add(field, "REQUIRED", field + " is required");
        } else if (!allowed.contains(value)) {
            v.add(field, "INVALID_VALUE", "One of " + new java.util.TreeSet<>(allowed));
        }
    }

    // ---- temporary absences

    @Transactional
    FileEvent move(String number, Requests.Movement r) {
        CurrentUser user = users.requireCurrent();
        PrisonerRecord p = changeable(user, number);
        Validation v = new Validation();
        if (r == null) {
            v.add("direction", "REQUIRED", "direction is required").throwIfInvalid();
        }
        required(v, r.direction(), "direction", Set.of("OUT", "IN"));
        v.notNull(r.occurredAt(), "occurredAt");
        time.notFuture(r.occurredAt(), "occurredAt", v);
        if (r.occurredAt() != null && r.occurredAt().isBefore(p.admittedAt())) {
            v.add("occurredAt", "BEFORE_ADMISSION", "occurredAt lies before the admission, " + p.admittedAt());
        }
        if ("OUT".equals(r.direction())) {
            required(v, r.reason(), "reason", MOVEMENT_REASONS);
            v.notBlank(r.destination(), "destination");
        } else if (r.reason() != null) {
            required(v, r.reason(), "reason", MOVEMENT_REASONS);
        }
        v.throwIfInvalid();
        boolean out = "OUT".equals(r.direction());
        if (out && p.status() != PrisonerStatus.IN_CUSTODY || !out && p.status() != PrisonerStatus.TEMPORARILY_OUT) {
            throw new ApiException(CustodyProblem.MOVEMENT_NOT_ALLOWED, out
                    ? "Prisoner " + number + " is not in the facility (status " + p.status() + ")"
                    : "Prisoner " + number + " is not out (status " + p.status() + ")");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("direction", r.direction());
        details.put("reason", r.reason());
        details.put("destination", r.destination());
        PrisonerStatus next = out ? PrisonerStatus.TEMPORARILY_OUT : PrisonerStatus.IN_CUSTODY;
        store.updateStatus(p.id(), next);
        FileEvent event = file.append(p, out ? "MOVEMENT_OUT" : "MOVEMENT_IN", r.occurredAt(), user.username(), details,
                null, false);
        Map<String, Object> payload = new LinkedHashMap<>(details);
        payload.put("eventId", event.id());
        payload.put("occurredAt", r.occurredAt());
        payload.put("status", next.name());
        ledger.append(out ? "PRISONER_MOVED_OUT" : "PRISONER_RETURNED", "PRISONER", p.number(), payload);
        return event;
    }

    // ---- releases

    @Transactional
    Map<String, Object> release(String number, Requests.Release r) {
        CurrentUser user = users.requireCurrent();
        PrisonerRecord p = changeable(user, number);
        Validation v = new Validation();
        if (r == null) {
            v.add("type", "REQUIRED", "type is required").throwIfInvalid();
        }
        required(v, r.type(), "type", RELEASE_TYPES);
        v.notNull(r.effectiveAt(), "effectiveAt");
        time.notFuture(r.effectiveAt(), "effectiveAt", v);
        if (r.effectiveAt() != null && r.effectiveAt().isBefore(p.admittedAt())) {
            v.add("effectiveAt", "BEFORE_ADMISSION", "effectiveAt lies before the admission, " + p.admittedAt());
        }
        String destination = r.destinationState();
        if (r.type() != null) {
            switch (r.type()) {
                case "RETURN_TO_SENDING_STATE" -> {
                    v.notBlank(r.receivedBy(), "receivedBy");
                    if (destination == null) {
                        destination = p.legalCustodian();
                    } else {
                        v.require(destination.equals(p.legalCustodian()), "destinationState", "NOT_SENDING_STATE",
                                "A return goes to the sending state, " + p.legalCustodian());
                    }
                }
                case "TRANSFER_TO_THIRD_STATE" -> {
                    v.notBlank(r.receivedBy(), "receivedBy");
                    if (destination == null || destination.isBlank()) {
                        v.add("destinationState", "REQUIRED", "destinationState is required");
                    } else if (destination.equals(p.legalCustodian())) {
                        v.add("destinationState", "SENDING_STATE",
                                "A transfer to a third state cannot go to the sending state; use RETURN_TO_SENDING_STATE");
                    } else if (!destination.matches("[A-Z]{2}")) {
                        v.add("destinationState", "INVALID_FORMAT", "An ISO 3166 alpha-2 code");
                    }
                    v.notBlank(r.reason(), "reason");
                }
                case "SENTENCE_COMPLETED" -> v.notBlank(r.receivedBy(), "receivedBy");
                case "DEATH" -> {
                    v.notBlank(r.circumstances(), "circumstances");
                    v.notBlank(r.cause(), "cause");
                    v.notBlank(r.remainsDisposition(), "remainsDisposition");
                }
                default -> {
                }
            }
        }
        v.throwIfInvalid();
        Map<String, Object> release = new LinkedHashMap<>();
        release.put("type", r.type());
        release.put("effectiveAt", r.effectiveAt());
        release.put("receivedBy", r.receivedBy());
        release.put("destinationState", destination);
        release.put("reason", r.reason());
        if ("DEATH".equals(r.type())) {
            release.put("circumstances", r.circumstances());
            release.put("cause", r.cause());
            release.put("remainsDisposition", r.remainsDisposition());
        }
        release.put("recordedBy", user.username());
        release.put("recordedAt", time.now());
        FileEvent event = file.append(p, "RELEASE", r.effectiveAt(), user.username(), new LinkedHashMap<>(release), null,
                false);
        store.release(p.id(), r.type(), r.effectiveAt(), release);
        switch (r.type()) {
            case "RETURN_TO_SENDING_STATE", "TRANSFER_TO_THIRD_STATE" -> file.notifyFamily(p, "TRANSFER");
            case "DEATH" -> {
                file.notifyFamily(p, "DEATH");
                String home = facilities.find(p.facilityCode()).map(f -> f.partyCode()).orElse("");
                for (String nationality : p.nationalities()) {
                    if (!nationality.equals(home)) {
                        // Vienna Convention Art. 37(a): the consulate is told of the death of a national
                        file.notify(p, "CONSULATE", "Consulate of " + nationality, null, "DEATH", "DIPLOMATIC_NOTE", null);
                    }
                }
            }
            default -> {
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>(release);
        payload.put("eventId", event.id());
        payload.put("cell", p.cell());
        ledger.append("PRISONER_RELEASED", "PRISONER", p.number(), payload);
        events.publishEvent(new PrisonerReleased(p.id(), p.number(), p.referralId(), p.agreementCode(), p.facilityCode(),
                r.type(), r.effectiveAt()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("prisonerNumber", p.number());
        answer.put("status", PrisonerStatus.RELEASED.name());
        answer.putAll(release);
        return answer;
    }

    // ---- lists

    @Transactional(readOnly = true)
    Map<String, Object> upcomingReleases(int days) {
        if (days != 30 && days != 90 && days != 180) {
            throw ApiException.validation(List.of(new org.custodia.common.FieldProblem("days", "INVALID_VALUE",
                    "30, 90 or 180")));
        }
        CurrentUser user = users.requireCurrent();
        LocalDate today = time.defaultToday();
        LocalDate until = today.plusDays(days);
        List<Object> params = new ArrayList<>();
        String scope = PrisonerScope.sql(user, params);
        params.add(until);
        List<PrisonerRecord> rows = store.findAll(scope + " AND p.status <> 'RELEASED' AND p.release_date <= ?", params,
                "ORDER BY p.release_date, p.prisoner_number LIMIT 1000");
        List<Map<String, Object>> items = new ArrayList<>();
        for (PrisonerRecord p : rows) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("prisonerNumber", p.number());
            item.put("name", p.fullName());
            item.put("legalCustodian", p.legalCustodian());
            item.put("facilityCode", p.facilityCode());
            item.put("status", p.status().name());
            item.put("cell", p.cell());
            item.put("fullTermDate", p.fullTermDate());
            item.put("releaseDate", p.releaseDate());
            item.put("daysLeft", java.time.temporal.ChronoUnit.DAYS.between(today, p.releaseDate()));
            item.put("overdue", p.releaseDate().isBefore(today));
            items.add(item);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", today);
        answer.put("until", until);
        answer.put("days", days);
        answer.put("items", items);
        return answer;
    }

    @Transactional(readOnly = true)
    List<Map<String, Object>> alerts() {
        return store.alerts(500);
    }
}
