package org.custodia.custody.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodia.custody.AdmissionCommand;
import org.custodia.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The prisoner file as a reader sees it: every recorded fact as a labelled field, translated into the reader's
 * language (Spanish or English), with times in the facility's zone. The console's page and the official PDF copy
 * (Rule 9) are both drawn from this one model, so that they show the same facts with the same words; neither prints
 * a field's JSON name or an enum's code.
 */
@Component
class FileView {

    /** A time of the file: the facility's local time with its zone's abbreviation (e.g. CST), as on every page. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    /** Detail fields whose values are codes, and the message prefix that turns each code into words. */
    private static final Map<String, String> CODED = Map.ofEntries(
            Map.entry("verificationMethod", "file.method."),
            Map.entry("securityLevel", "custody.level."),
            Map.entry("previousSecurityLevel", "custody.level."),
            Map.entry("finding", "file.finding."),
            Map.entry("familyNotification", "file.familyNotification."),
            Map.entry("visitType", "file.visitType."),
            Map.entry("type", "custody.release."));

    /** Detail fields the timeline leaves out: the entry's heading already says them, or they are internal ids. */
    private static final Set<String> HIDDEN = Set.of("direction", "confidential", "recordedBy", "recordedAt",
            "referralId");

    private final MessageSource messages;
    private final CustodyTime time;

    FileView(MessageSource messages, CustodyTime time) {
        this.messages = messages;
        this.time = time;
    }

    /** A labelled fact; {@code id} is a stable element id for the page (may be null). */
    record Field(String id, String label, String value) {
    }

    record Section(String id, String heading, List<Field> fields) {
    }

    /** An entry of the timeline: its kind in words, when, who wrote it, and its facts. */
    record Entry(String type, String title, Instant occurredAt, String when, String recorded, boolean serious,
                 List<Field> fields) {
    }

    /** The whole file: sections of facts, the timeline, the notifications (each a line of words). */
    record File(String number, String name, String statusLabel, List<Section> sections, List<String> breakdown,
                List<Entry> timeline, List<String> notifications, ZoneId zone) {

        public Section section(String id) {
            return sections.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
        }
    }

