package org.custodia.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Fifty clients at once through the real API, each step started together behind a gate: submitting, accepting
 * against a quota smaller than the crowd, dispatching, admitting with a retry under the same Idempotency-Key. No quota
 * overrun, no duplicate prisoner number, no gap or fork in the ledger. Run against one app ({@code FiftyClientsTest})
 * or against two instances sharing one database ({@code TwoInstancesIT}): {@link Clients} says which instance a
 * client's n-th call goes to.
 */
public final class FiftyClientsScenario {

    public static final int CLIENTS = 50;
    public static final int QUOTA = 30;

    /** The API as a user, for client i's call (a retry is the call i + 1: another instance when they alternate). */
    public interface Clients {
        Api as(String user, int call);
    }

    /** A count read straight from the database. */
    public interface Counts {
        long count(String sql, Object... parameters) throws Exception;
    }

    private final Clients clients;
    private final Counts counts;
    private final LocalDate today;
    private final Instant now;

    public FiftyClientsScenario(Clients clients, Counts counts, LocalDate today, Instant now) {
        this.clients = clients;
        this.counts = counts;
        this.today = today;
        this.now = now;
    }

    public void run() throws Exception {
        String agreement = TestAgreements.create(clients.as("admin", 0), "US", QUOTA, TestAgreements.demoPolicy());
        long ledgerBefore = counts.count("SELECT count(*) FROM ledger_entry");

        List<String> submitted = together(CLIENTS, i -> {
            Api.Response r = clients.as("us-agency", i).post("/api/v1/referrals", ReferralBodies.eligible(today, agreement),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            return r.json().get("id").asString();
        });
        assertThat(new HashSet<>(submitted)).hasSize(CLIENTS);

        List<String> decisions = together(CLIENTS, i -> {
            Api.Response r = clients.as("intake", i).post("/api/v1/referrals/" + submitted.get(i) + "/decision",
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
            Api reception = clients.as("reception", m);
            Api.Response r = reception.post("/api/v1/manifests", Map.of("agreementCode", agreement,
                    "carrier", "ICE Air", "transportReference", "GXA-" + UUID.randomUUID(),
                    "scheduledDeparture", now.minusSeconds(7200).toString(),
                    "scheduledArrival", now.minusSeconds(900).toString(),
                    "referralIds", accepted.subList(m * 6, m * 6 + 6)));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            String id = r.json().get("id").asString();
            Api.Response departed = clients.as("reception", m + 1).post("/api/v1/manifests/" + id + "/departure",
                    Map.of("departedAt", now.minusSeconds(7000).toString()));
            assertThat(departed.status()).as(departed.text()).isEqualTo(200);
            return id;
        });

        // Thirty handovers at once, each retried once with its key: thirty prisoners, thirty different numbers.
        List<String> numbers = together(QUOTA, i -> {
            String manifest = manifests.get(i / 6);
            Map<String, Object> body = Dossiers.handover(accepted.get(i), now.minusSeconds(600).toString());
            String key = "arrival-" + accepted.get(i);
            Api.Response first = clients.as("reception", i).post("/api/v1/manifests/" + manifest + "/arrivals", body,
                    Map.of("Idempotency-Key", key));
            Api.Response retry = clients.as("reception", i + 1).post("/api/v1/manifests/" + manifest + "/arrivals", body,
                    Map.of("Idempotency-Key", key));
            assertThat(first.status()).as(first.text()).isEqualTo(201);
            assertThat(retry.json().path("prisonerNumber").asString()).as("the retry answers the same prisoner")
                    .isEqualTo(first.json().get("prisonerNumber").asString());
            return first.json().get("prisonerNumber").asString();
        });
        assertThat(new HashSet<>(numbers)).as("no duplicate prisoner number").hasSize(QUOTA);
        assertThat(counts.count("SELECT count(*) FROM prisoner WHERE prisoner_number = ANY (?)",
                (Object) numbers.toArray(String[]::new))).as("one prisoner per handover").isEqualTo(QUOTA);

        // The ledger: every change recorded once, in one gapless chain.
        JsonNode verification = clients.as("oversight", 0).get("/api/v1/ledger/verification").json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(counts.count("SELECT max(sequence) - min(sequence) + 1 - count(*) FROM ledger_entry"))
                .as("no gap in the sequence").isZero();
        assertThat(counts.count("SELECT count(*) FROM ledger_entry") - ledgerBefore).as("at least one entry per change")
                .isGreaterThanOrEqualTo(CLIENTS + QUOTA + 5 * 2 + QUOTA);
    }

    public interface Step<T> {
        T run(int index) throws Exception;
    }

    /** Runs {@code n} clients at once behind a start gate and returns their answers in order. */
    public static <T> List<T> together(int n, Step<T> step) throws Exception {
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
}
