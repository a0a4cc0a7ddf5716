package org.custodia.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.custodia.support.ReferralBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The published examples of ../shared/DESIGN.md, sent as they are printed (src/test/resources/contract: only the
 * identifiers a shared database cannot take twice are placeholders, filled here with fresh values), get the
 * documented answers: the referral 201 with {id, status, eligibility: {eligible, findings: [{rule, outcome,
 * message}]}}, the decision 200.
 */
class ReferralContractTest extends IntegrationTest {

    @Autowired
    Clock clock;

    @Test
    void thePublishedReferralIsStoredSubmittedWithItsFindingsAndThePublishedDecisionAcceptsIt() throws IOException {
        String body = resource("contract/referral.json")
                .replace("${externalReference}", ReferralBodies.unique("DHS"))
                .replace("${passportNumber}", ReferralBodies.unique("V"))
                .replace("${biometricReference}", ReferralBodies.unique("FBI"));
        assertThat(body).doesNotContain("${");

        Api.Response submitted = as("us-agency").post("/api/v1/referrals", body,
                Map.of("Idempotency-Key", ReferralBodies.unique("contract")));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        JsonNode referral = submitted.json();
        assertThat(referral.get("id").asString()).isNotBlank();
        assertThat(referral.get("status").asString()).as(referral.toString()).isEqualTo("SUBMITTED");
        JsonNode eligibility = referral.get("eligibility");
        assertThat(eligibility.get("eligible").asBoolean()).isTrue();
        JsonNode first = eligibility.get("findings").get(0);
        assertThat(first.get("rule").asString()).isEqualTo("FINAL_CONVICTION_REQUIRED");
        assertThat(first.get("outcome").asString()).isEqualTo("PASS");
        assertThat(first.get("message").asString()).isEqualTo("1 conviction is final: 4:23-cr-00123");
        for (JsonNode finding : eligibility.get("findings")) {
            assertThat(finding.get("rule").asString()).isNotBlank();
            assertThat(finding.get("outcome").asString()).isIn("PASS", "WARN");
            assertThat(finding.get("message").asString()).isNotBlank();
        }
        assertThat(java.time.Instant.parse(referral.get("submittedAt").asString())).isBeforeOrEqualTo(clock.instant());

        String id = referral.get("id").asString();
        Api.Response decided = as("intake").post("/api/v1/referrals/" + id + "/decision",
                resource("contract/decision.json"));
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        assertThat(decided.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(decided.json().get("decision").get("decision").asString()).isEqualTo("ACCEPT");
        assertThat(decided.json().get("decision").get("reason").asString()).isEqualTo("Meets the agreement");
    }

    @Test
    void theOpenApiDocumentDescribesEveryReferralAnswerAsATypedSchema() {
        JsonNode doc = as("admin").get("/v3/api-docs").json();
        JsonNode schemas = doc.get("components").get("schemas");
        for (String name : new String[] {"Referral", "Eligibility", "Finding", "ReferralPage", "ReferralSummary",
                "ReferralImportResult", "ReferralImportRow", "ReferralImportError", "DecisionRequest",
                "WithdrawalRequest", "ReferralDecision", "ReferralWithdrawal"}) {
            assertThat(schemas.has(name)).as(name + " in " + schemas.propertyNames()).isTrue();
        }
        assertThat(schemas.get("Finding").get("properties").has("message")).isTrue();
        assertThat(schemas.get("Referral").get("properties").get("eligibility").toString()).contains("Eligibility");
        assertThat(schemas.get("DecisionRequest").get("properties").get("decision").get("enum").toString())
                .contains("ACCEPT", "REJECT");
        JsonNode decision = doc.get("paths").get("/api/v1/referrals/{id}/decision").get("post");
        assertThat(decision.get("responses").get("200").toString()).contains("#/components/schemas/Referral");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ReferralContractTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