    File of(PrisonerRecord p, SentenceDates sentence, List<FileEvent> events,
            List<CustodyViews.Notification> notifications, CurrentUser reader, Locale locale) {
        ZoneId zone = time.zoneOf(p.facilityCode());
        T t = new T(locale, zone);
        List<Section> sections = new ArrayList<>();

        List<Field> identity = new ArrayList<>();
        identity.add(new Field("field-number", t.m("custody.field.number"), p.number()));
        identity.add(new Field("field-name", t.m("custody.field.name"), p.fullName()));
        identity.add(new Field("field-aliases", t.m("custody.field.aliases"), t.join(p.person().aliases())));
        identity.add(new Field("field-dateOfBirth", t.m("custody.field.dateOfBirth"), t.date(p.person().dateOfBirth())));
        identity.add(new Field("field-sex", t.m("custody.field.sex"), t.coded("custody.sex.", p.person().sex())));
        if (p.person().selfPerceivedGender() != null) {
            identity.add(new Field("field-gender", t.m("custody.field.gender"), p.person().selfPerceivedGender()));
        }
        identity.add(new Field("field-nationalities", t.m("custody.field.nationalities"), t.join(p.nationalities())));
        identity.add(new Field("field-documents", t.m("custody.field.documents"), p.person().identityDocuments() == null
                ? "" : p.person().identityDocuments().stream()
                .map(d -> t.coded("file.document.", d.type()) + " " + d.number() + " (" + d.issuingCountry() + ")")
                .collect(Collectors.joining("; "))));
        identity.add(new Field("field-biometric", t.m("custody.field.biometric"), p.person().biometricReference()));
        sections.add(new Section("identity", t.m("custody.section.identity"), identity));

        List<Field> custody = new ArrayList<>();
        custody.add(new Field("field-status", t.m("custody.field.status"), t.m("custody.status." + p.status().name())));
        custody.add(new Field("legal-custodian", t.m("custody.field.legalCustodian"), p.legalCustodian()));
        custody.add(new Field("physical-custodian", t.m("custody.field.physicalCustodian"), p.physicalCustodian()));
        custody.add(new Field("field-agreement", t.m("custody.field.agreement"), p.agreementCode()));
        custody.add(new Field("cell", t.m("custody.field.cell"), p.cell() == null ? t.m("custody.unhoused") : p.cell()));
        custody.add(new Field("field-securityLevel", t.m("custody.field.securityLevel"),
                t.coded("custody.level.", p.securityLevel())));
        custody.add(new Field("field-affiliation", t.m("custody.field.affiliation"), p.gangGroup() == null ? ""
                : t.coded("referral.group.", p.gangGroup())
                + (p.gangSource() == null ? "" : " (" + t.m("file.source") + ": " + p.gangSource() + ")")));
        custody.add(new Field("field-admittedAt", t.m("custody.field.admittedAt"), t.at(p.admittedAt())));
        sections.add(new Section("custody", t.m("custody.section.custody"), custody));

        List<Field> commitment = new ArrayList<>();
        if (p.commitmentOrder() != null) {
            commitment.add(new Field("field-commitmentOrder", t.m("custody.field.commitmentOrder"),
                    t.order(p.commitmentOrder())));
        }
        commitment.add(new Field("field-responsibleAuthority", t.m("custody.field.responsibleAuthority"),
                p.responsibleAuthority()));
        if (p.arrest() != null) {
            commitment.add(new Field("field-arrest", t.m("custody.field.arrest"), t.date(p.arrest().date())
                    + (p.arrest().time() == null ? "" : " " + p.arrest().time()) + ", " + p.arrest().place()));
        }
        int n = 0;
        for (AdmissionCommand.Conviction c : p.convictions()) {
            n++;
            commitment.add(new Field("field-conviction-" + n, t.m("custody.field.conviction"), c.court() + ", "
                    + c.caseNumber() + ": " + c.offences().stream().map(o -> o.code() + " " + o.description())
                    .collect(Collectors.joining("; "))
                    + (c.sentence() == null ? "" : " · " + t.term(c.sentence()))));
        }
        sections.add(new Section("commitment", t.m("custody.section.commitment"), commitment));

        List<Field> dates = new ArrayList<>();
        if (p.sentenceRegime() != null) {
            dates.add(new Field("field-regime", t.m("custody.field.regime"), t.coded("sentence.regime.",
                    p.sentenceRegime())));
        }
        if (sentence.life()) {
            dates.add(new Field("release-date", t.m("custody.field.releaseDate"), t.m("custody.sentence.life")));
        } else {
            dates.add(new Field("full-term-date", t.m("custody.field.fullTermDate"), t.date(sentence.fullTermDate())));
            dates.add(new Field("field-gct", t.m("custody.field.gct"), String.valueOf(sentence.goodConductTimeDays())));
            dates.add(new Field("field-gctForfeited", t.m("custody.field.gctForfeited"),
                    String.valueOf(sentence.gctForfeitedDays())));
            dates.add(new Field("field-projectedReleaseDate", t.m("custody.field.projectedReleaseDate"),
                    t.date(sentence.projectedReleaseDate())));
            dates.add(new Field("release-date", t.m("custody.field.releaseDate"), t.date(sentence.releaseDate())));
        }
        sections.add(new Section("sentence", t.m("custody.section.sentence"), dates));

        AdmissionCommand.Handover h = p.handover();
        if (h != null) {
            List<Field> handover = new ArrayList<>();
            handover.add(new Field("handover-identity", t.m("file.handover.identityVerified"), h.identityVerified()
                    ? t.yes() + (h.verificationMethod() == null ? ""
                    : " (" + t.coded("file.method.", h.verificationMethod().name()) + ")") : t.no()));
            handover.add(new Field("handover-condition", t.m("custody.field.condition"), h.conditionOnArrival()));
            handover.add(new Field("handover-injuries", t.m("custody.field.injuries"), h.injuriesObserved()));
            handover.add(new Field("handover-complaint", t.m("custody.field.illTreatment"), t.yesNo(h.complains())));
            if (h.complains()) {
                handover.add(new Field("handover-complaint-details", t.m("file.handover.illTreatmentDetails"),
                        h.illTreatmentDetails()));
            }
            handover.add(new Field("handover-property", t.m("custody.field.property"), h.property() == null
                    || h.property().isEmpty() ? t.m("file.none") : h.property().stream()
                    .map(i -> i.quantity() + " × " + i.description()).collect(Collectors.joining("; "))));
            handover.add(new Field("handover-family", t.m("custody.field.family"), h.familyMembers() == null
                    || h.familyMembers().isEmpty() ? t.m("file.none") : h.familyMembers().stream()
                    .map(m -> t.familyMember(m)).collect(Collectors.joining("; "))));
            handover.add(new Field("handover-emergency", t.m("custody.field.emergencyContact"),
                    t.contact(h.emergencyContact())));
            if (h.nextOfKin() != null) {
                handover.add(new Field("handover-next-of-kin", t.m("custody.field.nextOfKin"), t.contact(h.nextOfKin())));
            }
            // a foreign national is always asked (the admission requires both answers); neither answer: a national
            // of the receiving state, to whom Vienna Art. 36 does not apply
            String unasked = h.informedOfConsularRights() == null && h.consularNotificationRequested() == null
                    ? t.m("file.consularNotApplicable") : t.m("file.notAsked");
            handover.add(new Field("handover-consular-informed", t.m("file.handover.informedOfConsularRights"),
                    h.informedOfConsularRights() == null ? unasked : t.yesNo(h.informedOfConsularRights())));
            handover.add(new Field("handover-consular-requested", t.m("file.handover.consularNotificationRequested"),
                    h.consularNotificationRequested() == null ? unasked : t.yesNo(h.wantsConsulNotified())));
            if (h.consulateNotifiedAt() != null) {
                handover.add(new Field("handover-consulate-notified", t.m("file.handover.consulateNotifiedAt"),
                        t.at(h.consulateNotifiedAt())));
            }
            handover.add(new Field("handover-family-declined", t.m("file.handover.familyNotificationDeclined"),
                    t.yesNo(p.familyNotificationDeclined())));
            sections.add(new Section("handover", t.m("custody.section.handover"), handover));
        }

        if (p.isReleased()) {
            List<Field> release = new ArrayList<>();
            release.add(new Field("release-type", t.m("custody.field.releaseType"),
                    t.coded("custody.release.", p.releaseType())));
            release.add(new Field("release-at", t.m("custody.field.effectiveAt"), t.at(p.releasedAt())));
            if (p.release() != null) {
                var r = p.release();
                release.add(new Field(null, t.m("file.detail.receivedBy"), r.receivedBy()));
                release.add(new Field(null, t.m("file.detail.destinationState"), r.destinationState()));
                release.add(new Field(null, t.m("file.detail.reason"), r.reason()));
                if (r.circumstances() != null) {
                    release.add(new Field(null, t.m("file.detail.circumstances"), r.circumstances()));
                    release.add(new Field(null, t.m("file.detail.cause"), r.cause()));
                    release.add(new Field(null, t.m("file.detail.remainsDisposition"), r.remainsDisposition()));
                }
            }
            sections.add(new Section("release", t.m("custody.section.release"), release));
        }

        List<Entry> timeline = new ArrayList<>();
        for (FileEvent e : events) {
            Map<String, Object> details = CustodyViews.Event.of(e, reader).details();
            List<Field> fields = new ArrayList<>();
            if ("MOVEMENT_OUT".equals(e.type()) || "MOVEMENT_IN".equals(e.type())) {
                details = new java.util.LinkedHashMap<>(details);
                Object reason = details.remove("reason");
                if (reason != null) {
                    fields.add(new Field(null, t.m("file.detail.reason"), t.coded("file.movementReason.",
                            String.valueOf(reason))));
                }
            }
            if (EntryType.MEDICAL_NOTE.name().equals(e.type()) && Boolean.TRUE.equals(details.get("confidential"))
                    && !details.containsKey("summary")) {
                fields.add(new Field(null, t.m("file.detail.confidential"), t.m("file.confidentialNote")));
            }
            for (Map.Entry<String, Object> d : details.entrySet()) {
                if (HIDDEN.contains(d.getKey()) || d.getValue() == null || "".equals(d.getValue())) {
                    continue;
                }
                fields.add(new Field(null, t.detailLabel(d.getKey()), t.detailValue(d.getKey(), d.getValue())));
            }
            timeline.add(new Entry(e.type(), t.m("custody.event." + e.type()), e.occurredAt(), t.at(e.occurredAt()),
                    t.m("custody.timeline.recorded", t.at(e.recordedAt()), e.recordedBy()), e.serious(), fields));
        }

        List<String> lines = notifications.stream().map(x -> t.at(x.createdAt()) + " · "
                + t.coded("file.notification.subject.", x.subject()) + " → " + x.recipient()
                + " (" + t.coded("file.notification.kind.", x.recipientKind()) + ", "
                + t.coded("file.notification.channel.", x.channel()) + ", "
                + t.coded("file.notification.status.", x.status())
                + (x.sentAt() == null ? "" : " " + t.at(x.sentAt())) + ")").toList();

        List<String> breakdown = sentence.breakdown().stream().map(step -> step.step() + ". " + step.description())
                .toList();
        return new File(p.number(), p.fullName(), t.m("custody.status." + p.status().name()), sections, breakdown,
                timeline, lines, zone);
    }

