package org.custodia.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published RFC 6962 test vectors (transparency-dev/merkle, in {@code shared/vectors/rfc6962} beside the
 * project): the verifier accepts every {@code wantErr: false} case and rejects every {@code wantErr: true} one.
 */
class Rfc6962VectorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Walks up from the working directory to a {@code shared/vectors/rfc6962}; missing under CI=true is a failure. */
    static Path vectors() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/vectors/rfc6962/testdata");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("The RFC 6962 vectors (shared/vectors/rfc6962) are missing beside the project");
        }
        Assumptions.abort("The RFC 6962 vectors (shared/vectors/rfc6962) are not beside the project");
        return null;
    }

    static Stream<Arguments> inclusion() throws IOException {
        return cases("inclusion");
    }

    static Stream<Arguments> consistency() throws IOException {
        return cases("consistency");
    }

    private static Stream<Arguments> cases(String kind) throws IOException {
        Path root = vectors().resolve(kind);
        List<Arguments> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                all.add(Arguments.of(root.relativize(file).toString(), JSON.readTree(file.toFile())));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusion")
    void inclusionCase(String name, JsonNode c) {
        boolean wantErr = c.get("wantErr").asBoolean();
        var check = assertThatCode(() -> MerkleVerifier.verifyInclusion(u64(c.get("leafIdx")), u64(c.get("treeSize")),
                bytes(c.get("leafHash")), list(c.get("proof")), bytes(c.get("root")))).as(name + ": " + c.get("desc"));
        if (wantErr) {
            check.isInstanceOf(ProofException.class);
        } else {
            check.doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistency")
    void consistencyCase(String name, JsonNode c) {
        boolean wantErr = c.get("wantErr").asBoolean();
        var check = assertThatCode(() -> MerkleVerifier.verifyConsistency(u64(c.get("size1")), u64(c.get("size2")),
                list(c.get("proof")), bytes(c.get("root1")), bytes(c.get("root2")))).as(name + ": " + c.get("desc"));
        if (wantErr) {
            check.isInstanceOf(ProofException.class);
        } else {
            check.doesNotThrowAnyException();
        }
    }

    @Test
    void theVectorsHoldBothKindsOfCase() throws IOException {
        long accepted = Stream.concat(inclusion(), consistency())
                .filter(a -> !((JsonNode) a.get()[1]).get("wantErr").asBoolean()).count();
        long rejected = Stream.concat(inclusion(), consistency())
                .filter(a -> ((JsonNode) a.get()[1]).get("wantErr").asBoolean()).count();
        assertThat(accepted).isGreaterThanOrEqualTo(10);
        assertThat(rejected).isGreaterThanOrEqualTo(100);
    }

    @Test
    void aProofWithAFlippedBitIsRefused() throws IOException {
        JsonNode happy = inclusion().map(a -> (JsonNode) a.get()[1])
                .filter(c -> !c.get("wantErr").asBoolean() && c.get("proof").size() > 1).findFirst().orElseThrow();
        List<byte[]> proof = list(happy.get("proof"));
        proof.get(1)[7] ^= 0x10;
        assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(happy.get("leafIdx").asLong(), happy.get("treeSize").asLong(),
                bytes(happy.get("leafHash")), proof, bytes(happy.get("root")))).isInstanceOf(ProofException.class);
    }

    /** The vectors' sizes are Go uint64s; beyond 2^63 - 1 they arrive as negative longs, which the verifier refuses. */
    private static long u64(JsonNode node) {
        return node.bigIntegerValue().longValue();
    }

    private static byte[] bytes(JsonNode node) {
        return node == null || node.isNull() ? null : Base64.getDecoder().decode(node.asString());
    }

    private static List<byte[]> list(JsonNode node) {
        List<byte[]> out = new ArrayList<>();
        if (node != null && !node.isNull()) {
            node.forEach(n -> out.add(bytes(n)));
        }
        return out;
    }
}
