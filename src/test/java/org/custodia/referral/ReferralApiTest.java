package org.custodia.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestAgreements;

class ReferralApiTest extends IntegrationTest {

    static final String DEMO = "US-SV-2025";

    @Autowired
    Clock clock;

    LocalDate today;

    @BeforeEach
    void today() {
        today = LocalDate.now(clock);
    }

    @Test
    void anEligibleReferralIsStoredSubmittedWithEveryFinding() {
        Map<String, Object> body = ReferralBodies.eligible(today, DEMO);
        Api.Response response = as("us-agency").post("/api/v1/referrals", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode r = response.json();
        assertThat(r.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(r.get("eligibility").get("eligible").asBoolean()).isTrue();
        assertThat(outcomes(r)).containsExactly("FINAL_CONVICTION_REQUIRED:PASS", "COMMITMENT_ORDER_REQUIRED:PASS",
                "MIN_REMAINING_SENTENCE_DAYS:PASS", "ADULTS_ONLY:PASS", "SEX_OF_FACILITY:PASS", "FIT_TO_TRAVEL:PASS",
                "DUPLICATE_PERSON:PASS", "GANG_AFFILIATION_EVIDENCE:WARN");
        JsonNode remaining = r.get("eligibility").get("findings").get(2);
        assertThat(remaining.get("evidence").get("releaseDate").asString()).isNotBlank();
        assertThat(remaining.get("message").asString()).contains("days remain");
        assertThat(remaining.get("messages").get("es").asString()).contains("Quedan");
        assertThat(remaining.get("messageCode").asString()).isEqualTo("eligibility.MIN_REMAINING_SENTENCE_DAYS.pass");
        assertThat(remaining.get("arguments").get(2).asInt()).as("the days the policy requires").isEqualTo(180);
        assertThat(r.get("externalReference").asString()).isEqualTo(body.get("externalReference"));
        assertThat(r.get("person").get("givenNames").asString()).isEqualTo("José Luis");
        assertThat(r.get("convictions").get(0).get("sentence").get("years").asInt()).isEqualTo(10);
        assertThat(r.get("gangAffiliation").get("group").asString()).isEqualTo("TREN_DE_ARAGUA");
        assertThat(r.get("consularNotificationRequested").asBoolean()).isTrue();
        assertThat(r.get("submittedBy").asString()).isEqualTo("us-agency");
        assertThat(response.header("Location")).endsWith("/api/v1/referrals/" + r.get("id").asString());

        JsonNode read = as("intake").get("/api/v1/referrals/" + r.get("id").asString()).json();
        assertThat(read.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(read.get("dateOfBirth")).as("the dossier keeps its shape").isNull();
        assertThat(read.get("person").get("dateOfBirth").asString()).isEqualTo(today.minusYears(35).toString());
    }

    @Test
    void theFindingsSpeakTheLanguageOfAcceptLanguage() {
        Api.Response response = as("us-agency").post("/api/v1/referrals", ReferralBodies.eligible(today, DEMO),
                Map.of("Accept-Language", "es-SV, es;q=0.9, en;q=0.5"));
        assertThat(response.json().get("eligibility").get("findings").get(0).get("message").asString()).startsWith("1 condena firme");
        String id = response.json().get("id").asString();
        assertThat(as("intake").get("/api/v1/referrals/" + id).json().get("eligibility").get("findings").get(0)
                .get("message").asString()).as("English by default").startsWith("1 conviction is final");
    }

    @Test
    void aStructurallyInvalidReferralListsEveryFailureAtOnceAndStoresNothing() {
        Map<String, Object> body = ReferralBodies.eligible(today, DEMO);
        String reference = (String) body.get("externalReference");
        Map<String, Object> person = ReferralBodies.person(body);
        person.remove("givenNames");
        person.put("dateOfBirth", today.plusDays(1).toString());
        person.put("sex", "M");
        person.put("nationalities", List.of("VEN"));
        person.put("identityDocuments", List.of(Map.of("type", "PASSPORT", "number", "X1")));
        Map<String, Object> conviction = ReferralBodies.convictions(body).get(0);
        conviction.put("convictionDate", "2024-13-01");
        conviction.remove("finalSince"); // no error: FINAL_CONVICTION_REQUIRED judges a final judgment without a date
        conviction.put("sentence", Map.of("years", "ten"));
        conviction.put("offences", List.of());
        body.put("gangAffiliation", Map.of("group", "OTHER"));
        body.put("consent", "MAYBE");
        body.put("keepApart", List.of(Map.of("reason", "DISLIKE")));
        body.put("proposedSecurityLevel", "SUPERMAX");

        Api.Response response = as("us-agency").post("/api/v1/referrals", body);
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        List<String> errors = new ArrayList<>();
        response.json().get("errors").forEach(e -> errors.add(e.get("field").asString() + ":" + e.get("code").asString()));
        assertThat(errors).contains("person.givenNames:REQUIRED", "person.dateOfBirth:INVALID_DATE",
                "person.sex:INVALID_VALUE", "person.nationalities[0]:INVALID_FORMAT",
                "person.identityDocuments[0].issuingCountry:REQUIRED", "convictions[0].convictionDate:INVALID_FORMAT",
                "convictions[0].sentence.years:INVALID_TYPE",
                "convictions[0].offences:REQUIRED", "gangAffiliation.text:REQUIRED", "consent:INVALID_VALUE",
                "keepApart[0].externalReference:REQUIRED", "keepApart[0].reason:INVALID_VALUE",
                "proposedSecurityLevel:INVALID_VALUE");
        assertThat(errors).noneMatch(e -> e.startsWith("convictions[0].finalSince") || e.startsWith("consent:REQUIRED"));
        assertThat(countByReference(reference)).isZero();
    }

    @Test
    void aReferralWithoutAFinalConvictionIsStoredIneligibleAndCannotBeAccepted() {
        Map<String, Object> body = ReferralBodies.eligible(today, DEMO);
        ReferralBodies.convictions(body).set(0, ReferralBodies.conviction(today, false));
        Api.Response response = as("us-agency").post("/api/v1/referrals", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode r = response.json();
        assertThat(r.get("status").asString()).isEqualTo("INELIGIBLE");
        assertThat(r.get("eligibility").get("eligible").asBoolean()).isFalse();
        assertThat(outcomes(r)).contains("FINAL_CONVICTION_REQUIRED:FAIL", "MIN_REMAINING_SENTENCE_DAYS:FAIL",
                "ADULTS_ONLY:PASS");
        String id = r.get("id").asString();

        Api.Response accept = as("intake").post("/api/v1/referrals/" + id + "/decision",
                Map.of("decision", "ACCEPT", "reason", "Looks fine"));
        assertThat(accept.status()).as(accept.text()).isEqualTo(409);
        assertThat(accept.json().get("code").asString()).isEqualTo("REFERRAL_NOT_ELIGIBLE");
        assertThat(status(id)).isEqualTo("INELIGIBLE");
    }

    @Test
    void aJudgmentThatBecomesFinalOnlyTomorrowFails() {
        Map<String, Object> body = ReferralBodies.eligible(today, DEMO);
        ReferralBodies.convictions(body).get(0).put("finalSince", today.plusDays(1).toString());
        JsonNode r = as("us-agency").post("/api/v1/referrals", body).json();
        assertThat(r.get("status").asString()).isEqualTo("INELIGIBLE");
        assertThat(outcomes(r)).contains("FINAL_CONVICTION_REQUIRED:FAIL");
        assertThat(r.get("eligibility").get("findings").get(0).get("message").asString()).contains(today.plusDays(1).toString());
    }

    @Test
    void theSameKeyTwiceStoresOneReferralAndAnotherBodyIsRefused() {
        Map<String, Object> body = ReferralBodies.eligible(today, DEMO);
        String key = ReferralBodies.unique("key");
        Api agency = as("us-agency");
        Api.Response first = agency.post("/api/v1/referrals", body, Map.of("Idempotency-Key", key));
        Api.Response again = agency.post("/api/v1/referrals", body, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(countByReference((String) body.get("externalReference"))).isEqualTo(1);

        Map<String, Object> other = ReferralBodies.eligible(today, DEMO);
        Api.Response reused = agency.post("/api/v1/referrals", other, Map.of("Idempotency-Key", key));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(countByReference((String) other.get("externalReference"))).isZero();

        Api.Response withoutKey = agency.post("/api/v1/referrals", body);
        assertThat(withoutKey.status()).as("the same case again, without a key").isEqualTo(409);
        assertThat(withoutKey.json().get("code").asString()).isEqualTo("REFERRAL_EXISTS");
    }

    @Test
    void aSendingAgencySeesOnlyItsOwnStateAndAConsulOnlyItsNationals() {
        Api admin = as("admin");
        String otherState = TestAgreements.party(admin, "MX");
        String otherAgreement = TestAgreements.create(admin, otherState, 10,
                List.of(TestAgreements.rule("FINAL_CONVICTION_REQUIRED")));
        String foreign = admin.post("/api/v1/referrals", ReferralBodies.eligible(today, otherAgreement,
                ReferralBodies.unique("MX"), "VE")).json().get("id").asString();
        String venezuelan = as("us-agency").post("/api/v1/referrals", ReferralBodies.eligible(today, DEMO,
                ReferralBodies.unique("DHS"), "VE")).json().get("id").asString();
        String colombian = as("us-agency").post("/api/v1/referrals", ReferralBodies.eligible(today, DEMO,
                ReferralBodies.unique("DHS"), "CO")).json().get("id").asString();

        Api agency = as("us-agency");
        Api.Response hidden = agency.get("/api/v1/referrals/" + foreign);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("code").asString()).isEqualTo("REFERRAL_NOT_FOUND");
        assertThat(agency.get("/api/v1/referrals/" + venezuelan).status()).isEqualTo(200);
        assertThat(allIds(agency, "/api/v1/referrals?size=200")).contains(venezuelan).doesNotContain(foreign);
        assertThat(agency.get("/api/v1/referrals?agreement=" + otherAgreement).json().get("total").asInt()).isZero();
        Api.Response notTheirs = agency.post("/api/v1/referrals", ReferralBodies.eligible(today, otherAgreement));
        assertThat(notTheirs.status()).as("an agreement unknown to the caller makes the body unreadable").isEqualTo(400);
        assertThat(notTheirs.json().get("errors").get(0).get("field").asString()).isEqualTo("agreementCode");
        assertThat(notTheirs.json().get("errors").get(0).get("code").asString()).isEqualTo("AGREEMENT_NOT_FOUND");
        assertThat(agency.post("/api/v1/referrals/" + foreign + "/withdrawal", Map.of("reason", "x")).status()).isEqualTo(404);

        Api consul = as("ve-consul");
        assertThat(consul.get("/api/v1/referrals/" + venezuelan).status()).isEqualTo(200);
        assertThat(consul.get("/api/v1/referrals/" + foreign).status()).as("a VE national of another state").isEqualTo(200);
        Api.Response colombianForConsul = consul.get("/api/v1/referrals/" + colombian);
        assertThat(colombianForConsul.status()).isEqualTo(404);
        assertThat(colombianForConsul.json().get("code").asString()).isEqualTo("REFERRAL_NOT_FOUND");
        JsonNode consulList = consul.get("/api/v1/referrals?size=200").json();
        consulList.get("items").forEach(i -> assertThat(i.get("nationalities").toString()).contains("VE"));
        assertThat(ids(consulList)).doesNotContain(colombian);
        assertThat(consul.post("/api/v1/referrals", ReferralBodies.eligible(today, DEMO)).status()).isEqualTo(403);

        assertThat(as("oversight").get("/api/v1/referrals/" + foreign).status()).isEqualTo(200);
        assertThat(as("custody").get("/api/v1/referrals/" + colombian).status()).isEqualTo(200);
    }

    @Test
    void theListPagesAndFilters() {
        String agreement = TestAgreements.create(as("admin"), "US", 10, List.of(TestAgreements.rule("FINAL_CONVICTION_REQUIRED")));
        Api agency = as("us-agency");
        for (int i = 0; i < 3; i++) {
            agency.post("/api/v1/referrals", ReferralBodies.eligible(today, agreement, ReferralBodies.unique("L"), "VE"));
        }
        Map<String, Object> colombian = ReferralBodies.eligible(today, agreement, ReferralBodies.unique("L"), "CO");
        colombian.put("gangAffiliation", Map.of("group", "MS13", "source", "court record", "verified", true));
        agency.post("/api/v1/referrals", colombian);
        Map<String, Object> ineligible = ReferralBodies.eligible(today, agreement, ReferralBodies.unique("L"), "VE");
        ReferralBodies.convictions(ineligible).set(0, ReferralBodies.conviction(today, false));
        agency.post("/api/v1/referrals", ineligible);

        JsonNode page0 = as("intake").get("/api/v1/referrals?agreement=" + agreement + "&page=0&size=2").json();
        assertThat(page0.get("total").asInt()).isEqualTo(5);
        assertThat(page0.get("items").size()).isEqualTo(2);
        assertThat(page0.get("page").asInt()).isZero();
        assertThat(page0.get("size").asInt()).isEqualTo(2);
        JsonNode page2 = as("intake").get("/api/v1/referrals?agreement=" + agreement + "&page=2&size=2").json();
        assertThat(page2.get("items").size()).isEqualTo(1);
        assertThat(as("intake").get("/api/v1/referrals?agreement=" + agreement + "&status=INELIGIBLE").json()
                .get("total").asInt()).isEqualTo(1);
        assertThat(as("intake").get("/api/v1/referrals?agreement=" + agreement + "&nationality=CO").json()
                .get("total").asInt()).isEqualTo(1);
        JsonNode ms13 = as("intake").get("/api/v1/referrals?agreement=" + agreement + "&affiliation=MS13").json();
        assertThat(ms13.get("total").asInt()).isEqualTo(1);
        assertThat(ms13.get("items").get(0).get("affiliation").asString()).isEqualTo("MS13");

        Api.Response bad = as("intake").get("/api/v1/referrals?status=LOST&nationality=ven&size=0&page=-1&affiliation=X");
        assertThat(bad.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        bad.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("status", "nationality", "size", "page", "affiliation");
    }

    @Test
    void theDecisionNeedsAReasonAndAnOfficerOtherThanTheSubmitterAndAPendingReferral() {
        String id = submit(ReferralBodies.eligible(today, DEMO));
        Api intake = as("intake");
        Api.Response maybe = intake.post("/api/v1/referrals/" + id + "/decision", Map.of("decision", "MAYBE",
                "reason", "unsure"));
        assertThat(maybe.status()).isEqualTo(400);
        assertThat(maybe.json().get("errors").get(0).get("field").asString()).isEqualTo("decision");
        assertThat(maybe.json().get("errors").get(0).get("code").asString()).isEqualTo("INVALID_VALUE");
        Api.Response noReason = intake.post("/api/v1/referrals/" + id + "/decision", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        noReason.json().get("errors").forEach(e -> fields.add(e.get("field").asString() + ":" + e.get("code").asString()));
        assertThat(fields).containsExactlyInAnyOrder("decision:REQUIRED", "reason:REQUIRED");
        Api.Response tooLong = intake.post("/api/v1/referrals/" + id + "/decision", Map.of("decision", "REJECT",
                "reason", "x".repeat(2_001)));
        assertThat(tooLong.json().get("errors").get(0).get("code").asString()).isEqualTo("TOO_LONG");
        assertThat(status(id)).as("nothing decided").isEqualTo("SUBMITTED");
        assertThat(as("us-agency").post("/api/v1/referrals/" + id + "/decision",
                Map.of("decision", "ACCEPT", "reason", "mine")).status()).isEqualTo(403);

        // A referral recorded as submitted by the intake officer (e.g. entered on a sending agency's behalf).
        String own = submit(ReferralBodies.eligible(today, DEMO));
        jdbc.sql("UPDATE referral SET submitted_by = 'intake' WHERE id = ?::uuid").param(own).update();
        Api.Response self = intake.post("/api/v1/referrals/" + own + "/decision", Map.of("decision", "ACCEPT", "reason", "ok"));
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.json().get("code").asString()).isEqualTo("DECIDER_IS_SUBMITTER");
        assertThat(status(own)).isEqualTo("SUBMITTED");

        Api.Response rejected = intake.post("/api/v1/referrals/" + id + "/decision",
                Map.of("decision", "REJECT", "reason", "Identity documents illegible"));
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("decision").get("reason").asString()).isEqualTo("Identity documents illegible");
        assertThat(rejected.json().get("decision").get("decidedBy").asString()).isEqualTo("intake");
        assertThat(ReferralEventRecorder.about(java.util.UUID.fromString(id))).singleElement()
                .isInstanceOfSatisfying(ReferralRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo("Identity documents illegible");
                    assertThat(e.agreementCode()).isEqualTo(DEMO);
                });
        Api.Response again = intake.post("/api/v1/referrals/" + id + "/decision", Map.of("decision", "ACCEPT", "reason", "x"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("REFERRAL_NOT_PENDING");
        assertThat(as("intake").post("/api/v1/referrals/00000000-0000-0000-0000-000000000000/decision",
                Map.of("decision", "REJECT", "reason", "x")).json().get("code").asString()).isEqualTo("REFERRAL_NOT_FOUND");
    }

    @Test
    void acceptanceReevaluatesThePolicyAsItStandsThatDayAndKeepsTheNewFindings() {
        Api admin = as("admin");
        String agreement = TestAgreements.create(admin, "US", 10, List.of(TestAgreements.rule("FINAL_CONVICTION_REQUIRED")));
        String id = submit(ReferralBodies.eligible(today, agreement));
        String accepted = submit(ReferralBodies.eligible(today, agreement));
        Api.Response ok = as("intake").post("/api/v1/referrals/" + accepted + "/decision",
                Map.of("decision", "ACCEPT", "reason", "Meets the agreement"));
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(ok.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(ReferralEventRecorder.about(java.util.UUID.fromString(accepted))).singleElement()
                .isInstanceOfSatisfying(ReferralAccepted.class, e -> assertThat(e.decidedBy()).isEqualTo("intake"));

        // The policy is amended: consent is now required, and nobody was asked.
        Map<String, Object> amended = new LinkedHashMap<>(Api.JSON.convertValue(
                admin.get("/api/v1/agreements/" + agreement).json(), Map.class));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", amended.get("title"));
        request.put("sendingPartyCode", "US");
        request.put("receivingPartyCode", "SV");
        request.put("status", "ACTIVE");
        request.put("validFrom", "2025-01-01");
        request.put("capacityQuota", 10);
        request.put("facilityCode", "CECOT");
        request.put("eligibilityPolicy", Map.of("rules", List.of(TestAgreements.rule("FINAL_CONVICTION_REQUIRED"),
                TestAgreements.rule("CONSENT_REQUIRED"))));
        request.put("feeSchedule", List.of(Map.of("kind", "CUSTODY_DAY", "amount", "55.00", "currency", "USD",
                "effectiveFrom", "2025-01-01")));
        assertThat(admin.put("/api/v1/agreements/" + agreement, request).status()).isEqualTo(200);

        Api.Response refused = as("intake").post("/api/v1/referrals/" + id + "/decision",
                Map.of("decision", "ACCEPT", "reason", "Meets the agreement"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("REFERRAL_NOT_ELIGIBLE");
        JsonNode now = as("intake").get("/api/v1/referrals/" + id).json();
        assertThat(now.get("status").asString()).isEqualTo("INELIGIBLE");
        assertThat(outcomes(now)).containsExactly("FINAL_CONVICTION_REQUIRED:PASS", "CONSENT_REQUIRED:FAIL",
                "DUPLICATE_PERSON:PASS", "GANG_AFFILIATION_EVIDENCE:WARN");
        JsonNode evaluations = as("intake").get("/api/v1/referrals/" + id + "/evaluations").json();
        assertThat(evaluations.size()).isEqualTo(2);
        assertThat(evaluations.get(0).get("eligible").asBoolean()).isTrue();
        assertThat(evaluations.get(1).get("eligible").asBoolean()).isFalse();
        assertThat(actions(id)).containsExactly("REFERRAL_SUBMITTED", "REFERRAL_EVALUATED", "REFERRAL_ACCEPTANCE_REFUSED");
        assertThat(actions(accepted)).containsExactly("REFERRAL_SUBMITTED", "REFERRAL_EVALUATED", "REFERRAL_ACCEPTED");
    }

    @Test
    void theSamePersonCannotBeReferredTwiceWhileTheFirstIsInProgress() {
        String agreement = TestAgreements.create(as("admin"), "US", 10, List.of(TestAgreements.rule("FINAL_CONVICTION_REQUIRED"),
                TestAgreements.rule("DUPLICATE_PERSON")));
        Map<String, Object> first = ReferralBodies.eligible(today, agreement);
        String firstId = submit(first);
        Map<String, Object> second = ReferralBodies.eligible(today, agreement);
        ReferralBodies.person(second).put("identityDocuments", ReferralBodies.person(first).get("identityDocuments"));
        JsonNode duplicate = as("us-agency").post("/api/v1/referrals", second).json();
        assertThat(duplicate.get("status").asString()).isEqualTo("INELIGIBLE");
        assertThat(outcomes(duplicate)).contains("DUPLICATE_PERSON:FAIL");
        assertThat(duplicate.get("eligibility").get("findings").get(1).get("evidence").get("matches").get(0)
                .get("referralId").asString()).isEqualTo(firstId);

        Map<String, Object> byBiometric = ReferralBodies.eligible(today, agreement);
        ReferralBodies.person(byBiometric).put("biometricReference", ReferralBodies.person(first).get("biometricReference"));
        assertThat(outcomes(as("us-agency").post("/api/v1/referrals", byBiometric).json())).contains("DUPLICATE_PERSON:FAIL");

        assertThat(as("us-agency").post("/api/v1/referrals/" + firstId + "/withdrawal", Map.of("reason", "sent in error"))
                .status()).isEqualTo(200);
        Map<String, Object> third = ReferralBodies.eligible(today, agreement);
        ReferralBodies.person(third).put("identityDocuments", ReferralBodies.person(first).get("identityDocuments"));
        assertThat(outcomes(as("us-agency").post("/api/v1/referrals", third).json())).contains("DUPLICATE_PERSON:PASS");
    }

    @Test
    void theSendingAgencyWithdrawsBeforeDepartureOnly() {
        String id = submit(ReferralBodies.eligible(today, DEMO));
        Api agency = as("us-agency");
        Api.Response noReason = agency.post("/api/v1/referrals/" + id + "/withdrawal", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        Api.Response withdrawn = agency.post("/api/v1/referrals/" + id + "/withdrawal", Map.of("reason", "Appeal lodged"));
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().get("withdrawal").get("reason").asString()).isEqualTo("Appeal lodged");
        assertThat(ReferralEventRecorder.about(java.util.UUID.fromString(id))).singleElement()
                .isInstanceOfSatisfying(ReferralWithdrawn.class, e -> {
                    assertThat(e.previousStatus()).isEqualTo(ReferralStatus.SUBMITTED);
                    assertThat(e.withdrawnBy()).isEqualTo("us-agency");
                });
        Api.Response twice = agency.post("/api/v1/referrals/" + id + "/withdrawal", Map.of("reason", "again"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("REFERRAL_NOT_WITHDRAWABLE");
        assertThat(as("intake").post("/api/v1/referrals/" + id + "/withdrawal", Map.of("reason", "x")).status())
                .isEqualTo(403);
        assertThat(actions(id)).containsExactly("REFERRAL_SUBMITTED", "REFERRAL_WITHDRAWN");

        String ineligible;
        Map<String, Object> body = ReferralBodies.eligible(today, DEMO);
        ReferralBodies.convictions(body).set(0, ReferralBodies.conviction(today, false));
        ineligible = submit(body);
        assertThat(agency.post("/api/v1/referrals/" + ineligible + "/withdrawal", Map.of("reason", "x")).json()
                .get("status").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void everyChangeIsLedgeredAndTheChainStaysValid() {
        String id = submit(ReferralBodies.eligible(today, DEMO));
        List<Map<String, Object>> entries = jdbc.sql("SELECT actor, action, payload FROM ledger_entry "
                        + "WHERE subject_type = 'REFERRAL' AND subject_id = ? ORDER BY sequence")
                .param(id).query().listOfRows();
        assertThat(entries).extracting(e -> e.get("action")).containsExactly("REFERRAL_SUBMITTED");
        assertThat(entries).extracting(e -> e.get("actor")).containsOnly("us-agency");
        String dossierHash = jdbc.sql("SELECT dossier_hash FROM referral WHERE id = ?::uuid").param(id).query(String.class).single();
        String dossier = jdbc.sql("SELECT dossier FROM referral WHERE id = ?::uuid").param(id).query(String.class).single();
        String payload = (String) entries.get(0).get("payload");
        assertThat(payload).as("the submission carries the dossier, its hash and its finding set")
                .contains(dossierHash, dossier, "FINAL_CONVICTION_REQUIRED", "\"eligible\":true");
        assertThat(as("oversight").get("/api/v1/ledger/verification").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void theOpenApiDescribesTheReferralEndpointsAndTheImportFormat() {
        Api.Response docs = as("admin").get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/v1/referrals")).isTrue();
        assertThat(paths.has("/api/v1/referrals/{id}/decision")).isTrue();
        assertThat(paths.has("/api/v1/referrals/{id}/withdrawal")).isTrue();
        JsonNode importPath = paths.get("/api/v1/referrals/import").get("post");
        assertThat(importPath.get("requestBody").get("content").has("text/csv")).isTrue();
        assertThat(importPath.get("description").asString()).contains("externalReference", "sentenceStartDate", "keepApart");
        assertThat(docs.text()).contains("\"Dossier\"");
    }

    // --- helpers ---

    private String submit(Map<String, Object> body) {
        Api.Response response = as("us-agency").post("/api/v1/referrals", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private String status(String id) {
        return jdbc.sql("SELECT status FROM referral WHERE id = ?::uuid").param(id).query(String.class).single();
    }

    private long countByReference(String reference) {
        return jdbc.sql("SELECT count(*) FROM referral WHERE external_reference = ?").param(reference).query(Long.class).single();
    }

    private List<String> actions(String id) {
        return jdbc.sql("SELECT action FROM ledger_entry WHERE subject_type = 'REFERRAL' AND subject_id = ? ORDER BY sequence")
                .param(id).query(String.class).list();
    }

    static List<String> outcomes(JsonNode referral) {
        List<String> outcomes = new ArrayList<>();
        referral.get("eligibility").get("findings").forEach(f -> outcomes.add(f.get("rule").asString() + ":"
                + f.get("outcome").asString()));
        return outcomes;
    }

    /** The ids of every page of a list (other tests add many referrals to the shared database). */
    static List<String> allIds(Api caller, String path) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = caller.get(path + "&page=" + page).json();
            List<String> these = ids(answer);
            ids.addAll(these);
            if (these.isEmpty() || answer.get("totalExact").asBoolean() && ids.size() >= answer.get("total").asInt()) {
                return ids;
            }
        }
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }
}