    /** The words of one reader's language. */
    private final class T {
        private final Locale locale;
        private final ZoneId zone;

        T(Locale locale, ZoneId zone) {
            this.locale = locale;
            this.zone = zone;
        }

        String m(String key, Object... args) {
            return messages.getMessage(key, args, key, locale);
        }

        /** A code in words; a code with no words yet is shown with spaces for its underscores, never raw. */
        String coded(String prefix, String code) {
            if (code == null || code.isBlank()) {
                return "";
            }
            String words = messages.getMessage(prefix + code, null, null, locale);
            return words != null ? words : code.replace('_', ' ');
        }

        String yes() {
            return m("custody.yes");
        }

        String no() {
            return m("custody.no");
        }

        String yesNo(Boolean b) {
            return Boolean.TRUE.equals(b) ? yes() : no();
        }

        String at(Instant instant) {
            return instant == null ? "" : TIME.withLocale(locale).format(instant.atZone(zone));
        }

        String date(LocalDate date) {
            return date == null ? "" : date.toString();
        }

        String join(Collection<?> values) {
            return values == null ? "" : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }

        String order(AdmissionCommand.CommitmentOrder o) {
            return o.reference() + ", " + o.issuingAuthority() + ", " + date(o.issuedOn());
        }

        String term(AdmissionCommand.Term term) {
            if (term.life()) {
                return m("file.term.life");
            }
            return m("file.term", term.years(), term.months(), term.days());
        }

