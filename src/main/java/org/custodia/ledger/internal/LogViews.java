package org.custodia.ledger.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The published shapes of the transparency log's API. Hashes and keys are base64, as in checkpoints. */
final class LogViews {

    private LogViews() {
    }

    @Schema(description = "The log's sequencer: what is sealed into the log, what the latest checkpoint signed, and what "
            + "is committed with its change but not sealed yet (normally nothing: each writer seals its entries right "
            + "after its commit, before it answers; entries left by a crash are sealed within one seal interval)")
    record PendingView(
            @Schema(description = "Entries sealed into the log: the Merkle tree's size") long treeSize,
            @Schema(description = "The tree size the latest checkpoint signed; 0 before the first") long checkpointTreeSize,
            @Schema(description = "Entries sealed since the latest checkpoint: the next checkpoint adds them")
            long sealedSinceCheckpoint,
            @Schema(description = "Entries committed and not sealed yet") long unsealedEntries,
            @Schema(description = "When the oldest unsealed entry was recorded; absent when none is", nullable = true)
            Instant oldestUnsealedAt,
            @Schema(description = "How long the oldest unsealed entry has waited, in milliseconds; 0 when none")
            long oldestUnsealedAgeMillis) {
    }

    @Schema(description = "The facility's Ed25519 key that signs checkpoints")
    record KeyView(
            @Schema(description = "Key name; also the checkpoints' origin line", example = "custodia.local/ledger") String name,
            @Schema(description = "The raw 32-byte Ed25519 public key, base64") String publicKey,
            @Schema(description = "C2SP verifier key: name+keyid+base64(0x01 || key)") String vkey) {
    }

    @Schema(description = "A cosignature of a checkpoint by a registered witness (C2SP tlog-cosignature/v1)")
    record CosignatureView(
            @Schema(description = "The witness's key name") String witness,
            @Schema(description = "When the witness signed, from its signature (seconds since the epoch)") long timestamp,
            @Schema(description = "The signature line to append to the note") String signatureLine,
            @Schema(description = "When the log received it") Instant receivedAt) {
    }

    @Schema(description = "A signed checkpoint (C2SP tlog-checkpoint in a C2SP signed note)")
    record CheckpointView(
            @Schema(description = "Number of entries the tree holds") long treeSize,
            @Schema(description = "RFC 9162 root hash, base64") String rootHash,
            @Schema(description = "The whole signed note: origin, tree size, root hash, a blank line, the log's signature line")
            String note,
            @Schema(description = "When the log signed it") Instant createdAt,
            @Schema(description = "Who cosigned it") List<CosignatureView> cosignatures) {
    }

    @Schema(description = "A page of checkpoints, newest first")
    record CheckpointPage(List<CheckpointView> items, int page, int size, long total) {
    }

    @Schema(description = "A ledger entry with the bytes its leaf hash covers")
    record EntryView(
            long sequence, Instant recordedAt, String actor, String action, String subjectType, String subjectId,
            @Schema(description = "The canonical JSON of what changed") String payload,
            @Schema(description = "Hex SHA-256 of the payload") String payloadHash,
            String previousHash, String hash,
            @Schema(description = "sequence - 1") long leafIndex,
            @Schema(description = "base64 of the exact bytes the leaf hash covers: canonical JSON of {action, actor, "
                    + "payloadSha256, recordedAt, sequence, subjectId, subjectType}") String leafData,
            @Schema(description = "SHA-256(0x00 || leafData), base64, as the tree holds it") String leafHash) {
    }

    @Schema(description = "RFC 9162 inclusion proof of one entry in the tree of treeSize entries")
    record InclusionProofView(
            long leafIndex, long treeSize,
            @Schema(description = "The leaf hash the tree holds, base64") String leafHash,
            @Schema(description = "The audit path, leaf side first, base64") List<String> hashes) {
    }

    @Schema(description = "RFC 9162 consistency proof between the trees of from and to entries")
    record ConsistencyProofView(long from, long to,
                                @Schema(description = "The proof, base64") List<String> hashes) {
    }

    @Schema(description = "A party's Ed25519 key for cosigning checkpoints")
    record WitnessRequest(
            @NotBlank @Size(max = 200) @Schema(description = "Key name, no spaces or '+'", example = "us-doj.example/witness")
            String name,
            @NotBlank @Size(max = 100) @Schema(description = "The raw 32-byte Ed25519 public key, base64") String publicKey) {
    }

    @Schema(description = "A registered witness")
    record WitnessView(String name,
                       @Schema(description = "The raw 32-byte Ed25519 public key, base64") String publicKey,
                       @Schema(description = "C2SP verifier key for cosignature/v1: name+keyid+base64(0x04 || key)") String vkey,
                       @Schema(description = "Whose key: a sending party's code, or OVERSIGHT") String owner,
                       String registeredBy, Instant registeredAt) {
    }

    @Schema(description = "A cosignature line of a checkpoint the witness verified")
    record CosignatureRequest(
            @NotBlank @Size(max = 400)
            @Schema(description = "'— <witness name> base64(key ID || 8-byte time || Ed25519 signature)' over "
                    + "'cosignature/v1\\ntime <t>\\n' followed by the checkpoint's body") String signatureLine) {
    }
}
