package org.custodia.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Referral bodies as a sending agency's client would build them, dated relative to "today" so that they keep their
 * meaning whatever the day the tests run: an adult man, convicted two years ago to ten years, final, with a
 * commitment order; eligible under US-SV-2025.
 */
public final class ReferralBodies {

    private ReferralBodies() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    public static Map<String, Object> eligible(LocalDate today, String agreementCode) {
        return eligible(today, agreementCode, unique("DHS"), "VE");
    }

    public static Map<String, Object> eligible(LocalDate today, String agreementCode, String externalReference,
                                               String nationality) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agreementCode", agreementCode);
        body.put("externalReference", externalReference);
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("givenNames", "José Luis");
        person.put("familyNames", "Martínez Pérez");
        person.put("aliases", List.of("El Flaco"));
        person.put("dateOfBirth", today.minusYears(35).toString());
        person.put("sex", "MALE");
        person.put("nationalities", List.of(nationality));
        person.put("identityDocuments", new ArrayList<>(List.of(Map.of("type", "PASSPORT",
                "number", unique("P"), "issuingCountry", nationality))));
        person.put("biometricReference", unique("FBI"));
        body.put("person", person);
        body.put("convictions", new ArrayList<>(List.of(conviction(today, true))));
        body.put("commitmentOrder", Map.of("reference", unique("CO"), "issuingAuthority", "U.S. District Court, S.D. Tex.",
                "issuedOn", today.minusMonths(3).toString()));
        body.put("legalBasis", "Agreement " + agreementCode + ", article 3");
        body.put("gangAffiliation", Map.of("group", "TREN_DE_ARAGUA", "source", "FBI gang database"));
        body.put("proposedSecurityLevel", "MAXIMUM");
        body.put("medical", Map.of("fitToTravel", true, "conditions", List.of(), "medication", List.of()));
        body.put("keepApart", List.of(Map.of("externalReference", "DHS-OTHER-1", "reason", "VIOLENCE")));
        body.put("consent", "NOT_ASKED");
        body.put("consularNotificationRequested", true);
        return body;
    }

    /** A ten-year sentence that started two years ago; final for a year, or not final at all. */
    public static Map<String, Object> conviction(LocalDate today, boolean judgmentFinal) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("court", "U.S. District Court, Southern District of Texas");
        c.put("country", "US");
        c.put("caseNumber", unique("4:24-cr"));
        c.put("offences", List.of(Map.of("code", "21 USC 841", "description", "Possession with intent to distribute")));
        c.put("convictionDate", today.minusYears(2).toString());
        c.put("judgmentFinal", judgmentFinal);
        if (judgmentFinal) {
            c.put("finalSince", today.minusYears(1).toString());
        }
        c.put("sentence", Map.of("years", 10, "months", 0, "days", 0, "life", false));
        c.put("sentenceStartDate", today.minusYears(2).toString());
        c.put("jailCreditDays", 120);
        c.put("relation", "CONCURRENT");
        return c;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> person(Map<String, Object> body) {
        return (Map<String, Object>) body.get("person");
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> convictions(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("convictions");
    }
}
