package org.custodia.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.custodia.common.CanonicalJson;
import org.custodia.ledger.Ledger;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The ledger's sequencer: writers queue their entries without waiting for each other, each commit seals them before
 * the writer answers, and what a crash leaves queued shows in {@code /api/v1/ledger/checkpoints/pending} until the
 * scheduled sealing takes it. (The scheduled sealing is off in tests: {@code seal-interval} PT1H; this test calls it.)
 */
class LedgerSequencerTest extends IntegrationTest {

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    CheckpointSchedule schedule;

    @Autowired
    Clock clock;

    @Test
    void aWriterIsNotHeldUpByALongTransactionThatHasQueuedEntries() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch queued = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        try {
            Future<Long> longOne = pool.submit(() -> tx.execute(status -> {
                long id = ledger.appendAs("test", "LONG_TRANSACTION", "TEST", UUID.randomUUID().toString(), Map.of("n", 1))
                        .queueId();
                queued.countDown();
                await(finish);
                return id;
            }));
            assertThat(queued.await(30, TimeUnit.SECONDS)).isTrue();
            // Under the old lock at the chain's head this waited for the long transaction to commit, and timed out.
            long quick = pool.submit(() -> tx.execute(status -> ledger.appendAs("test", "QUICK_WRITE", "TEST",
                    UUID.randomUUID().toString(), Map.of("n", 2)).queueId())).get(20, TimeUnit.SECONDS);
            assertThat(sequenceOf(quick)).as("the quick write is sealed when its commit returns").isPositive();
            assertThat(longOne.isDone()).isFalse();

            finish.countDown();
            long slow = longOne.get(30, TimeUnit.SECONDS);
            assertThat(sequenceOf(slow)).as("sealed after the entry that committed first").isGreaterThan(sequenceOf(quick));
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
        assertThat(as("oversight").get("/api/v1/ledger/verification").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aWriteThroughTheApiLeavesNothingUnsealed() {
        assertThat(as("admin").post("/api/v1/ledger/checkpoints", "").status()).isIn(200, 201);
        JsonNode pending = as("oversight").get("/api/v1/ledger/checkpoints/pending").json();
        assertThat(pending.get("unsealedEntries").asLong()).as(pending.toString()).isZero();
        assertThat(pending.get("oldestUnsealedAgeMillis").asLong()).isZero();
        assertThat(pending.has("oldestUnsealedAt") && !pending.get("oldestUnsealedAt").isNull()).isFalse();
        assertThat(pending.get("sealedSinceCheckpoint").asLong())
                .isEqualTo(pending.get("treeSize").asLong() - pending.get("checkpointTreeSize").asLong());
    }

    @Test
    void whatACrashLeftQueuedIsVisibleThenSealedByTheScheduledSealing() {
        // A writer whose instance died between its commit and its sealing: the row is committed, nobody sealed it.
        Instant recordedAt = clock.instant().minusSeconds(5).truncatedTo(ChronoUnit.MICROS);
        String subject = UUID.randomUUID().toString();
        String payload = CanonicalJson.write(Map.of("left", "by a crash"));
        long id = jdbc.sql("""
                        INSERT INTO ledger_queue (recorded_at, actor, action, subject_type, subject_id, payload, payload_hash)
                        VALUES (?, 'test', 'LEFT_BY_A_CRASH', 'TEST', ?, ?, ?) RETURNING id""")
                .params(recordedAt.atOffset(ZoneOffset.UTC), subject, payload, CanonicalJson.sha256(payload))
                .query(Long.class).single();

        JsonNode pending = as("oversight").get("/api/v1/ledger/checkpoints/pending").json();
        assertThat(pending.get("unsealedEntries").asLong()).as(pending.toString()).isGreaterThanOrEqualTo(1);
        assertThat(Instant.parse(pending.get("oldestUnsealedAt").asString())).isEqualTo(recordedAt);
        assertThat(pending.get("oldestUnsealedAgeMillis").asLong())
                .isEqualTo(Duration.between(recordedAt, clock.instant()).toMillis());
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE queue_id = ?").param(id).query(Long.class).single())
                .isZero();

        schedule.seal();

        pending = as("oversight").get("/api/v1/ledger/checkpoints/pending").json();
        assertThat(pending.get("unsealedEntries").asLong()).as(pending.toString()).isZero();
        long sequence = sequenceOf(id);
        JsonNode entry = as("oversight").get("/api/v1/ledger/entries/" + sequence).json();
        assertThat(entry.get("action").asString()).isEqualTo("LEFT_BY_A_CRASH");
        assertThat(entry.get("subjectId").asString()).isEqualTo(subject);
        assertThat(Instant.parse(entry.get("recordedAt").asString())).isEqualTo(recordedAt);
        assertThat(as("oversight").get("/api/v1/ledger/verification").json().get("valid").asBoolean()).isTrue();
        // The next checkpoint covers it, with an inclusion proof.
        long treeSize = as("admin").post("/api/v1/ledger/checkpoints", "").json().get("treeSize").asLong();
        assertThat(treeSize).isGreaterThanOrEqualTo(sequence);
        assertThat(as("oversight").get("/api/v1/ledger/entries/" + sequence + "/proof?treeSize=" + treeSize).status())
                .isEqualTo(200);
    }

    private long sequenceOf(long queueId) {
        return jdbc.sql("SELECT coalesce(max(sequence), 0) FROM ledger_entry WHERE queue_id = ?").param(queueId)
                .query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
