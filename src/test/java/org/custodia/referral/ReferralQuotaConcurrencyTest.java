package org.custodia.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestAgreements;

/** The quota holds under concurrent acceptances: 100 at once against 50 places accept exactly 50. */
class ReferralQuotaConcurrencyTest extends IntegrationTest {

    @Autowired
    Clock clock;

    @Test
    void oneHundredConcurrentAcceptancesAgainstAQuotaOfFiftyAcceptExactlyFifty() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String agreement = TestAgreements.create(as("admin"), "US", 50, List.of(
                TestAgreements.rule("FINAL_CONVICTION_REQUIRED"),
                TestAgreements.rule("MIN_REMAINING_SENTENCE_DAYS", Map.of("days", 180))));
        List<String> ids = new ArrayList<>();
        Api agency = as("us-agency");
        for (int i = 0; i < 100; i++) {
            Api.Response response = agency.post("/api/v1/referrals", ReferralBodies.eligible(today, agreement));
            assertThat(response.status()).as(response.text()).isEqualTo(201);
            assertThat(response.json().get("status").asString()).isEqualTo("SUBMITTED");
            ids.add(response.json().get("id").asString());
        }

        Api intake = as("intake");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(100);
        List<Future<Api.Response>> futures = new ArrayList<>();
        try {
            for (String id : ids) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return intake.post("/api/v1/referrals/" + id + "/decision",
                            Map.of("decision", "ACCEPT", "reason", "Meets the agreement"));
                }));
            }
            start.countDown();
            int accepted = 0;
            int quotaExceeded = 0;
            List<String> other = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                Api.Response response = future.get();
                if (response.status() == 200) {
                    accepted++;
                } else if (response.status() == 409
                        && "AGREEMENT_QUOTA_EXCEEDED".equals(response.json().get("code").asString())) {
                    quotaExceeded++;
                } else {
                    other.add(response.toString());
                }
            }
            assertThat(other).isEmpty();
            assertThat(accepted).isEqualTo(50);
            assertThat(quotaExceeded).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE agreement_code = ? AND status = 'ACCEPTED'")
                .param(agreement).query(Long.class).single()).isEqualTo(50);
        assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE agreement_code = ? AND status = 'SUBMITTED'")
                .param(agreement).query(Long.class).single()).isEqualTo(50);
        JsonNode verification = as("oversight").get("/api/v1/ledger/verification").json();
        assertThat(verification.get("valid").asBoolean()).isTrue();
    }
}
