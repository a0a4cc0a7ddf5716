package org.custodia.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.UUID;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.tlog.Checkpoint;
import org.custodia.ledger.tlog.Ed25519;
import org.custodia.ledger.tlog.LogVerifier;
import org.custodia.ledger.tlog.VerifierKey;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The command-line verifier ({@code java -jar custodia.jar verify ...}), run in-process against the test server
 * as the other state would run it against the facility: it keeps a checkpoint, comes back later, and is told in one
 * line whether history was kept.
 */
class LogVerifierCliTest extends IntegrationTest {

    @TempDir
    Path dir;

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    FacilityKey facilityKey;

    @Test
    void aKeptCheckpointIsExtendedByTheLatestOne() throws Exception {
        Path old = keep(signCheckpoint());
        Path vkey = vkey();
        append();
        append();
        long latest = signCheckpoint().get("treeSize").asLong();
        Path saved = dir.resolve("new.txt");

        Run run = verify("--checkpoint", old.toString(), "--key", vkey.toString(), "--url", baseUrl,
                "--user", "us-agency:demo", "--save", saved.toString());

        assertThat(run.status()).as(run.out()).isEqualTo(0);
        assertThat(run.out()).startsWith("KEPT: ").contains("at " + latest + " entries");
        assertThat(run.out().strip().lines().count()).isEqualTo(1);
        assertThat(Files.readString(saved)).isEqualTo(as("us-agency").get("/api/v1/ledger/checkpoints/latest").json()
                .get("note").asString());
        // Next time the saved one is the kept one.
        assertThat(verify("--checkpoint", saved.toString(), "--key", vkey.toString(), "--url", baseUrl,
                "--user", "oversight:demo").status()).isEqualTo(0);
    }

    @Test
    void aCheckpointOfAnotherHistoryIsCaught() throws Exception {
        // What a host showing this party another history would have signed: a real size, another root.
        long size = signCheckpoint().get("treeSize").asLong();
        byte[] otherRoot = new byte[32];
        otherRoot[0] = 7;
        Path fork = dir.resolve("fork.txt");
        Files.writeString(fork, facilityKey.sign(new Checkpoint(facilityKey.name(), size, otherRoot).body()).encoded());
        append();
        signCheckpoint();

        Run run = verify("--checkpoint", fork.toString(), "--key", vkey().toString(), "--url", baseUrl, "--user", "us-agency:demo");

        assertThat(run.status()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).startsWith("NOT KEPT: ");
    }

    @Test
    void withTheWrongKeyOrNoAccessNothingIsClaimed() throws Exception {
        Path old = keep(signCheckpoint());
        VerifierKey stranger = new VerifierKey(facilityKey.name(), VerifierKey.ED25519,
                Ed25519.raw(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()));
        Path strangerKey = dir.resolve("stranger.vkey");
        Files.writeString(strangerKey, stranger.encoded());

        Run wrongKey = verify("--checkpoint", old.toString(), "--key", strangerKey.toString(), "--url", baseUrl,
                "--user", "us-agency:demo");
        assertThat(wrongKey.status()).as(wrongKey.out()).isEqualTo(2);
        assertThat(wrongKey.out()).startsWith("CANNOT CHECK: ");

        Run noUser = verify("--checkpoint", old.toString(), "--key", vkey().toString(), "--url", baseUrl);
        assertThat(noUser.status()).as(noUser.out()).isEqualTo(2);
        assertThat(noUser.out()).contains("401");

        Run usage = verify("--checkpoint", old.toString());
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.out()).contains("usage:");
    }

    private Run verify(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        int status = LogVerifier.run(all, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String out) {
    }

    private Path keep(tools.jackson.databind.JsonNode checkpoint) throws Exception {
        Path file = dir.resolve("kept-" + UUID.randomUUID() + ".txt");
        Files.writeString(file, checkpoint.get("note").asString());
        return file;
    }

    private Path vkey() throws Exception {
        Path file = dir.resolve("facility.vkey");
        Files.writeString(file, as("us-agency").get("/api/v1/ledger/key").json().get("vkey").asString() + "\n");
        return file;
    }

    private void append() {
        tx.executeWithoutResult(status -> ledger.appendAs("system", "CLI_TEST", "TEST", UUID.randomUUID().toString(),
                Map.of("n", 1)));
    }

    private tools.jackson.databind.JsonNode signCheckpoint() {
        Api.Response response = as("oversight").post("/api/v1/ledger/checkpoints", "");
        assertThat(response.status()).as(response.text()).isIn(200, 201);
        return response.json();
    }
}
