package org.custodia.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ReferralApiTest extends IntegrationTest {

    static final String AGREEMENT = "US-SV-2025";

    @Autowired
    Clock clock;

    LocalDate today;

    @BeforeEach
    void today() {
        today = LocalDate.now(clock);
    }

    @Test
    void anEligibleReferralIsStoredSubmittedWithEveryFinding() {
        Map<String, Object> body = ReferralBodies.eligible(today, AGREEMENT);
        Api.Response response = as("us-agency").post("/api/v1/referrals", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode r = response.json();
        assertThat(r.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(r.get("eligibility").get("eligible").asBoolean()).isTrue();
        List<String> findings = new ArrayList<>();
        r.get("eligibility").get("findings").forEach(f -> findings.add(f.get("rule").asString() + ":" + f.get("outcome").asString()));
        assertThat(findings).containsExactly("FINAL_CONVICTION_REQUIRED:PASS", "COMMITMENT_ORDER_REQUIRED:PASS",
                "MIN_REMAINING_SENTENCE_DAYS:PASS", "ADULTS_ONLY:PASS", "SEX_OF_FACILITY:PASS",
                "GANG_AFFILIATION_EVIDENCE:WARN");
        assertThat(r.get("externalReference").asString()).isEqualTo(body.get("externalReference"));
        assertThat(r.get("person").get("givenNames").asString()).isEqualTo("José Luis");
        assertThat(r.get("convictions").get(0).get("sentence").get("years").asInt()).isEqualTo(10);
        assertThat(response.header("Location")).endsWith("/api/v1/referrals/" + r.get("id").asString());
    }
}
