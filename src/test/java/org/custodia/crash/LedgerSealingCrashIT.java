package org.custodia.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.support.Api;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestAgreements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The ledger's sequencer across a crash: an instance that dies after its writers committed and before anything sealed
 * their entries (simulated by starting it with the sealing after commit and the scheduled sealing switched off) loses
 * no entry. Its queue is visible in the checkpoint API while it runs, stays in the database through the SIGKILL, and
 * the restart seals it, in order, into a log that still extends the checkpoint signed before.
 */
@Tag("crash")
class LedgerSealingCrashIT {

    private static Path work;
    private static AppProcess app;

    @BeforeAll
    static void start() throws Exception {
        assertThat(AppProcess.JAR).as("the packaged jar (mvn package runs before the integration tests)").exists();
        work = Files.createTempDirectory("custodia-crash-sealing");
        app = new AppProcess(work).start("--custodia.ledger.seal-after-commit=false", "--custodia.ledger.seal-interval=PT1H");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        FileSystemUtils.deleteRecursively(work);
    }

    @Test
    void entriesCommittedButNotSealedWhenTheAppDiesAreSealedByTheRestart() throws Exception {
        Path checkpoint = CrashHarness.signedCheckpoint(app, work);
        long signedSize = app.as("oversight").get("/api/v1/ledger/checkpoints/latest").json().get("treeSize").asLong();

        String agreement = TestAgreements.create(app.as("admin"), "US", 1000, TestAgreements.demoPolicy());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Api.Response response = app.as("us-agency").post("/api/v1/referrals",
                    ReferralBodies.eligible(today, agreement), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(response.status()).as(response.text()).isEqualTo(201);
            ids.add(response.json().get("id").asString());
        }
        JsonNode pending = app.as("oversight").get("/api/v1/ledger/checkpoints/pending").json();
        assertThat(pending.get("unsealedEntries").asLong()).as(pending.toString()).isGreaterThanOrEqualTo(13);
        assertThat(pending.get("treeSize").asLong()).as("nothing sealed since the checkpoint").isEqualTo(signedSize);
        assertThat(pending.get("oldestUnsealedAt").isNull()).isFalse();

        app.kill();
        long queued = app.count("SELECT count(*) FROM ledger_queue");
        long lastQueued = app.count("SELECT max(id) FROM ledger_queue");
        assertThat(queued).as("the queue is durable: it outlives the process").isGreaterThanOrEqualTo(13);

        app.start();
        assertThat(app.count("SELECT count(*) FROM ledger_queue")).as("the restart sealed the queue").isZero();
        pending = app.as("oversight").get("/api/v1/ledger/checkpoints/pending").json();
        assertThat(pending.get("unsealedEntries").asLong()).isZero();
        assertThat(pending.get("treeSize").asLong()).isGreaterThanOrEqualTo(signedSize + queued);
        for (String id : ids) {
            assertThat(app.count("SELECT count(*) FROM ledger_entry WHERE action = 'REFERRAL_SUBMITTED' AND subject_id = ?",
                    id)).as("the submission of %s is in the log", id).isEqualTo(1);
        }
        // What the dead instance had queued was sealed in the order it was queued.
        assertThat(app.count("""
                SELECT count(*) FROM (SELECT queue_id, lag(queue_id) OVER (ORDER BY sequence) AS before
                                      FROM ledger_entry WHERE sequence > ? AND queue_id <= ?) t WHERE queue_id < before""",
                signedSize, lastQueued)).isZero();
        CrashHarness.assertHistoryKeptSince(app, work, checkpoint);

        // With the sealing on again, a write leaves nothing queued once answered.
        Api.Response after = app.as("us-agency").post("/api/v1/referrals", ReferralBodies.eligible(today, agreement),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(after.status()).as(after.text()).isEqualTo(201);
        assertThat(app.as("oversight").get("/api/v1/ledger/checkpoints/pending").json().get("unsealedEntries").asLong())
                .isZero();
    }
}
