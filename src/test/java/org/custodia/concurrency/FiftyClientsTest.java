package org.custodia.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.custodia.support.Api;
import org.custodia.support.Dossiers;
import org.custodia.support.IntegrationTest;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestAgreements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Fifty clients at once through the real API, each step started together behind a gate: submitting, accepting
 * against a quota smaller than the crowd, dispatching, admitting. No quota overrun, no duplicate prisoner number,
 * no gap or fork in the ledger; two administrators amending the same agreement from the same version: one wins,
 * the other is told {@code STALE_VERSION}.
 */
class FiftyClientsTest extends IntegrationTest {

    static final int CLIENTS = 50;
    static final int QUOTA = 30;

    @Autowired
    Clock clock;

    @Test
    void fiftyClientsAtOnceNeverBreakTheQuotaTheNumbersOrTheLedger() throws Exception {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String agreement = TestAgreements.create(as("admin"), "US", QUOTA, TestAgreements.demoPolicy());
        long ledgerBefore = ledgerSize();

        List<String> submitted = together(CLIENTS, i -> {
            Api.Response r = as("us-agency").post("/api/v1/referrals", ReferralBodies.eligible(today, agreement),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            return r.json().get("id").asString();
        });
        assertThat(new HashSet<>(submitted)).hasSize(CLIENTS);

        List<String> decisions = together(CLIENTS, i -> {
            Api.Response r = as("intake").post("/api/v1/referrals/" + submitted.get(i) + "/decision",
                    Map.of("decision", "ACCEPT", "reason", "Meets the agreement"));
            return r.status() == 200 ? "ACCEPTED:" + submitted.get(i) : r.status() + " " + r.json().path("code").asString();
        });
        List<String> accepted = decisions.stream().filter(d -> d.startsWith("ACCEPTED:"))
                .map(d -> d.substring("ACCEPTED:".length())).toList();
        assertThat(accepted).as("exactly the quota is accepted").hasSize(QUOTA);
        assertThat(decisions.stream().filter(d -> !d.startsWith("ACCEPTED:")))
                .as("the others are refused for the quota").allMatch(d -> d.equals("409 AGREEMENT_QUOTA_EXCEEDED"));

        // Five manifests planned and dispatched at once, six people each.
        List<String> manifests = together(5, m -> {
            Api.Response r = as("reception").post("/api/v1/manifests", Map.of("agreementCode", agreement,
                    "carrier", "ICE Air", "transportReference", "GXA-" + UUID.randomUUID(),
                    "scheduledDeparture", now.minusSeconds(7200).toString(),
                    "scheduledArrival", now.minusSeconds(900).toString(),
                    "referralIds", accepted.subList(m * 6, m * 6 + 6)));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            String id = r.json().get("id").asString();
            Api.Response departed = as("reception").post("/api/v1/manifests/" + id + "/departure",
                    Map.of("departedAt", now.minusSeconds(7000).toString()));
            assertThat(departed.status()).as(departed.text()).isEqualTo(200);
            return id;
        });

        // Thirty handovers at once, each retried once with its key: thirty prisoners, thirty different numbers.
        List<String> numbers = together(QUOTA, i -> {
            String manifest = manifests.get(i / 6);
            Map<String, Object> body = Dossiers.handover(accepted.get(i), now.minusSeconds(600).toString());
            String key = "arrival-" + accepted.get(i);
            Api.Response first = as("reception").post("/api/v1/manifests/" + manifest + "/arrivals", body,
                    Map.of("Idempotency-Key", key));
            Api.Response retry = as("reception").post("/api/v1/manifests/" + manifest + "/arrivals", body,
                    Map.of("Idempotency-Key", key));
            assertThat(first.status()).as(first.text()).isEqualTo(201);
            assertThat(retry.json().path("prisonerNumber").asString())
                    .isEqualTo(first.json().get("prisonerNumber").asString());
            return first.json().get("prisonerNumber").asString();
        });
        assertThat(new HashSet<>(numbers)).as("no duplicate prisoner number").hasSize(QUOTA);
        assertThat(jdbc.sql("SELECT count(*) FROM prisoner WHERE prisoner_number IN (:numbers)")
                .param("numbers", numbers).query(Long.class).single()).isEqualTo(QUOTA);

        // The ledger: every change recorded once, in one gapless chain.
        JsonNode verification = as("oversight").get("/api/v1/ledger/verification").json();
        assertThat(verification.get("valid").asBoolean()).isTrue();
        Map<String, Object> range = jdbc.sql("SELECT count(*) AS n, min(sequence) AS lo, max(sequence) AS hi "
                + "FROM ledger_entry").query().singleRow();
        assertThat(((Number) range.get("hi")).longValue() - ((Number) range.get("lo")).longValue() + 1)
                .as("no gap in the sequence").isEqualTo(((Number) range.get("n")).longValue());
        assertThat(ledgerSize() - ledgerBefore).as("at least one entry per change")
                .isGreaterThanOrEqualTo(CLIENTS + QUOTA + 5 * 2 + QUOTA);
    }

    @Test
    void twoAdministratorsAmendingTheSameVersionOneIsToldStale() throws Exception {
        String code = TestAgreements.create(as("admin"), "US", 10, TestAgreements.demoPolicy());
        JsonNode read = as("admin").get("/api/v1/agreements/" + code).json();
        int version = read.get("version").asInt();
        List<Integer> statuses = together(2, i -> {
            Map<String, Object> body = TestAgreements.body(code, "US", 10 + i + 1, TestAgreements.demoPolicy());
            body.put("version", version);
            return as("admin").put("/api/v1/agreements/" + code, body).status();
        });
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        Map<String, Object> stale = TestAgreements.body(code, "US", 99, TestAgreements.demoPolicy());
        stale.put("version", version);
        Api.Response refused = as("admin").put("/api/v1/agreements/" + code, stale);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("STALE_VERSION");
        assertThat(as("admin").get("/api/v1/agreements/" + code).json().get("version").asInt()).isEqualTo(version + 1);
    }

    interface Step<T> {
        T run(int index) throws Exception;
    }

    /** Runs {@code n} clients at once behind a start gate and returns their answers in order. */
    static <T> List<T> together(int n, Step<T> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    gate.await();
                    return step.run(index);
                }));
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(3, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private long ledgerSize() {
        return jdbc.sql("SELECT count(*) FROM ledger_entry").query(Long.class).single();
    }
}
