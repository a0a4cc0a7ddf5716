package org.custodia.ledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.custodia.common.CanonicalJson;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEntry;
import org.custodia.ledger.LedgerVerification;
import org.custodia.ledger.tlog.Rfc6962;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends under a transaction-scoped advisory lock, so that concurrent writers take turns at the head: the
 * sequence has no gap and the chain never forks. The lock is released when the writer's transaction ends.
 */
@Service
class JdbcLedger implements Ledger {

    static final String GENESIS = "0".repeat(64);
    private static final long LEDGER_LOCK = 0x1ED6E4L;
    private static final int VERIFY_BATCH = 5_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MerkleTree tree;

    JdbcLedger(JdbcClient jdbc, Clock clock, MerkleTree tree) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tree = tree;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public LedgerEntry append(String action, String subjectType, String subjectId, Object payload) {
        return appendAs(currentActor(), action, subjectType, subjectId, payload);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public LedgerEntry appendAs(String actor, String action, String subjectType, String subjectId, Object payload) {
        lockTheHead();
        Head head = jdbc.sql("""
                        SELECT e.sequence, e.hash, (SELECT coalesce(max(leaf_index) + 1, 0) FROM ledger_tree_node)
                        FROM ledger_entry e ORDER BY e.sequence DESC LIMIT 1""")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .optional()
                .orElse(new Head(0, GENESIS, 0));
        if (head.treeSize() != head.sequence()) {
            catchUpTree(head.treeSize(), head.sequence());
        }
        long sequence = head.sequence() + 1;
        // Microsecond precision: what PostgreSQL stores is what the hash covers.
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String json = CanonicalJson.write(payload == null ? java.util.Map.of() : payload);
        String payloadHash = CanonicalJson.sha256(json);
        String hash = chainHash(head.hash(), sequence, recordedAt, actor, action, subjectType, subjectId, payloadHash);
        LedgerEntry entry = new LedgerEntry(sequence, recordedAt, actor, action, subjectType, subjectId, json, payloadHash,
                head.hash(), hash);
        MerkleTree.Row leaf = tree.next(sequence - 1, head.hash(),
                Rfc6962.leafHash(LedgerLeaf.data(entry, payloadHash)), hash);
        // The entry and its leaf in one statement: one round trip while the other writers wait.
        jdbc.sql("""
                        WITH entry AS (
                          INSERT INTO ledger_entry (sequence, recorded_at, actor, action, subject_type, subject_id,
                                                    payload, payload_hash, previous_hash, hash)
                          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))
                        INSERT INTO ledger_tree_node (leaf_index, hashes) VALUES (?, ?)""")
                .params(sequence, recordedAt.atOffset(ZoneOffset.UTC), actor, action, subjectType, subjectId, json, payloadHash,
                        head.hash(), hash, leaf.leafIndex(), leaf.hashes())
                .update();
        return entry;
    }

    /** Takes the writers' turn at the head until the caller's transaction ends. */
    void lockTheHead() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LEDGER_LOCK).query((rs, n) -> 1).list();
    }

    /**
     * Adds to the Merkle tree the entries it does not hold yet (a database from before the tree, or rows put back by
     * hand), under the writers' turn. Returns how many leaves were added.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public long catchUpTree() {
        lockTheHead();
        long treeSize = tree.size();
        long head = jdbc.sql("SELECT coalesce(max(sequence), 0) FROM ledger_entry").query(Long.class).single();
        catchUpTree(treeSize, head);
        return head - treeSize;
    }

    private void catchUpTree(long treeSize, long head) {
        if (treeSize > head) {
            throw new IllegalStateException("the ledger's Merkle tree holds " + treeSize + " leaves but the last entry is "
                    + head + ": entries were removed");
        }
        long next = treeSize;
        while (next < head) {
            List<LedgerEntry> batch = jdbc.sql("SELECT * FROM ledger_entry WHERE sequence > ? ORDER BY sequence LIMIT ?")
                    .params(next, VERIFY_BATCH)
                    .query(JdbcLedger::map)
                    .list();
            List<byte[]> leaves = new java.util.ArrayList<>(batch.size());
            for (LedgerEntry entry : batch) {
                if (entry.sequence() != next + leaves.size() + 1) {
                    throw new IllegalStateException("ledger entry " + (next + leaves.size() + 1) + " is missing");
                }
                leaves.add(LedgerLeaf.hash(entry));
            }
            tree.appendAll(next, leaves);
            next += leaves.size();
        }
    }

    /** One entry, as stored. */
    @Transactional(readOnly = true)
    public java.util.Optional<LedgerEntry> entry(long sequence) {
        return jdbc.sql("SELECT * FROM ledger_entry WHERE sequence = ?").param(sequence).query(JdbcLedger::map).optional();
    }

    /** Entries {@code from < sequence <= to}, in order. */
    @Transactional(readOnly = true)
    public List<LedgerEntry> range(long after, long to, int limit) {
        return jdbc.sql("SELECT * FROM ledger_entry WHERE sequence > ? AND sequence <= ? ORDER BY sequence LIMIT ?")
                .params(after, to, limit)
                .query(JdbcLedger::map)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public LedgerVerification verify() {
        long expected = 1;
        String previous = GENESIS;
        long count = 0;
        long after = 0;
        while (true) {
            List<LedgerEntry> batch = jdbc.sql("""
                            SELECT * FROM ledger_entry WHERE sequence > ? ORDER BY sequence LIMIT ?""")
                    .params(after, VERIFY_BATCH)
                    .query(JdbcLedger::map)
                    .list();
            if (batch.isEmpty()) {
                break;
            }
            for (LedgerEntry entry : batch) {
                count++;
                Long invalid = null;
                if (entry.sequence() != expected) {
                    invalid = expected; // a missing sequence number: the first gap
                } else if (!entry.previousHash().equals(previous)
                        || !CanonicalJson.sha256(entry.payload()).equals(entry.payloadHash())
                        || !chainHash(previous, entry.sequence(), entry.recordedAt(), entry.actor(), entry.action(),
                        entry.subjectType(), entry.subjectId(), entry.payloadHash()).equals(entry.hash())) {
                    invalid = entry.sequence();
                }
                if (invalid != null) {
                    long total = jdbc.sql("SELECT count(*) FROM ledger_entry").query(Long.class).single();
                    return new LedgerVerification(total, false, invalid, head());
                }
                previous = entry.hash();
                expected++;
            }
            after = batch.get(batch.size() - 1).sequence();
        }
        return new LedgerVerification(count, true, null, count == 0 ? null : previous);
    }

    @Transactional(readOnly = true)
    public List<LedgerEntry> entriesFor(String subjectType, String subjectId) {
        return jdbc.sql("SELECT * FROM ledger_entry WHERE subject_type = ? AND subject_id = ? ORDER BY sequence")
                .params(subjectType, subjectId)
                .query(JdbcLedger::map)
                .list();
    }

    @Transactional(readOnly = true)
    public List<LedgerEntry> latest(int limit, long beforeSequence) {
        return jdbc.sql("SELECT * FROM ledger_entry WHERE sequence < ? ORDER BY sequence DESC LIMIT ?")
                .params(beforeSequence, limit)
                .query(JdbcLedger::map)
                .list();
    }

    private String head() {
        return jdbc.sql("SELECT hash FROM ledger_entry ORDER BY sequence DESC LIMIT 1").query(String.class)
                .optional().orElse(null);
    }

    static String chainHash(String previousHash, long sequence, Instant recordedAt, String actor, String action,
                            String subjectType, String subjectId, String payloadHash) {
        String material = String.join("\n", previousHash, Long.toString(sequence), recordedAt.toString(), actor, action,
                subjectType, subjectId, payloadHash);
        return CanonicalJson.sha256(material);
    }

    private static LedgerEntry map(ResultSet rs, int n) throws SQLException {
        return new LedgerEntry(rs.getLong("sequence"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("payload"),
                rs.getString("payload_hash"), rs.getString("previous_hash"), rs.getString("hash"));
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return "system";
        }
        return authentication.getName();
    }

    private record Head(long sequence, String hash, long treeSize) {
    }
}
