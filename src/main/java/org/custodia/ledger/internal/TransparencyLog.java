package org.custodia.ledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodia.common.ApiException;
import org.custodia.common.CommonProblem;
import org.custodia.common.Validation;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Role;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEntry;
import org.custodia.ledger.LedgerProblem;
import org.custodia.ledger.internal.LogViews.CheckpointPage;
import org.custodia.ledger.internal.LogViews.CheckpointView;
import org.custodia.ledger.internal.LogViews.ConsistencyProofView;
import org.custodia.ledger.internal.LogViews.CosignatureView;
import org.custodia.ledger.internal.LogViews.EntryView;
import org.custodia.ledger.internal.LogViews.InclusionProofView;
import org.custodia.ledger.internal.LogViews.KeyView;
import org.custodia.ledger.internal.LogViews.WitnessView;
import org.custodia.ledger.tlog.Checkpoint;
import org.custodia.ledger.tlog.Cosignature;
import org.custodia.ledger.tlog.MerkleVerifier;
import org.custodia.ledger.tlog.ProofException;
import org.custodia.ledger.tlog.SignedNote;
import org.custodia.ledger.tlog.VerifierKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger as a transparency log: signed checkpoints of its Merkle tree, proofs, witnesses and cosignatures.
 * A checkpoint is signed only after the tree is checked to extend the previous one and its new leaves to match the
 * entries, so the log never signs two inconsistent checkpoints.
 */
@Service
class TransparencyLog {

    private static final Logger log = LoggerFactory.getLogger(TransparencyLog.class);
    private static final long CHECKPOINT_LOCK = 0x1ED6E5L;
    private static final int AUDIT_BATCH = 5_000;
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final JdbcClient jdbc;
    private final MerkleTree tree;
    private final JdbcLedger entries;
    private final Ledger ledger;
    private final FacilityKey key;
    private final Clock clock;

    private final LedgerSequencer sequencer;

    TransparencyLog(JdbcClient jdbc, MerkleTree tree, JdbcLedger entries, Ledger ledger, FacilityKey key, Clock clock,
                    LedgerSequencer sequencer) {
        this.sequencer = sequencer;
        this.jdbc = jdbc;
        this.tree = tree;
        this.entries = entries;
        this.ledger = ledger;
        this.key = key;
        this.clock = clock;
    }

    KeyView key() {
        VerifierKey vkey = key.verifierKey();
        return new KeyView(vkey.name(), B64.encodeToString(vkey.publicKey()), vkey.encoded());
    }

    /**
     * Signs a checkpoint of the tree as it stands, unless the latest one already has its size. Checkpoints are made
     * one at a time (a lock of their own; appends go on meanwhile). Whatever is committed and still queued is sealed
     * first, so the checkpoint covers every entry committed before it was asked for.
     */
    @Transactional
    public CheckpointView checkpoint() {
        sequencer.seal();
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHECKPOINT_LOCK).query((rs, n) -> 1).list();
        long size = tree.size();
        Optional<StoredCheckpoint> previous = latestStored();
        if (previous.isPresent() && previous.get().treeSize() == size) {
            return view(previous.get());
        }
        if (previous.isPresent() && previous.get().treeSize() > size) {
            throw inconsistent("the tree holds " + size + " entries, fewer than the checkpoint signed at "
                    + previous.get().treeSize());
        }
        byte[] root = tree.root(size);
        long from = previous.map(StoredCheckpoint::treeSize).orElse(0L);
        if (from > 0) {
            try {
                MerkleVerifier.verifyConsistency(from, size, tree.consistency(from, size), previous.get().rootHash(), root);
            } catch (ProofException e) {
                throw inconsistent("the tree of " + size + " entries does not extend the checkpoint signed at " + from
                        + ": " + e.getMessage());
            }
        }
        auditLeaves(from, size);
        Checkpoint checkpoint = new Checkpoint(key.name(), size, root);
        SignedNote note = key.sign(checkpoint.body());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("INSERT INTO ledger_checkpoint (tree_size, root_hash, note, key_name, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(size, root, note.encoded(), key.name(), now.atOffset(ZoneOffset.UTC))
                .update();
        log.info("Signed the ledger checkpoint at {} entries", size);
        return new CheckpointView(size, B64.encodeToString(root), note.encoded(), now, List.of());
    }

