package org.custodia.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.custodia.ledger.tlog.LogVerifier;

/**
 * What every crash test does around a kill, as {@link CrashSafetyIT} does it: sign a checkpoint and keep it outside
 * the app (as the other state would), and after the restart check the chain and, with the offline verifier, that the
 * log is consistent with the checkpoint signed before the kill.
 */
final class CrashHarness {

    private CrashHarness() {
    }

    /** A checkpoint signed now and kept in {@code work}, with the facility's verifier key beside it. */
    static Path signedCheckpoint(AppProcess app, Path work) throws Exception {
        assertThat(app.as("admin").post("/api/v1/ledger/checkpoints", Map.of()).status()).isIn(200, 201);
        Path note = Files.createTempFile(work, "checkpoint-", ".txt");
        Files.writeString(note, app.as("oversight").get("/api/v1/ledger/checkpoints/latest").json().get("note").asString());
        Files.writeString(work.resolve("facility.vkey"),
                app.as("oversight").get("/api/v1/ledger/key").json().get("vkey").asString());
        return note;
    }

    /**
     * Watches the database (as the orphaned server will see it) until a transaction of the app is seen doing what
     * {@code sql} selects (a query on {@code pg_stat_activity}, {@code pg_locks}, ... answering one row), and kills the
     * app with SIGKILL at that moment; so the kill lands inside the transaction, not merely near it. Kills anyway
     * when the request is answered or {@code timeout} passes first. Returns what the database showed at the kill, or
     * null if it never showed it.
     */
    static String killWhenSeen(AppProcess app, String sql, Object parameter, java.util.concurrent.Future<?> request,
                               java.time.Duration timeout) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plus(timeout);
        try (var c = app.database(); var statement = c.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            while (java.time.Instant.now().isBefore(deadline) && !request.isDone()) {
                try (var rs = statement.executeQuery()) {
                    if (rs.next()) {
                        String seen = rs.getString(1);
                        app.kill();
                        return seen;
                    }
                }
            }
        }
        app.kill();
        return null;
    }

    /** The chain verifies, and the offline verifier says the log kept the history of {@code checkpoint}. */
    static void assertHistoryKeptSince(AppProcess app, Path work, Path checkpoint) throws Exception {
        assertThat(app.as("oversight").get("/api/v1/ledger/verification").json().get("valid").asBoolean())
                .as("the ledger verifies after the restart").isTrue();
        assertThat(app.as("admin").post("/api/v1/ledger/checkpoints", Map.of()).status()).isIn(200, 201, 409);
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int exit = LogVerifier.run(new String[] {"verify", "--checkpoint", checkpoint.toString(),
                "--key", work.resolve("facility.vkey").toString(), "--url", app.baseUrl(), "--user", "oversight:demo"},
                new PrintStream(said, true, StandardCharsets.UTF_8));
        String line = said.toString(StandardCharsets.UTF_8);
        System.out.println("offline verifier: " + line.strip());
        assertThat(exit).as(line).isZero();
        assertThat(line).startsWith("KEPT");
    }
}
