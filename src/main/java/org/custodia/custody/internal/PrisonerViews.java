package org.custodia.custody.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.identity.CurrentUser;

/** The JSON shapes of a prisoner, as DESIGN.md names them; confidential parts filtered by the reader's role. */
final class PrisonerViews {

    private PrisonerViews() {
    }

    static Map<String, Object> prisoner(PrisonerRecord p, SentenceDates sentence, List<FileEvent> events, CurrentUser reader) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prisonerNumber", p.number());
        m.put("id", p.id());
        m.put("status", p.status().name());
        m.put("legalCustodian", p.legalCustodian());
        m.put("physicalCustodian", p.physicalCustodian());
        m.put("agreementCode", p.agreementCode());
        m.put("referralId", p.referralId());
        m.put("facilityCode", p.facilityCode());
        m.put("cell", p.cell());
        m.put("module", p.module());
        m.put("securityLevel", p.securityLevel());
        Map<String, Object> gang = null;
        if (p.gangGroup() != null) {
            gang = new LinkedHashMap<>();
            gang.put("group", p.gangGroup());
            gang.put("source", p.gangSource());
        }
        m.put("gangAffiliation", gang);
        m.put("person", p.person());
        Map<String, Object> reasons = new LinkedHashMap<>();
        reasons.put("commitmentOrder", p.commitmentOrder());
        reasons.put("responsibleAuthority", p.responsibleAuthority());
        reasons.put("arrest", p.arrest());
        m.put("reasonsForCommitment", reasons);
        m.put("convictions", p.convictions());
        m.put("admittedAt", p.admittedAt());
        m.put("admissionRecordedAt", p.admissionRecordedAt());
        m.put("admissionRecordedBy", p.admissionRecordedBy());
        m.put("handover", p.handover());
        m.put("familyNotificationDeclined", p.familyNotificationDeclined());
        m.put("sentence", sentence(sentence, false));
        m.put("release", p.release());
        m.put("releasedAt", p.releasedAt());
        m.put("events", events.stream().map(e -> event(e, reader)).toList());
        return m;
    }

    static Map<String, Object> sentence(SentenceDates s, boolean withBreakdown) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("regime", s.regime());
        m.put("life", s.life());
        m.put("sentenceStartDate", s.sentenceStartDate());
        m.put("fullTermDate", s.fullTermDate());
        m.put("goodConductTimeDays", s.goodConductTimeDays());
        m.put("gctForfeitedDays", s.gctForfeitedDays());
        m.put("projectedReleaseDate", s.projectedReleaseDate());
        m.put("releaseDate", s.releaseDate());
        if (withBreakdown) {
            m.put("breakdown", s.breakdown());
            m.put("forfeitures", s.forfeitures());
        }
        return m;
    }

    /**
     * One entry. Rule 9: a medical note's summary is shown to prison staff, its full text to ADMIN and OVERSIGHT only;
     * a sending agency and a consulate see that a confidential note exists, not what it says.
     */
    static Map<String, Object> event(FileEvent e, CurrentUser reader) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("type", e.type());
        m.put("occurredAt", e.occurredAt());
        m.put("recordedAt", e.recordedAt());
        m.put("recordedBy", e.recordedBy());
        m.put("serious", e.serious());
        if ("MEDICAL_NOTE".equals(e.type())) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("confidential", true);
            if (PrisonerScope.readsMedicalSummaries(reader)) {
                details.putAll(e.details());
            }
            if (PrisonerScope.readsMedicalNotes(reader) && e.confidential() != null) {
                details.putAll(e.confidential());
            }
            m.put("details", details);
        } else {
            m.put("details", e.details());
        }
        return m;
    }

    static Map<String, Object> summary(PrisonerRecord p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prisonerNumber", p.number());
        m.put("givenNames", p.person().givenNames());
        m.put("familyNames", p.person().familyNames());
        m.put("aliases", p.person().aliases());
        m.put("dateOfBirth", p.person().dateOfBirth());
        m.put("nationalities", p.nationalities());
        m.put("status", p.status().name());
        m.put("legalCustodian", p.legalCustodian());
        m.put("facilityCode", p.facilityCode());
        m.put("cell", p.cell());
        m.put("module", p.module());
        m.put("securityLevel", p.securityLevel());
        m.put("gangAffiliation", p.gangGroup());
        m.put("admittedAt", p.admittedAt());
        m.put("releaseDate", p.releaseDate());
        return m;
    }
}
