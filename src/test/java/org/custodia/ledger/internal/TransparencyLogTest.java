package org.custodia.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.tlog.Cosignature;
import org.custodia.ledger.tlog.Ed25519;
import org.custodia.ledger.tlog.MerkleVerifier;
import org.custodia.ledger.tlog.ProofException;
import org.custodia.ledger.tlog.SignedNote;
import org.custodia.ledger.tlog.VerifierKey;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The ledger as a transparency log, through the HTTP API, checked the way the other state would: the checkpoint's
 * Ed25519 signature with the JDK's Signature and the published key, leaf hashes with MessageDigest, and the proofs
 * with {@link MerkleVerifier} (which the RFC 6962 vectors test). Tampering is done in SQL as a superuser would.
 */
class TransparencyLogTest extends IntegrationTest {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcLedger jdbcLedger;

    @Autowired
    LedgerSequencer sequencer;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    @Test
    void theKeyIsPublishedRawAndAsAVerifierKey() throws Exception {
        JsonNode key = as("us-agency").get("/api/v1/ledger/key").json();
        byte[] raw = Base64.getDecoder().decode(key.get("publicKey").asString());
        assertThat(raw).hasSize(32);
        VerifierKey vkey = VerifierKey.parse(key.get("vkey").asString());
        assertThat(vkey.name()).isEqualTo(key.get("name").asString());
        assertThat(vkey.publicKey()).isEqualTo(raw);
        assertThat(vkey.type()).isEqualTo(0x01);
        assertThat(anonymous().get("/api/v1/ledger/key").status()).isEqualTo(401);
    }

    @Test
    void anInclusionProofFromTheApiVerifiesAgainstASignedCheckpoint() throws Exception {
        long sequence = append("INCLUSION_TEST");
        append("INCLUSION_TEST");
        JsonNode checkpoint = signCheckpoint();
        long treeSize = checkpoint.get("treeSize").asLong();
        assertThat(treeSize).isGreaterThanOrEqualTo(sequence + 1);
        byte[] root = verifiedRoot(checkpoint.get("note").asString(), treeSize);

        for (long s : List.of(1L, sequence, treeSize)) {
            JsonNode entry = as("oversight").get("/api/v1/ledger/entries/" + s).json();
            byte[] leafData = Base64.getDecoder().decode(entry.get("leafData").asString());
            JsonNode leaf = Api.JSON.readTree(leafData);
            assertThat(leaf.get("sequence").asLong()).isEqualTo(s);
            assertThat(leaf.get("payloadSha256").asString()).isEqualTo(sha256Hex(entry.get("payload").asString()));
            JsonNode proof = as("us-agency").get("/api/v1/ledger/entries/" + s + "/proof?treeSize=" + treeSize).json();
            assertThat(proof.get("leafIndex").asLong()).isEqualTo(s - 1);
            assertThat(proof.get("treeSize").asLong()).isEqualTo(treeSize);
            byte[] leafHash = leafHash(leafData);
            assertThat(Base64.getDecoder().decode(proof.get("leafHash").asString())).isEqualTo(leafHash);
            MerkleVerifier.verifyInclusion(s - 1, treeSize, leafHash, hashes(proof), root);
        }
        // Without treeSize the proof is against the latest checkpoint.
        JsonNode latest = as("oversight").get("/api/v1/ledger/checkpoints/latest").json();
        JsonNode proof = as("ve-consul").get("/api/v1/ledger/entries/" + sequence + "/proof").json();
        assertThat(proof.get("treeSize").asLong()).isEqualTo(latest.get("treeSize").asLong());
    }

