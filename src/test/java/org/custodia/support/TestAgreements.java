package org.custodia.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Agreements of the tests' own, created through the admin API, so that no test shares a quota or a policy. */
public final class TestAgreements {

    private TestAgreements() {
    }

    public static String create(Api admin, String sendingParty, int quota, List<Map<String, Object>> rules) {
        String code = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-SV";
        Api.Response response = admin.post("/api/v1/agreements", body(code, sendingParty, quota, rules));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return code;
    }

    /** The body of an ACTIVE agreement to CECOT under US federal rules, USD 55.00 a day and 250.00 an intake. */
    public static Map<String, Object> body(String code, String sendingParty, int quota, List<Map<String, Object>> rules) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("title", "Test agreement " + code);
        body.put("sendingPartyCode", sendingParty);
        body.put("receivingPartyCode", "SV");
        body.put("status", "ACTIVE");
        body.put("validFrom", "2025-01-01");
        body.put("capacityQuota", quota);
        body.put("sentenceRegime", "US_FEDERAL_FSA");
        body.put("facilityCode", "CECOT");
        body.put("eligibilityPolicy", Map.of("rules", rules));
        body.put("feeSchedule", List.of(
                Map.of("kind", "CUSTODY_DAY", "amount", "55.00", "currency", "USD", "effectiveFrom", "2025-01-01"),
                Map.of("kind", "INTAKE_FEE", "amount", "250.00", "currency", "USD", "effectiveFrom", "2025-01-01")));
        return body;
    }

    /** The rules of the demo agreement US-SV-2025. */
    public static List<Map<String, Object>> demoPolicy() {
        return List.of(rule("FINAL_CONVICTION_REQUIRED"), rule("COMMITMENT_ORDER_REQUIRED"),
                rule("MIN_REMAINING_SENTENCE_DAYS", Map.of("days", 180)), rule("ADULTS_ONLY", Map.of("minimumAge", 18)),
                rule("SEX_OF_FACILITY", Map.of("sex", "MALE")), rule("FIT_TO_TRAVEL"), rule("DUPLICATE_PERSON"));
    }

    /** A state of its own with its party registered, for scope tests. */
    public static String party(Api admin, String country) {
        String code = "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Api.Response response = admin.post("/api/v1/parties", Map.of("code", code, "name", "State " + code, "country", country));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return code;
    }

    public static Map<String, Object> rule(String name) {
        return Map.of("rule", name);
    }

    public static Map<String, Object> rule(String name, Map<String, Object> parameters) {
        return Map.of("rule", name, "parameters", parameters);
    }
}
