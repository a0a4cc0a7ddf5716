package org.custodia.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.custodia.support.TestAgreements;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AgreementApiTest extends IntegrationTest {

    @Test
    void theDemoAgreementCarriesItsPartiesQuotaPolicyAndFees() {
        JsonNode a = as("admin").get("/api/v1/agreements/US-SV-2025").json();
        assertThat(a.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(a.get("sendingParty").get("code").asString()).isEqualTo("US");
        assertThat(a.get("receivingParty").get("code").asString()).isEqualTo("SV");
        assertThat(a.get("capacityQuota").asInt()).isEqualTo(300);
        List<String> rules = new ArrayList<>();
        a.get("eligibilityPolicy").get("rules").forEach(r -> rules.add(r.get("rule").asString()));
        assertThat(rules).containsExactly("FINAL_CONVICTION_REQUIRED", "COMMITMENT_ORDER_REQUIRED",
                "MIN_REMAINING_SENTENCE_DAYS", "ADULTS_ONLY", "SEX_OF_FACILITY", "FIT_TO_TRAVEL", "DUPLICATE_PERSON");
        assertThat(a.get("eligibilityPolicy").get("rules").get(2).get("parameters").get("days").asInt()).isEqualTo(180);
        JsonNode fees = a.get("feeSchedule");
        assertThat(fees.get(0).get("kind").asString()).isEqualTo("CUSTODY_DAY");
        assertThat(fees.get(0).get("amount").isString()).as("money travels as a decimal string").isTrue();
        assertThat(fees.get(0).get("amount").asString()).isEqualTo("55.00");
        assertThat(fees.get(0).get("currency").asString()).isEqualTo("USD");
        assertThat(fees.get(1).get("kind").asString()).isEqualTo("INTAKE_FEE");
        assertThat(fees.get(1).get("amount").asString()).isEqualTo("250.00");
    }

    @Test
    void theSendingAgencySeesOnlyAgreementsItsStateIsPartyTo() {
        String otherState = "M" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Api admin = as("admin");
        assertThat(admin.post("/api/v1/parties", Map.of("code", otherState, "name", "Other state", "country", "MX"))
                .status()).isEqualTo(201);
        String code = otherState + "-SV";
        assertThat(admin.post("/api/v1/agreements", agreement(code, otherState)).status()).isEqualTo(201);

        Api agency = as("us-agency");
        assertThat(agency.get("/api/v1/agreements/US-SV-2025").status()).isEqualTo(200);
        Api.Response hidden = agency.get("/api/v1/agreements/" + code);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("code").asString()).isEqualTo("AGREEMENT_NOT_FOUND");
        List<String> seen = new ArrayList<>();
        agency.get("/api/v1/agreements").json().forEach(a -> seen.add(a.get("code").asString()));
        assertThat(seen).contains("US-SV-2025").doesNotContain(code);
        assertThat(as("oversight").get("/api/v1/agreements/" + code).status()).isEqualTo(200);
    }

    @Test
    void anInvalidAgreementListsEveryFailureAndWritesNothing() {
        Map<String, Object> body = agreement("BAD-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(), "US");
        body.put("receivingPartyCode", "US");
        body.put("capacityQuota", -1);
        body.put("status", "ACTIVE");
        body.put("eligibilityPolicy", Map.of("rules", List.of(Map.of("rule", "NO_SUCH_RULE"),
                Map.of("rule", "MIN_REMAINING_SENTENCE_DAYS", "parameters", Map.of()))));
        body.put("feeSchedule", List.of(Map.of("kind", "CUSTODY_DAY", "amount", "55.001", "currency", "usd",
                "effectiveFrom", "2025-01-01")));
        Api.Response response = as("admin").post("/api/v1/agreements", body);
        assertThat(response.status()).isEqualTo(400);
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString() + ":" + e.get("code").asString()));
        assertThat(fields).contains("receivingPartyCode:SAME_PARTY", "capacityQuota:OUT_OF_RANGE",
                "eligibilityPolicy.rules[0].rule:UNKNOWN_RULE", "eligibilityPolicy.rules[1].parameters.days:REQUIRED",
                "feeSchedule[0].amount:INVALID_AMOUNT", "feeSchedule[0].currency:INVALID_FORMAT");
        assertThat(as("admin").get("/api/v1/agreements/" + body.get("code")).status()).isEqualTo(404);

        // A status outside the closed list is refused when the body is read, naming the field.
        body.put("status", "MAYBE");
        Api.Response unreadable = as("admin").post("/api/v1/agreements", body);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(unreadable.json().get("errors").get(0).get("code").asString()).isEqualTo("INVALID_VALUE");
        assertThat(as("admin").get("/api/v1/agreements/" + body.get("code")).status()).isEqualTo(404);
    }

    @Test
    void anAmendmentBumpsTheVersionAndIsLedgered() {
        String state = "A" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Api admin = as("admin");
        admin.post("/api/v1/parties", Map.of("code", state, "name", "Amending state", "country", "GT"));
        String code = state + "-SV";
        admin.post("/api/v1/agreements", agreement(code, state));
        Map<String, Object> amended = agreement(code, state);
        amended.put("capacityQuota", 120);
        amended.put("feeSchedule", List.of(
                Map.of("kind", "CUSTODY_DAY", "amount", "55.00", "currency", "USD", "effectiveFrom", "2025-01-01",
                        "effectiveTo", "2025-12-31"),
                Map.of("kind", "CUSTODY_DAY", "amount", "60.00", "currency", "USD", "effectiveFrom", "2026-01-01")));
        Api.Response response = admin.put("/api/v1/agreements/" + code, amended);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().get("version").asInt()).isEqualTo(2);
        assertThat(response.json().get("capacityQuota").asInt()).isEqualTo(120);
        assertThat(response.json().get("feeSchedule").size()).isEqualTo(2);
        List<String> actions = jdbc.sql("SELECT action FROM ledger_entry WHERE subject_type = 'AGREEMENT' AND subject_id = ? ORDER BY sequence")
                .param(code).query(String.class).list();
        assertThat(actions).containsExactly("AGREEMENT_CREATED", "AGREEMENT_AMENDED");
        String actor = jdbc.sql("SELECT actor FROM ledger_entry WHERE subject_id = ? AND action = 'AGREEMENT_AMENDED'")
                .param(code).query(String.class).single();
        assertThat(actor).isEqualTo("admin");
    }

    @Test
    void overlappingFeesAreRefused() {
        Map<String, Object> body = agreement("OVL-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(), "US");
        body.put("feeSchedule", List.of(
                Map.of("kind", "CUSTODY_DAY", "amount", "55.00", "currency", "USD", "effectiveFrom", "2025-01-01"),
                Map.of("kind", "CUSTODY_DAY", "amount", "60.00", "currency", "USD", "effectiveFrom", "2026-01-01")));
        Api.Response response = as("admin").post("/api/v1/agreements", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).contains("OVERLAPPING_FEES");
    }

    /** A valid body with two rules and one fee, free to change before it is sent. */
    static Map<String, Object> agreement(String code, String sendingParty) {
        Map<String, Object> body = TestAgreements.body(code, sendingParty, 50, List.of(
                TestAgreements.rule("FINAL_CONVICTION_REQUIRED"),
                TestAgreements.rule("MIN_REMAINING_SENTENCE_DAYS", Map.of("days", 180))));
        body.put("feeSchedule", List.of(Map.of("kind", "CUSTODY_DAY", "amount", "55.00", "currency", "USD",
                "effectiveFrom", "2025-01-01")));
        return body;
    }
}