        String contact(AdmissionCommand.Contact c) {
            if (c == null || c.name() == null) {
                return "";
            }
            return c.name() + (c.relationship() == null ? "" : " (" + relationship(c.relationship()) + ")")
                    + (c.phone() == null ? "" : ", " + m("file.phone") + " " + c.phone());
        }

        String familyMember(AdmissionCommand.FamilyMember f) {
            List<String> parts = new ArrayList<>();
            if (f.relationship() != null) {
                parts.add(relationship(f.relationship()));
            }
            if (f.age() != null) {
                parts.add(m("file.age", f.age()));
            }
            if (f.location() != null) {
                parts.add(f.location());
            }
            if (f.custodyStatus() != null) {
                parts.add(f.custodyStatus());
            }
            return f.name() + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
        }

        /** A relationship as the sending state's client writes it: a code (MOTHER) in words, free text as typed. */
        String relationship(String value) {
            return value.matches("[A-Z_]+") ? coded("file.relationship.", value) : value;
        }

        String detailLabel(String key) {
            return messages.getMessage("file.detail." + key, null, m("file.detail.other"), locale);
        }

        @SuppressWarnings("unchecked")
        String detailValue(String key, Object value) {
            if (value instanceof Boolean b) {
                return yesNo(b);
            }
            if (CODED.containsKey(key)) {
                return coded(CODED.get(key), String.valueOf(value));
            }
            if ("commitmentOrder".equals(key) && value instanceof Map<?, ?> order) {
                return order.get("reference") + ", " + order.get("issuingAuthority") + ", " + order.get("issuedOn");
            }
            if (value instanceof Map<?, ?> map) {
                return map.entrySet().stream().filter(x -> x.getValue() != null)
                        .map(x -> detailLabel(String.valueOf(x.getKey())) + " " + x.getValue())
                        .collect(Collectors.joining(", "));
            }
            if (value instanceof Collection<?> list) {
                return join(list);
            }
            if (value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
                try {
                    return at(Instant.parse(s));
                } catch (java.time.format.DateTimeParseException e) {
                    return s;
                }
            }
            if (value instanceof Instant i) {
                return at(i);
            }
            return String.valueOf(value);
        }
    }
}
