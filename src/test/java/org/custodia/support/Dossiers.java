package org.custodia.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
            Map<String, Object> body = TestAgreements.body(AGREEMENT, "US", 100_000, TestAgreements.demoPolicy());
            Api.Response created = test.as("admin").post("/api/v1/agreements", body);
            assertThat(created.status()).as(created.text()).isIn(201, 409);
            agreementReady = true;
        }
    }

    /** An eligible dossier under {@link #AGREEMENT} ({@link ReferralBodies#eligible}) of the person named. */
    public static Map<String, Object> eligible(String givenNames, String familyNames, String nationality) {
        Map<String, Object> body = ReferralBodies.eligible(LocalDate.now(TestClock.get()), AGREEMENT, ReferralBodies.unique("DHS"),
                nationality);
        ReferralBodies.person(body).put("givenNames", givenNames);
        ReferralBodies.person(body).put("familyNames", familyNames);
        body.put("keepApart", List.of());
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