    @Test
    void aConsistencyProofBetweenTwoCheckpointsVerifies() throws Exception {
        append("CONSISTENCY_TEST");
        JsonNode first = signCheckpoint();
        append("CONSISTENCY_TEST");
        append("CONSISTENCY_TEST");
        JsonNode second = signCheckpoint();
        long m = first.get("treeSize").asLong();
        long n = second.get("treeSize").asLong();
        assertThat(n).isGreaterThan(m);
        byte[] root1 = verifiedRoot(first.get("note").asString(), m);
        byte[] root2 = verifiedRoot(second.get("note").asString(), n);
        JsonNode proof = as("us-agency").get("/api/v1/ledger/consistency?from=" + m + "&to=" + n).json();
        assertThat(proof.get("from").asLong()).isEqualTo(m);
        assertThat(proof.get("to").asLong()).isEqualTo(n);
        MerkleVerifier.verifyConsistency(m, n, hashes(proof), root1, root2);
        // The history lists both, newest first.
        JsonNode page = as("us-agency").get("/api/v1/ledger/checkpoints?size=200").json();
        List<Long> sizes = new ArrayList<>();
        page.get("items").forEach(c -> sizes.add(c.get("treeSize").asLong()));
        assertThat(sizes).contains(m, n);
        assertThat(sizes).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anEntryAlteredInSqlFailsItsInclusionProofAndTheConsistencyProof() throws Exception {
        long sequence = append("TAMPER_TLOG_TEST");
        append("TAMPER_TLOG_TEST");
        JsonNode first = signCheckpoint();
        long m = first.get("treeSize").asLong();
        byte[] root1 = verifiedRoot(first.get("note").asString(), m);
        append("TAMPER_TLOG_TEST");
        String original = jdbc.sql("SELECT payload FROM ledger_entry WHERE sequence = ?").param(sequence).query(String.class).single();

        // 1. The entry alone is altered: its leaf no longer leads to the signed root.
        tamper("UPDATE ledger_entry SET payload = '{\"note\":\"forged\"}' WHERE sequence = " + sequence);
        try {
            assertThatThrownBy(() -> verifyInclusionAgainst(sequence, m, root1)).isInstanceOf(ProofException.class);
        } finally {
            tamper("UPDATE ledger_entry SET payload = '" + original.replace("'", "''") + "' WHERE sequence = " + sequence);
        }
        verifyInclusionAgainst(sequence, m, root1);

        // 2. The entry is altered and the tree rebuilt over it, as someone hiding the change would: the inclusion
        //    proof and the consistency proof from the signed checkpoint both fail, and the log refuses to sign.
        tamper("UPDATE ledger_entry SET payload = '{\"note\":\"forged\"}' WHERE sequence = " + sequence);
        rebuildTreeFrom(sequence - 1);
        try {
            assertThatThrownBy(() -> verifyInclusionAgainst(sequence, m, root1)).isInstanceOf(ProofException.class);
            long n = jdbc.sql("SELECT max(leaf_index) + 1 FROM ledger_tree_node").query(Long.class).single();
            JsonNode proof = as("oversight").get("/api/v1/ledger/consistency?from=" + m + "&to=" + n).json();
            byte[] rebuiltRoot = rootOfTree(n);
            assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(m, n, hashes(proof), root1, rebuiltRoot))
                    .isInstanceOf(ProofException.class);
            Api.Response refused = as("admin").post("/api/v1/ledger/checkpoints", "");
            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.json().get("code").asString()).isEqualTo("LEDGER_INCONSISTENT");
        } finally {
            tamper("UPDATE ledger_entry SET payload = '" + original.replace("'", "''") + "' WHERE sequence = " + sequence);
            rebuildTreeFrom(sequence - 1);
        }
        verifyInclusionAgainst(sequence, m, root1);
        JsonNode again = signCheckpoint();
        long n = again.get("treeSize").asLong();
        MerkleVerifier.verifyConsistency(m, n, hashes(as("oversight").get("/api/v1/ledger/consistency?from=" + m + "&to=" + n).json()),
                root1, verifiedRoot(again.get("note").asString(), n));
    }

    @Test
    void aWitnessRegistersAndCosignsACheckpointItVerified() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String name = "us.example/witness-" + UUID.randomUUID();
        VerifierKey witness = new VerifierKey(name, VerifierKey.COSIGNATURE_V1, Ed25519.raw(pair.getPublic()));
        Map<String, String> registration = Map.of("name", name, "publicKey", Base64.getEncoder().encodeToString(witness.publicKey()));
        assertThat(as("custody").post("/api/v1/ledger/witnesses", registration).status()).isEqualTo(403);
        Api.Response registered = as("us-agency").post("/api/v1/ledger/witnesses", registration);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        assertThat(registered.json().get("vkey").asString()).isEqualTo(witness.encoded());
        assertThat(registered.json().get("owner").asString()).isEqualTo("US");
        assertThat(as("us-agency").post("/api/v1/ledger/witnesses", registration).status()).isEqualTo(200);
        Api.Response taken = as("oversight").post("/api/v1/ledger/witnesses",
                Map.of("name", name, "publicKey", Base64.getEncoder().encodeToString(new byte[32])));
        assertThat(taken.status()).as(taken.text()).isIn(400, 409);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE action = 'LEDGER_WITNESS_REGISTERED' AND subject_id = ?")
                .param(name).query(Long.class).single()).isEqualTo(1);

        append("COSIGN_TEST");
        JsonNode checkpoint = signCheckpoint();
        long size = checkpoint.get("treeSize").asLong();
        String body = SignedNote.parse(checkpoint.get("note").asString()).text();
        verifiedRoot(checkpoint.get("note").asString(), size);
        long now = clock.instant().getEpochSecond();
        String line = Cosignature.sign(body, now, witness, pair.getPrivate()).encoded();

        Api.Response forged = as("us-agency").post("/api/v1/ledger/checkpoints/" + size + "/cosignatures",
                Map.of("signatureLine", Cosignature.sign(body.replace("\n" + size + "\n", "\n" + (size + 1) + "\n"), now,
                        witness, pair.getPrivate()).encoded()));
        assertThat(forged.status()).as(forged.text()).isEqualTo(422);
        assertThat(forged.json().get("code").asString()).isEqualTo("COSIGNATURE_INVALID");
        assertThat(as("oversight").post("/api/v1/ledger/checkpoints/" + size + "/cosignatures", Map.of("signatureLine", line))
                .status()).isEqualTo(403);
        Api.Response unknown = as("us-agency").post("/api/v1/ledger/checkpoints/" + size + "/cosignatures",
                Map.of("signatureLine", line.replace(name, name + "-unknown")));
        assertThat(unknown.json().get("code").asString()).isEqualTo("WITNESS_NOT_FOUND");

        Api.Response cosigned = as("us-agency").post("/api/v1/ledger/checkpoints/" + size + "/cosignatures",
                Map.of("signatureLine", line));
        assertThat(cosigned.status()).as(cosigned.text()).isEqualTo(200);
        JsonNode shown = as("oversight").get("/api/v1/ledger/checkpoints/" + size).json();
        JsonNode cosignature = null;
        for (JsonNode c : shown.get("cosignatures")) {
            if (c.get("witness").asString().equals(name)) {
                cosignature = c;
            }
        }
        assertThat(cosignature).as(shown.toString()).isNotNull();
        assertThat(cosignature.get("timestamp").asLong()).isEqualTo(now);
        // Whoever reads it can check it: append the line to the note and verify it with the witness's key.
        SignedNote cosignedNote = SignedNote.parse(shown.get("note").asString() .trim() + "\n" + cosignature.get("signatureLine").asString());
        SignedNote.Line witnessLine = cosignedNote.signatures().stream().filter(l -> l.by(witness)).findFirst().orElseThrow();
        assertThat(Cosignature.verify(witnessLine, cosignedNote.text(), witness)).isEqualTo(now);
        // Posting it again stores nothing new.
        as("us-agency").post("/api/v1/ledger/checkpoints/" + size + "/cosignatures", Map.of("signatureLine", line));
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_cosignature WHERE witness_name = ?").param(name).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void proofsOutsideTheLogAreClearProblems() {
        long size = jdbc.sql("SELECT max(leaf_index) + 1 FROM ledger_tree_node").query(Long.class).single();
        Api.Response beyond = as("oversight").get("/api/v1/ledger/entries/1/proof?treeSize=" + (size + 1000));
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.json().get("code").asString()).isEqualTo("TREE_SIZE_BEYOND_LOG");
        Api.Response unknown = as("oversight").get("/api/v1/ledger/entries/" + (size + 1000));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("LEDGER_ENTRY_NOT_FOUND");
        Api.Response fromZero = as("oversight").get("/api/v1/ledger/consistency?from=0&to=1");
        assertThat(fromZero.json().get("code").asString()).isEqualTo("PROOF_RANGE_INVALID");
        Api.Response backwards = as("oversight").get("/api/v1/ledger/consistency?from=3&to=2");
        assertThat(backwards.json().get("code").asString()).isEqualTo("PROOF_RANGE_INVALID");
        Api.Response leafOutside = as("oversight").get("/api/v1/ledger/entries/5/proof?treeSize=4");
        assertThat(leafOutside.json().get("code").asString()).isEqualTo("PROOF_RANGE_INVALID");
        Api.Response noCheckpoint = as("oversight").get("/api/v1/ledger/checkpoints/" + (size + 1000));
        assertThat(noCheckpoint.json().get("code").asString()).isEqualTo("CHECKPOINT_NOT_FOUND");
        assertThat(as("oversight").get("/api/v1/ledger/consistency?from=x&to=2").status()).isEqualTo(400);
        // Payloads hold personal data: a sending agency reads proofs, not entries.
        assertThat(as("us-agency").get("/api/v1/ledger/entries/1").status()).isEqualTo(403);
        assertThat(as("us-agency").get("/api/v1/ledger/entries/1/proof?treeSize=1").status()).isEqualTo(200);
        assertThat(as("us-agency").post("/api/v1/ledger/checkpoints", "").status()).isEqualTo(403);
    }

    @Test
    void theContractIsPublishedInTheOpenApiDocument() {
        JsonNode doc = as("admin").get("/v3/api-docs").json();
        for (String path : List.of("/api/v1/ledger/key", "/api/v1/ledger/checkpoints/latest", "/api/v1/ledger/checkpoints",
                "/api/v1/ledger/entries/{sequence}", "/api/v1/ledger/entries/{sequence}/proof", "/api/v1/ledger/consistency",
                "/api/v1/ledger/witnesses", "/api/v1/ledger/checkpoints/{treeSize}/cosignatures")) {
            assertThat(doc.get("paths").has(path)).as(path).isTrue();
        }
        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.get("KeyView").get("properties").has("vkey")).isTrue();
        assertThat(schemas.get("CheckpointView").get("properties").has("cosignatures")).isTrue();
        assertThat(schemas.get("InclusionProofView").get("properties").has("leafHash")).isTrue();
        assertThat(schemas.get("EntryView").get("properties").has("leafData")).isTrue();
    }

    @Test
    void theStoredTreeIsTheTreeOfTheEntriesAfterConcurrentAppends() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Callable<Long>> writers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            writers.add(() -> append("TREE_CONCURRENT_TEST"));
        }
        for (var f : pool.invokeAll(writers)) {
            f.get();
        }
        pool.shutdown();
        // Every leaf recomputed from its entry as stored, and the roots rebuilt the naive way (RFC 6962, 2.1).
        List<byte[]> leaves = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            long after = 0;
            List<org.custodia.ledger.LedgerEntry> batch;
            long size = new MerkleTree(jdbc).size();
            while (!(batch = jdbcLedger.range(after, size, 5000)).isEmpty()) {
                batch.forEach(e -> leaves.add(LedgerLeaf.hash(e)));
                after = batch.get(batch.size() - 1).sequence();
            }
        });
        int n = leaves.size();
        assertThat(n).isGreaterThan(300);
        for (int size : List.of(1, 2, 3, n / 3, n / 2 + 1, n - 1, n)) {
            assertThat(rootOfTree(size)).as("root of %d", size).isEqualTo(naiveRoot(leaves.subList(0, size)));
        }
    }

    private static byte[] naiveRoot(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return org.custodia.ledger.tlog.Rfc6962.nodeHash(naiveRoot(leaves.subList(0, k)), naiveRoot(leaves.subList(k, leaves.size())));
    }

    // --- helpers ---

    private long append(String action) {
        long queueId = tx.execute(status -> ledger.appendAs("system", action, "TEST", UUID.randomUUID().toString(),
                Map.of("text", "quote ' inside", "n", 1)).queueId());
        return sealedSequence(jdbc, queueId);
    }

    private JsonNode signCheckpoint() {
        Api.Response response = as("oversight").post("/api/v1/ledger/checkpoints", "");
        assertThat(response.status()).as(response.text()).isIn(200, 201);
        return response.json();
    }

    /**
     * Checks the note's Ed25519 signature with nothing but the JDK and the published raw key, and returns the root
     * hash of its body.
     */
    private byte[] verifiedRoot(String note, long treeSize) throws Exception {
        JsonNode key = as("us-agency").get("/api/v1/ledger/key").json();
        String name = key.get("name").asString();
        byte[] raw = Base64.getDecoder().decode(key.get("publicKey").asString());
        int split = note.lastIndexOf("\n\n");
        String text = note.substring(0, split + 1);
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(name);
        assertThat(Long.parseLong(lines[1])).isEqualTo(treeSize);
        String signatureLine = note.substring(split + 2).split("\n")[0];
        assertThat(signatureLine).startsWith("\u2014 " + name + " ");
        byte[] both = Base64.getDecoder().decode(signatureLine.substring(signatureLine.lastIndexOf(' ') + 1));
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x01);
        digest.update(raw);
        assertThat(Arrays.copyOf(both, 4)).isEqualTo(Arrays.copyOf(digest.digest(), 4));
        Signature ed25519 = Signature.getInstance("Ed25519");
        byte[] x509 = new byte[44];
        System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, x509, 0, 12);
        System.arraycopy(raw, 0, x509, 12, 32);
        ed25519.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
        ed25519.update(text.getBytes(StandardCharsets.UTF_8));
        assertThat(ed25519.verify(Arrays.copyOfRange(both, 4, both.length))).as("the checkpoint's signature").isTrue();
        return Base64.getDecoder().decode(lines[2]);
    }

    private void verifyInclusionAgainst(long sequence, long treeSize, byte[] root) throws ProofException {
        JsonNode entry = as("oversight").get("/api/v1/ledger/entries/" + sequence).json();
        byte[] leafHash = leafHash(Base64.getDecoder().decode(entry.get("leafData").asString()));
        JsonNode proof = as("oversight").get("/api/v1/ledger/entries/" + sequence + "/proof?treeSize=" + treeSize).json();
        MerkleVerifier.verifyInclusion(sequence - 1, treeSize, leafHash, hashes(proof), root);
    }

    /** The root the tree as stored now gives: a consistency proof from size 1 has it as its last step's result. */
    private byte[] rootOfTree(long size) {
        return tx.execute(status -> new MerkleTree(jdbc).root(size));
    }

    /** What someone hiding a change would do: drop the tree from a leaf on and rebuild it from the entries. */
    private void rebuildTreeFrom(long leafIndex) {
        tx.executeWithoutResult(status -> {
            sequencer.lockTheHead();
            jdbc.sql("ALTER TABLE ledger_tree_node DISABLE TRIGGER USER").update();
            jdbc.sql("DELETE FROM ledger_tree_node WHERE leaf_index >= ?").param(leafIndex).update();
            jdbc.sql("ALTER TABLE ledger_tree_node ENABLE TRIGGER USER").update();
            sequencer.catchUpTree();
        });
    }

    private void tamper(String sql) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("ALTER TABLE ledger_entry DISABLE TRIGGER USER").update();
            jdbc.sql(sql).update();
            jdbc.sql("ALTER TABLE ledger_entry ENABLE TRIGGER USER").update();
        });
    }

    private static byte[] leafHash(byte[] leafData) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((byte) 0x00);
            digest.update(leafData);
            return digest.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<byte[]> out = new ArrayList<>();
        proof.get("hashes").forEach(h -> out.add(Base64.getDecoder().decode(h.asString())));
        return out;
    }

    /** The sequence number the sequencer gave a queued entry; its writer's commit sealed it. */
    static long sealedSequence(JdbcClient jdbc, long queueId) {
        return jdbc.sql("SELECT sequence FROM ledger_entry WHERE queue_id = ?").param(queueId).query(Long.class).single();
    }
}
