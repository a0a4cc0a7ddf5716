package org.custodia.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestAgreements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The worst case on record: a body that reads as a referral is always stored, whatever it lacks; what a rule can
 * judge is a finding on the stored referral, and only an unreadable body is refused. DUPLICATE_PERSON applies to
 * every agreement. Findings stored in the old text form still read in both languages.
 */
class ReferralWorstCaseTest extends IntegrationTest {

    static final String DEMO = "US-SV-2025";

    @Autowired
    Clock clock;

    LocalDate today;

    @BeforeEach
    void today() {
        today = LocalDate.now(clock);
    }

    @Test
    void aReferralWithNoConvictionIsStoredIneligibleOnRecordAndCanNeverBeAccepted() {
        Map<String, Object> body = ReferralBodies.eligible(today, DEMO);
        body.put("convictions", List.of());
        Api.Response response = as("us-agency").post("/api/v1/referrals", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode r = response.json();
        assertThat(r.get("status").asString()).isEqualTo("INELIGIBLE");
        assertThat(r.get("eligibility").get("eligible").asBoolean()).isFalse();
        JsonNode finding = finding(r, "FINAL_CONVICTION_REQUIRED");
        assertThat(finding.get("outcome").asString()).isEqualTo("FAIL");
        assertThat(finding.get("message").asString())
                .isEqualTo("No conviction was submitted: there is no judgment to transfer the person under");
        assertThat(finding.get("evidence").get("reason").asString()).isEqualTo("NO_CONVICTION_SUBMITTED");
        assertThat(finding.get("evidence").get("convictionsSubmitted").asInt()).isZero();
        assertThat(r.get("convictions").size()).isZero();
        String id = r.get("id").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE subject_type = 'REFERRAL' AND subject_id = ? "
                + "AND action = 'REFERRAL_SUBMITTED'").param(id).query(Long.class).single()).as("on record").isEqualTo(1);

