package org.custodia.custody.internal;

import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodia.agreement.Agreements;
import org.custodia.common.ApiException;
import org.custodia.common.CanonicalJson;
import org.custodia.common.FieldProblem;
import org.custodia.common.Validation;
import org.custodia.custody.CustodyProblem;
import org.custodia.custody.PrisonerReleased;
import org.custodia.facility.Facilities;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.custodia.sentence.SentenceRequest.Forfeiture;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes prisoner files: entries of Rule 8, temporary absences, releases. Each request is checked once,
 * here, with its Bean Validation and the rules that need the file, so that the API and the console agree.
 */
@Service
class PrisonerService {

    private final PrisonerStore store;
    private final Users users;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final CustodyTime time;
    private final FileWriter file;
    private final SentenceDates.Calculator sentences;
    private final Agreements agreements;
    private final Validator validator;

    PrisonerService(PrisonerStore store, Users users, Ledger ledger, ApplicationEventPublisher events, CustodyTime time,
                    FileWriter file, SentenceDates.Calculator sentences, Agreements agreements, Validator validator) {
        this.store = store;
        this.users = users;
        this.ledger = ledger;
        this.events = events;
        this.time = time;
        this.file = file;
        this.sentences = sentences;
        this.agreements = agreements;
        this.validator = validator;
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
    SentenceDates sentence(PrisonerRecord p, Locale locale) {
        return sentences.compute(new SentenceDates.Input(p.sentenceRegime(), p.convictions(), p.gctDaysPerYear(),
                forfeitures(p, store.events(p.id())), locale));
    }

    /** The prisoner as read, in the reader's language and scope. */
    @Transactional(readOnly = true)
    CustodyViews.Prisoner prisoner(PrisonerRecord p, CurrentUser reader, Locale locale, boolean withBreakdown) {
        return CustodyViews.Prisoner.of(p, CustodyViews.Sentence.of(sentence(p, locale), withBreakdown), events(p), reader);
    }

    /** The good conduct time taken away by the disciplinary entries of the file, dated in the facility's zone. */
    List<Forfeiture> forfeitures(PrisonerRecord p, List<FileEvent> entries) {
        ZoneId zone = time.zoneOf(p.facilityCode());
        List<Forfeiture> forfeitures = new ArrayList<>();
        for (FileEvent e : entries) {
            if (EntryType.DISCIPLINE.name().equals(e.type()) && e.details().get("gctForfeitedDays") instanceof Number days
                    && days.intValue() > 0) {
                forfeitures.add(new Forfeiture(LocalDate.ofInstant(e.occurredAt(), zone), days.intValue(),
                        e.details().get("offence") + ": " + e.details().get("sanction")));
            }
        }
        return forfeitures;
    }

    @Transactional(readOnly = true)
    List<FileEvent> events(PrisonerRecord p) {
        return store.events(p.id());
    }

    @Transactional(readOnly = true)
    List<CustodyViews.Notification> notifications(PrisonerRecord p) {
        return store.notifications(p.id());
    }

    // ---- entries of the file (Rule 8)

    @Transactional
    FileEvent record(String number, FileEntry entry) {
        CurrentUser user = users.requireCurrent();
        store.findByNumber(number).filter(x -> PrisonerScope.canSee(user, x)).orElseThrow(() -> notFound(number));
        if (entry == null || entry.type() == null) {
            throw ApiException.validation(List.of(new FieldProblem("type", "INVALID_VALUE",
                    "One of " + List.of(EntryType.values()))));
        }
        if (!entry.type().mayBeRecordedBy(user.role())) {
            throw new ApiException(CustodyProblem.ENTRY_TYPE_NOT_ALLOWED,
                    "Your role may not record " + entry.type() + " entries");
        }
        PrisonerRecord p = changeable(user, number);
        Validation v = new Validation().check(validator, entry);
        entry.check(v);
        afterAdmission(p, entry.occurredAt(), "occurredAt", v);
        SentenceDates.Input recomputed = null;
        if (entry instanceof FileEntry.Discipline d && d.forfeits() && d.occurredAt() != null && !v.hasProblems()) {
            List<Forfeiture> forfeitures = forfeitures(p, store.events(p.id()));
            forfeitures.add(new Forfeiture(LocalDate.ofInstant(d.occurredAt(), time.zoneOf(p.facilityCode())),
                    d.gctForfeitedDays(), d.offence() + ": " + d.sanction()));
            recomputed = new SentenceDates.Input(p.sentenceRegime(), p.convictions(), p.gctDaysPerYear(), forfeitures,
                    Locale.ENGLISH);
            sentences.problems(recomputed).stream().filter(x -> x.field().startsWith("forfeitures"))
                    .forEach(x -> v.add(x.field().endsWith(".days") ? "gctForfeitedDays" : "occurredAt", x.code(),
                            x.message()));
        }
        v.throwIfInvalid();
        Map<String, Object> details = entry.details(p, user);
        FileEvent event = file.append(p, entry.type().name(), entry.occurredAt(), user.username(), details,
                entry.confidential(), entry.grave());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("eventId", event.id());
        payload.put("type", entry.type().name());
        payload.put("occurredAt", entry.occurredAt());
        payload.put("details", details);
        if (entry.confidential() != null) {
            // the ledger is read by every role: it keeps the note's hash, not the note
            payload.put("confidentialSha256", CanonicalJson.sha256(((FileEntry.MedicalNote) entry).note()));
        }
        if (recomputed != null) {
            FileEntry.Discipline d = (FileEntry.Discipline) entry;
            int total = p.gctForfeitedDays() + d.gctForfeitedDays();
            SentenceDates dates = sentences.compute(recomputed);
            store.updateSentence(p.id(), total, dates.fullTermDate(), dates.releaseDate());
            payload.put("gctForfeitedTotal", total);
            payload.put("releaseDate", dates.releaseDate());
        }
        entry.apply(new FileEntry.Effects() {
            public PrisonerRecord prisoner() {
                return p;
            }

            public FileEvent event() {
                return event;
            }

            public void securityLevel(SecurityLevel level) {
                store.updateSecurityLevel(p.id(), level.name());
            }

            public void familyNotificationDeclined(boolean declined) {
                store.updateFamilyNotificationDeclined(p.id(), declined);
            }

            public void alertOversight(String kind, String text) {
                file.alert(p, event, kind, text);
            }

            public void notifyFamily(String subject) {
                file.notifyFamily(p, subject);
            }
        });
        ledger.append("PRISONER_ENTRY_RECORDED", "PRISONER", p.number(), payload);
        return event;
    }

    /** Nothing of the file lies before the admission. */
    private static void afterAdmission(PrisonerRecord p, java.time.Instant at, String field, Validation v) {
        if (at != null && at.isBefore(p.admittedAt())) {
            v.add(field, "BEFORE_ADMISSION", field + " lies before the admission, " + p.admittedAt());
        }
    }

    // ---- temporary absences

    @Transactional
    FileEvent move(String number, Requests.Movement r) {
        CurrentUser user = users.requireCurrent();
        PrisonerRecord p = changeable(user, number);
        Validation v = new Validation().check(validator, r);
        afterAdmission(p, r.occurredAt(), "occurredAt", v);
        boolean out = r.direction() == Requests.MovementDirection.OUT;
        if (out) {
            v.notNull(r.reason(), "reason");
            v.notBlank(r.destination(), "destination");
        }
        v.throwIfInvalid();
        if (out && p.status() != PrisonerStatus.IN_CUSTODY || !out && p.status() != PrisonerStatus.TEMPORARILY_OUT) {
            throw new ApiException(CustodyProblem.MOVEMENT_NOT_ALLOWED, out
                    ? "Prisoner " + number + " is not in the facility (status " + p.status() + ")"
                    : "Prisoner " + number + " is not out (status " + p.status() + ")");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("direction", r.direction().name());
        details.put("reason", r.reason() == null ? null : r.reason().name());
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
    CustodyViews.ReleaseAnswer release(String number, Requests.Release r) {
        CurrentUser user = users.requireCurrent();
        PrisonerRecord p = changeable(user, number);
        Validation v = new Validation().check(validator, r);
        afterAdmission(p, r.effectiveAt(), "effectiveAt", v);
        String destination = r.destinationState();
        if (r.type() != null) {
            switch (r.type()) {
                case RETURN_TO_SENDING_STATE -> {
                    v.notBlank(r.receivedBy(), "receivedBy");
                    if (destination == null) {
                        destination = p.legalCustodian();
                    } else {
                        v.require(destination.equals(p.legalCustodian()), "destinationState", "NOT_SENDING_STATE",
                                "A return goes to the sending state, " + p.legalCustodian());
                    }
                }
                case TRANSFER_TO_THIRD_STATE -> {
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
                case SENTENCE_COMPLETED -> v.notBlank(r.receivedBy(), "receivedBy");
                case DEATH -> {
                    v.notBlank(r.circumstances(), "circumstances");
                    v.notBlank(r.cause(), "cause");
                    v.notBlank(r.remainsDisposition(), "remainsDisposition");
                }
            }
        }
        v.throwIfInvalid();
        boolean death = r.type() == ReleaseType.DEATH;
        CustodyViews.ReleaseDetails release = new CustodyViews.ReleaseDetails(r.type(), r.effectiveAt(), r.receivedBy(),
                destination, r.reason(), death ? r.circumstances() : null, death ? r.cause() : null,
                death ? r.remainsDisposition() : null, user.username(), time.now());
        Map<String, Object> details = asMap(release);
        FileEvent event = file.append(p, "RELEASE", r.effectiveAt(), user.username(), details, null, false);
        store.release(p.id(), r.type().name(), r.effectiveAt(), release);
        switch (r.type()) {
            case RETURN_TO_SENDING_STATE, TRANSFER_TO_THIRD_STATE -> file.notifyFamily(p, "TRANSFER");
            case DEATH -> {
                file.notifyFamily(p, "DEATH");
                String home = agreements.find(p.agreementCode()).map(a -> a.receivingParty().country()).orElse("");
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
        Map<String, Object> payload = new LinkedHashMap<>(details);
        payload.put("eventId", event.id());
        payload.put("cell", p.cell());
        ledger.append("PRISONER_RELEASED", "PRISONER", p.number(), payload);
        events.publishEvent(new PrisonerReleased(p.id(), p.number(), p.referralId(), p.agreementCode(), p.facilityCode(),
                r.type().name(), r.effectiveAt()));
        return new CustodyViews.ReleaseAnswer(p.number(), PrisonerStatus.RELEASED, release);
    }

    /** The release as the file keeps it: its fields in order, the death fields only for a death. */
    private static Map<String, Object> asMap(CustodyViews.ReleaseDetails r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", r.type().name());
        m.put("effectiveAt", r.effectiveAt());
        m.put("receivedBy", r.receivedBy());
        m.put("destinationState", r.destinationState());
        m.put("reason", r.reason());
        if (r.type() == ReleaseType.DEATH) {
            m.put("circumstances", r.circumstances());
            m.put("cause", r.cause());
            m.put("remainsDisposition", r.remainsDisposition());
        }
        m.put("recordedBy", r.recordedBy());
        m.put("recordedAt", r.recordedAt());
        return m;
    }

    // ---- lists

    @Transactional(readOnly = true)
    CustodyViews.UpcomingReleases upcomingReleases(int days) {
        if (days != 30 && days != 90 && days != 180) {
            throw ApiException.validation(List.of(new FieldProblem("days", "INVALID_VALUE", "30, 90 or 180")));
        }
        CurrentUser user = users.requireCurrent();
        // "Today" is each prisoner's facility's day; the database is asked with the latest today on Earth.
        LocalDate anywhere = LocalDate.ofInstant(time.now(), ZoneOffset.MAX);
        List<Object> params = new ArrayList<>();
        String scope = PrisonerScope.sql(user, params);
        params.add(anywhere.plusDays(days));
        List<PrisonerRecord> rows = store.findAll(scope + " AND p.status <> 'RELEASED' AND p.release_date <= ?", params,
                "ORDER BY p.release_date, p.prisoner_number LIMIT 1000");
        Map<String, LocalDate> todays = new HashMap<>();
        LocalDate from = null;
        List<CustodyViews.UpcomingRelease> items = new ArrayList<>();
        for (PrisonerRecord p : rows) {
            LocalDate today = todays.computeIfAbsent(p.facilityCode(), time::today);
            if (p.releaseDate().isAfter(today.plusDays(days))) {
                continue;
            }
            from = from == null || today.isBefore(from) ? today : from;
            items.add(new CustodyViews.UpcomingRelease(p.number(), p.fullName(), p.legalCustodian(), p.facilityCode(),
                    p.status(), p.cell(), p.fullTermDate(), p.releaseDate(), ChronoUnit.DAYS.between(today, p.releaseDate()),
                    p.releaseDate().isBefore(today)));
        }
        if (from == null) {
            from = LocalDate.ofInstant(time.now(), ZoneOffset.UTC);
        }
        return new CustodyViews.UpcomingReleases(from, from.plusDays(days), days, items);
    }

    @Transactional(readOnly = true)
    List<CustodyViews.Alert> alerts() {
        return store.alerts(500);
    }
}