    /** Every leaf added since the last checkpoint must be the hash of its entry as stored. */
    private void auditLeaves(long from, long to) {
        long after = from;
        while (after < to) {
            List<LedgerEntry> batch = entries.range(after, to, AUDIT_BATCH);
            long expected = after + 1;
            for (LedgerEntry entry : batch) {
                if (entry.sequence() != expected) {
                    throw inconsistent("ledger entry " + expected + " is missing");
                }
                byte[] stored = tree.leafHash(entry.sequence() - 1);
                if (stored == null || !java.security.MessageDigest.isEqual(stored, LedgerLeaf.hash(entry))) {
                    throw inconsistent("ledger entry " + entry.sequence() + " does not match its leaf in the tree");
                }
                expected++;
            }
            if (batch.isEmpty()) {
                throw inconsistent("ledger entry " + expected + " is missing");
            }
            after = batch.get(batch.size() - 1).sequence();
        }
    }

    private static ApiException inconsistent(String detail) {
        log.error("Refusing to sign a ledger checkpoint: {}", detail);
        return new ApiException(LedgerProblem.LEDGER_INCONSISTENT, detail);
    }

    /** The tree size of the latest checkpoint, 0 before the first. */
    @Transactional(readOnly = true)
    public long latestSize() {
        return latestStored().map(StoredCheckpoint::treeSize).orElse(0L);
    }

    /** The sequencer's window next to the latest checkpoint. */
    @Transactional(readOnly = true)
    public LogViews.PendingView pending() {
        LedgerSequencer.State state = sequencer.state();
        long signed = latestSize();
        return new LogViews.PendingView(state.treeSize(), signed, Math.max(0, state.treeSize() - signed), state.unsealed(),
                state.oldestUnsealedAt(), state.oldestAge().toMillis());
    }

    @Transactional(readOnly = true)
    public CheckpointView latest() {
        return latestStored().map(this::view)
                .orElseThrow(() -> new ApiException(LedgerProblem.CHECKPOINT_NOT_FOUND, "No checkpoint has been signed yet"));
    }

    @Transactional(readOnly = true)
    public CheckpointView checkpoint(long treeSize) {
        return stored(treeSize).map(this::view).orElseThrow(() -> checkpointNotFound(treeSize));
    }

    @Transactional(readOnly = true)
    public CheckpointPage checkpoints(Integer page, Integer size) {
        Validation validation = new Validation();
        validation.require(page == null || page >= 0, "page", "INVALID_VALUE", "page is 0 or more");
        validation.require(size == null || (size >= 1 && size <= 200), "size", "INVALID_VALUE", "size is 1 to 200");
        validation.throwIfInvalid();
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        List<StoredCheckpoint> rows = jdbc.sql("SELECT * FROM ledger_checkpoint ORDER BY tree_size DESC LIMIT ? OFFSET ?")
                .params(s, (long) p * s)
                .query(TransparencyLog::mapCheckpoint)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM ledger_checkpoint").query(Long.class).single();
        return new CheckpointPage(rows.stream().map(this::view).toList(), p, s, total);
    }

    @Transactional(readOnly = true)
    public EntryView entry(long sequence) {
        LedgerEntry entry = entries.entry(sequence).orElseThrow(() -> entryNotFound(sequence));
        byte[] leafData = LedgerLeaf.data(entry);
        byte[] leafHash = sequence <= tree.size() ? tree.leafHash(sequence - 1) : null;
        return new EntryView(entry.sequence(), entry.recordedAt(), entry.actor(), entry.action(), entry.subjectType(),
                entry.subjectId(), entry.payload(), entry.payloadHash(), entry.previousHash(), entry.hash(), sequence - 1,
                B64.encodeToString(leafData), leafHash == null ? null : B64.encodeToString(leafHash));
    }

    /** An inclusion proof against {@code treeSize}, or against the latest checkpoint when it is null. */
    @Transactional(readOnly = true)
    public InclusionProofView inclusion(long sequence, Long treeSize) {
        long size = tree.size();
        if (sequence < 1 || sequence > size) {
            throw entryNotFound(sequence);
        }
        long against;
        if (treeSize == null) {
            against = latestStored().map(StoredCheckpoint::treeSize).orElse(0L);
            if (against < sequence) {
                throw new ApiException(LedgerProblem.PROOF_RANGE_INVALID, "Entry " + sequence
                        + " is not in a signed checkpoint yet: name a treeSize or have a checkpoint signed");
            }
        } else {
            against = treeSize;
            checkSize(against, size);
            if (against < sequence) {
                throw new ApiException(LedgerProblem.PROOF_RANGE_INVALID, "Entry " + sequence
                        + " is not in the tree of " + against + " entries");
            }
        }
        List<byte[]> proof = tree.inclusion(sequence - 1, against);
        return new InclusionProofView(sequence - 1, against, B64.encodeToString(tree.leafHash(sequence - 1)),
                proof.stream().map(B64::encodeToString).toList());
    }

