package org.custodia.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Referral bodies as a sending state's client writes them (DESIGN.md), and accepted referrals made through the API. */
public final class Dossiers {

    /**
     * The agreement test dossiers travel under: US-SV-2025's policy and facility with a quota no test run exhausts,
     * so that tests of the chain never take the demo agreement's 300 places.
     */
    public static final String AGREEMENT = "US-SV-TEST";
    private static volatile boolean agreementReady;

    private Dossiers() {
    }

    /** Creates {@link #AGREEMENT} through the admin API unless this database has it. */
    public static void ensureAgreement(IntegrationTest test) {
        if (agreementReady && test.as("admin").get("/api/v1/agreements/" + AGREEMENT).status() == 200) {
            return;
        }
        synchronized (Dossiers.class) {
            if (test.as("admin").get("/api/v1/agreements/" + AGREEMENT).status() == 200) {
                agreementReady = true;
                return;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", AGREEMENT);
            body.put("title", "Test agreement: US-SV-2025's rules, a large quota");
            body.put("sendingPartyCode", "US");
            body.put("receivingPartyCode", "SV");
            body.put("status", "ACTIVE");
            body.put("validFrom", "2025-01-01");
            body.put("capacityQuota", 100_000);
            body.put("sentenceRegime", "US_FEDERAL_FSA");
            body.put("gctDaysPerYear", 54);
            body.put("facilityCode", "CECOT");
            body.put("eligibilityPolicy", Map.of("rules", List.of(Map.of("rule", "FINAL_CONVICTION_REQUIRED"),
                    Map.of("rule", "COMMITMENT_ORDER_REQUIRED"),
                    Map.of("rule", "MIN_REMAINING_SENTENCE_DAYS", "parameters", Map.of("days", 180)),
                    Map.of("rule", "ADULTS_ONLY", "parameters", Map.of("minimumAge", 18)),
                    Map.of("rule", "SEX_OF_FACILITY", "parameters", Map.of("sex", "MALE")))));
            body.put("feeSchedule", List.of(
                    Map.of("kind", "CUSTODY_DAY", "amount", "55.00", "currency", "USD", "effectiveFrom", "2025-01-01"),
                    Map.of("kind", "INTAKE_FEE", "amount", "250.00", "currency", "USD", "effectiveFrom", "2025-01-01")));
            Api.Response created = test.as("admin").post("/api/v1/agreements", body);
            assertThat(created.status()).as(created.text()).isIn(201, 409);
            agreementReady = true;
        }
    }

    /** An eligible dossier under {@link #AGREEMENT}: a final 10-year federal sentence begun two years ago, an adult man. */
    public static Map<String, Object> eligible(String givenNames, String familyNames, String nationality) {
        LocalDate today = LocalDate.now();
        String unique = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("givenNames", givenNames);
        person.put("familyNames", familyNames);
        person.put("aliases", List.of());
        person.put("dateOfBirth", "1990-05-01");
        person.put("sex", "MALE");
        person.put("nationalities", List.of(nationality));
        person.put("identityDocuments", List.of(Map.of("type", "PASSPORT", "number", "P" + unique,
                "issuingCountry", nationality)));
        person.put("biometricReference", "FBI-" + unique);
        Map<String, Object> conviction = new LinkedHashMap<>();
        conviction.put("court", "U.S. District Court, Southern District of Texas");
        conviction.put("country", "US");
        conviction.put("caseNumber", "4:24-cr-" + unique);
        conviction.put("offences", List.of(Map.of("code", "21 USC 841", "description", "Possession with intent to distribute")));
        conviction.put("convictionDate", today.minusYears(2).toString());
        conviction.put("judgmentFinal", true);
        conviction.put("finalSince", today.minusYears(2).plusDays(45).toString());
        conviction.put("sentence", Map.of("years", 10, "months", 0, "days", 0, "life", false));
        conviction.put("sentenceStartDate", today.minusYears(2).toString());
        conviction.put("jailCreditDays", 120);
        conviction.put("relation", "CONCURRENT");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agreementCode", AGREEMENT);
        body.put("externalReference", "DHS-" + unique);
        body.put("person", person);
        body.put("convictions", new ArrayList<>(List.of(conviction)));
        body.put("commitmentOrder", Map.of("reference", "CO-" + unique, "issuingAuthority", "U.S. District Court, S.D. Tex.",
                "issuedOn", today.minusMonths(1).toString()));
        body.put("legalBasis", "Agreement US-SV-2025, article 3");
        body.put("gangAffiliation", Map.of("group", "TREN_DE_ARAGUA", "source", "FBI gang database"));
        body.put("proposedSecurityLevel", "MAXIMUM");
        body.put("medical", Map.of("fitToTravel", true, "conditions", List.of(), "medication", List.of()));
        body.put("keepApart", List.of());
        body.put("consent", "NOT_ASKED");
        body.put("consularNotificationRequested", true);
        return body;
    }

    /** Submits as the US agency and accepts as the intake officer; returns the referral id. */
    public static String accepted(IntegrationTest test, Map<String, Object> dossier) {
        String id = submitted(test, dossier);
        Api.Response decision = test.as("intake").post("/api/v1/referrals/" + id + "/decision",
                Map.of("decision", "ACCEPT", "reason", "Meets the agreement"));
        assertThat(decision.status()).as(decision.text()).isEqualTo(200);
        return id;
    }

    public static String submitted(IntegrationTest test, Map<String, Object> dossier) {
        if (AGREEMENT.equals(dossier.get("agreementCode"))) {
            ensureAgreement(test);
        }
        Api.Response response = test.as("us-agency").post("/api/v1/referrals", dossier,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    /** A complete arrival handover of a verified person. */
    public static Map<String, Object> handover(String referralId, String arrivedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("referralId", referralId);
        body.put("arrivedAt", arrivedAt);
        body.put("identityVerified", true);
        body.put("verificationMethod", "FINGERPRINT");
        body.put("conditionOnArrival", "Tired, calm");
        body.put("injuriesObserved", "none");
        body.put("complaintOfIllTreatment", false);
        body.put("property", List.of(Map.of("description", "wristwatch", "quantity", 1)));
        body.put("familyMembers", List.of(Map.of("name", "Ana Pérez", "relationship", "MOTHER", "location", "Maracay, VE")));
        body.put("emergencyContact", Map.of("name", "Ana Pérez", "phone", "+58 412 0000000"));
        body.put("informedOfConsularRights", true);
        body.put("consularNotificationRequested", true);
        return body;
    }
}