        Api.Response accept = as("intake").post("/api/v1/referrals/" + id + "/decision",
                Map.of("decision", "ACCEPT", "reason", "Sent anyway"));
        assertThat(accept.status()).as(accept.text()).isEqualTo(409);
        assertThat(accept.json().get("code").asString()).isEqualTo("REFERRAL_NOT_ELIGIBLE");
        assertThat(as("intake").get("/api/v1/referrals/" + id).json().get("status").asString()).isEqualTo("INELIGIBLE");
    }

    @Test
    void missingFactsAreFindingsOnTheStoredReferralNotErrors() {
        Map<String, Object> body = ReferralBodies.eligible(today, DEMO);
        body.remove("convictions");
        body.remove("commitmentOrder");
        body.remove("medical");
        body.remove("consent");
        Api.Response response = as("us-agency").post("/api/v1/referrals", body, Map.of("Accept-Language", "es"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode r = response.json();
        assertThat(r.get("status").asString()).isEqualTo("INELIGIBLE");
        assertThat(outcomes(r)).contains("FINAL_CONVICTION_REQUIRED:FAIL", "COMMITMENT_ORDER_REQUIRED:FAIL",
                "MIN_REMAINING_SENTENCE_DAYS:FAIL", "FIT_TO_TRAVEL:FAIL", "DUPLICATE_PERSON:PASS");
        assertThat(finding(r, "COMMITMENT_ORDER_REQUIRED").get("message").asString())
                .isEqualTo("No hay orden de internamiento");
        assertThat(finding(r, "FIT_TO_TRAVEL").get("message").asString())
                .isEqualTo("No hay evaluación de aptitud para viajar");

        Map<String, Object> undated = ReferralBodies.eligible(today, DEMO);
        Map<String, Object> conviction = ReferralBodies.convictions(undated).get(0);
        conviction.remove("judgmentFinal");
        conviction.remove("finalSince");
        JsonNode u = as("us-agency").post("/api/v1/referrals", undated).json();
        assertThat(u.get("status").asString()).as(u.toString()).isEqualTo("INELIGIBLE");
        assertThat(finding(u, "FINAL_CONVICTION_REQUIRED").get("outcome").asString()).isEqualTo("FAIL");
    }

    @Test
    void onlyAnUnreadableBodyIsRefusedWithEveryFailureTheUnknownAgreementAmongThem() {
        Map<String, Object> body = ReferralBodies.eligible(today, "NO-SUCH-AGREEMENT");
        String reference = (String) body.get("externalReference");
        ReferralBodies.person(body).put("sex", "M");
        ReferralBodies.convictions(body).get(0).put("judgmentFinal", "yes");
        Api.Response response = as("us-agency").post("/api/v1/referrals", body);
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        List<String> errors = new ArrayList<>();
        response.json().get("errors").forEach(e -> errors.add(e.get("field").asString() + ":" + e.get("code").asString()));
        assertThat(errors).containsExactlyInAnyOrder("person.sex:INVALID_VALUE",
                "convictions[0].judgmentFinal:INVALID_TYPE", "agreementCode:AGREEMENT_NOT_FOUND");
        assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE external_reference = ?").param(reference)
                .query(Long.class).single()).isZero();
        assertThat(as("us-agency").post("/api/v1/referrals", "{not json").status()).isEqualTo(400);
    }

    @Test
    void theSamePassportReferredTwiceFailsOnDuplicatePersonUnderAnyAgreement() {
        // a policy that does not list DUPLICATE_PERSON: every agreement applies it all the same
        String agreement = TestAgreements.create(as("admin"), "US", 10,
                List.of(TestAgreements.rule("FINAL_CONVICTION_REQUIRED")));
        String passport = ReferralBodies.unique("P");
        Map<String, Object> first = ReferralBodies.eligible(today, agreement);
        Map<String, Object> second = ReferralBodies.eligible(today, DEMO);
        for (Map<String, Object> body : List.of(first, second)) {
            ReferralBodies.person(body).put("identityDocuments",
                    List.of(Map.of("type", "PASSPORT", "number", passport, "issuingCountry", "VE")));
        }
        JsonNode one = as("us-agency").post("/api/v1/referrals", first).json();
        assertThat(one.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(outcomes(one)).contains("DUPLICATE_PERSON:PASS");

        JsonNode two = as("us-agency").post("/api/v1/referrals", second).json();
        assertThat(two.get("status").asString()).isEqualTo("INELIGIBLE");
        JsonNode duplicate = finding(two, "DUPLICATE_PERSON");
        assertThat(duplicate.get("outcome").asString()).isEqualTo("FAIL");
        assertThat(duplicate.get("message").asString()).contains(first.get("externalReference").toString(),
                "SUBMITTED", "PASSPORT " + passport.replace("-", "") + " (VE)");
        assertThat(duplicate.get("evidence").get("matches").get(0).get("referralId").asString())
                .isEqualTo(one.get("id").asString());
    }

    @Test
    void findingsStoredAsTextByAnEarlierVersionStillReadInTheReadersLanguage() {
        String id = as("us-agency").post("/api/v1/referrals", ReferralBodies.eligible(today, DEMO)).json()
                .get("id").asString();
        String old = """
                {"eligible":true,"evaluatedOn":"%s","findings":[{"rule":"FINAL_CONVICTION_REQUIRED","outcome":"PASS",
                "messageEn":"1 conviction is final: OLD-1","messageEs":"1 condena firme: OLD-1",
                "evidence":{"evaluatedOn":"%s"}}]}""".formatted(today, today);
        jdbc.sql("UPDATE referral SET eligibility = ? WHERE id = ?::uuid").params(old, id).update();

        JsonNode en = as("intake").get("/api/v1/referrals/" + id).json().get("eligibility").get("findings").get(0);
        assertThat(en.get("message").asString()).isEqualTo("1 conviction is final: OLD-1");
        assertThat(en.get("messageCode").isNull()).isTrue();
        JsonNode es = as("intake").get("/api/v1/referrals/" + id, Map.of("Accept-Language", "es")).json()
                .get("eligibility").get("findings").get(0);
        assertThat(es.get("message").asString()).isEqualTo("1 condena firme: OLD-1");
    }

    static JsonNode finding(JsonNode referral, String rule) {
        for (JsonNode f : referral.get("eligibility").get("findings")) {
            if (f.get("rule").asString().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + rule + " in " + referral.get("eligibility"));
    }

    static List<String> outcomes(JsonNode referral) {
        List<String> outcomes = new ArrayList<>();
        referral.get("eligibility").get("findings").forEach(f -> outcomes.add(f.get("rule").asString() + ":"
                + f.get("outcome").asString()));
        return outcomes;
    }
}