    @Transactional(readOnly = true)
    public ConsistencyProofView consistency(long from, long to) {
        long size = tree.size();
        if (from < 1 || from > to) {
            throw new ApiException(LedgerProblem.PROOF_RANGE_INVALID,
                    "A consistency proof goes from a tree of 1 or more entries to one at least as large; asked " + from
                            + " to " + to);
        }
        checkSize(to, size);
        return new ConsistencyProofView(from, to, tree.consistency(from, to).stream().map(B64::encodeToString).toList());
    }

    private static void checkSize(long treeSize, long size) {
        if (treeSize > size) {
            throw new ApiException(LedgerProblem.TREE_SIZE_BEYOND_LOG,
                    "The log holds " + size + " entries; tree size " + treeSize + " is beyond it");
        }
        if (treeSize < 1) {
            throw new ApiException(LedgerProblem.PROOF_RANGE_INVALID, "A tree size is 1 or more");
        }
    }

    // --- witnesses and cosignatures ---

    @Transactional
    public WitnessView registerWitness(LogViews.WitnessRequest request, CurrentUser user) {
        Validation validation = new Validation();
        validation.require(VerifierKey.validName(request.name()), "name", "INVALID_VALUE",
                "a key name is not empty and has no spaces, '+' or control characters");
        byte[] publicKey = null;
        try {
            publicKey = Base64.getDecoder().decode(request.publicKey().strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        boolean keyOk = publicKey != null && publicKey.length == 32;
        if (keyOk) {
            try {
                org.custodia.ledger.tlog.Ed25519.publicKey(publicKey);
            } catch (IllegalArgumentException e) {
                keyOk = false;
            }
        }
        validation.require(keyOk, "publicKey", "INVALID_VALUE", "publicKey is a raw 32-byte Ed25519 key, base64");
        validation.throwIfInvalid();
        String owner = ownerOf(user);
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHECKPOINT_LOCK + 1).query((rs, n) -> 1).list();
        Optional<StoredWitness> existing = witness(request.name());
        if (existing.isPresent()) {
            StoredWitness w = existing.get();
            if (java.util.Arrays.equals(w.publicKey(), publicKey) && w.owner().equals(owner)) {
                return view(w); // the same registration again
            }
            throw new ApiException(LedgerProblem.WITNESS_EXISTS, "A witness named " + request.name() + " is registered with another key");
        }
        byte[] key = publicKey;
        if (jdbc.sql("SELECT count(*) FROM ledger_witness WHERE public_key = ?").param(key).query(Long.class).single() > 0) {
            throw new ApiException(LedgerProblem.WITNESS_EXISTS, "This key is registered under another name");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                        INSERT INTO ledger_witness (name, public_key, owner, registered_by, registered_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(request.name(), key, owner, user.username(), now.atOffset(ZoneOffset.UTC))
                .update();
        StoredWitness stored = new StoredWitness(request.name(), key, owner, user.username(), now);
        WitnessView view = view(stored);
        ledger.append("LEDGER_WITNESS_REGISTERED", "LEDGER_WITNESS", request.name(),
                Map.of("name", view.name(), "publicKey", view.publicKey(), "vkey", view.vkey(), "owner", owner));
        return view;
    }

    @Transactional(readOnly = true)
    public List<WitnessView> witnesses() {
        return jdbc.sql("SELECT * FROM ledger_witness ORDER BY name").query(TransparencyLog::mapWitness).list()
                .stream().map(this::view).toList();
    }

    @Transactional
    public CheckpointView cosign(long treeSize, LogViews.CosignatureRequest request, CurrentUser user) {
        SignedNote.Line line;
        try {
            line = SignedNote.Line.parse(request.signatureLine().strip());
        } catch (ProofException e) {
            throw ApiException.validation(List.of(new org.custodia.common.FieldProblem("signatureLine", "INVALID_VALUE",
                    e.getMessage())));
        }
        StoredWitness witness = witness(line.name()).orElseThrow(() -> new ApiException(LedgerProblem.WITNESS_NOT_FOUND,
                "No witness named " + line.name() + " is registered"));
        if (!witness.owner().equals(ownerOf(user))) {
            throw new ApiException(CommonProblem.ACCESS_DENIED, "The witness " + witness.name() + " is not yours");
        }
        StoredCheckpoint checkpoint = stored(treeSize).orElseThrow(() -> checkpointNotFound(treeSize));
        String body;
        long timestamp;
        try {
            body = SignedNote.parse(checkpoint.note()).text();
            timestamp = Cosignature.verify(line, body, witnessKey(witness));
        } catch (ProofException e) {
            throw new ApiException(LedgerProblem.COSIGNATURE_INVALID, e.getMessage());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (timestamp > now.getEpochSecond() + 300) {
            throw new ApiException(LedgerProblem.COSIGNATURE_INVALID, "The cosignature's time is in the future");
        }
        int added = jdbc.sql("""
                        INSERT INTO ledger_cosignature (tree_size, witness_name, signed_at, signature_line, received_by, received_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tree_size, witness_name) DO NOTHING""")
                .params(treeSize, witness.name(), timestamp, line.encoded(), user.username(), now.atOffset(ZoneOffset.UTC))
                .update();
        if (added == 1) {
            ledger.append("LEDGER_CHECKPOINT_COSIGNED", "LEDGER_CHECKPOINT", Long.toString(treeSize),
                    Map.of("treeSize", treeSize, "rootHash", B64.encodeToString(checkpoint.rootHash()),
                            "witness", witness.name(), "timestamp", timestamp, "signatureLine", line.encoded()));
        }
        return view(checkpoint);
    }

    private static VerifierKey witnessKey(StoredWitness w) {
        return new VerifierKey(w.name(), VerifierKey.COSIGNATURE_V1, w.publicKey());
    }

    /** Whose a witness is: the sending party for an agency, oversight as one. */
    private static String ownerOf(CurrentUser user) {
        if (user.is(Role.SENDING_AGENCY)) {
            return user.partyCode();
        }
        return user.role().name();
    }

    // --- reading ---

    private Optional<StoredCheckpoint> latestStored() {
        return jdbc.sql("SELECT * FROM ledger_checkpoint ORDER BY tree_size DESC LIMIT 1")
                .query(TransparencyLog::mapCheckpoint).optional();
    }

    private Optional<StoredCheckpoint> stored(long treeSize) {
        return jdbc.sql("SELECT * FROM ledger_checkpoint WHERE tree_size = ?").param(treeSize)
                .query(TransparencyLog::mapCheckpoint).optional();
    }

    private Optional<StoredWitness> witness(String name) {
        return jdbc.sql("SELECT * FROM ledger_witness WHERE name = ?").param(name).query(TransparencyLog::mapWitness).optional();
    }

    private CheckpointView view(StoredCheckpoint c) {
        List<CosignatureView> cosignatures = jdbc.sql("""
                        SELECT witness_name, signed_at, signature_line, received_at FROM ledger_cosignature
                        WHERE tree_size = ? ORDER BY received_at, witness_name""")
                .param(c.treeSize())
                .query((rs, n) -> new CosignatureView(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
        return new CheckpointView(c.treeSize(), B64.encodeToString(c.rootHash()), c.note(), c.createdAt(), cosignatures);
    }

    private WitnessView view(StoredWitness w) {
        return new WitnessView(w.name(), B64.encodeToString(w.publicKey()), witnessKey(w).encoded(), w.owner(),
                w.registeredBy(), w.registeredAt());
    }

    private static ApiException entryNotFound(long sequence) {
        return new ApiException(LedgerProblem.LEDGER_ENTRY_NOT_FOUND, "No ledger entry has sequence " + sequence);
    }

    private static ApiException checkpointNotFound(long treeSize) {
        return new ApiException(LedgerProblem.CHECKPOINT_NOT_FOUND, "No checkpoint was signed at tree size " + treeSize);
    }

    private static StoredCheckpoint mapCheckpoint(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredCheckpoint(rs.getLong("tree_size"), rs.getBytes("root_hash"), rs.getString("note"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static StoredWitness mapWitness(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredWitness(rs.getString("name"), rs.getBytes("public_key"), rs.getString("owner"),
                rs.getString("registered_by"), rs.getObject("registered_at", OffsetDateTime.class).toInstant());
    }

    private record StoredCheckpoint(long treeSize, byte[] rootHash, String note, Instant createdAt) {
    }

    private record StoredWitness(String name, byte[] publicKey, String owner, String registeredBy, Instant registeredAt) {
    }
}
