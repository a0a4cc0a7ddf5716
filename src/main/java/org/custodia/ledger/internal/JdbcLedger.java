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
import org.custodia.ledger.QueuedEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues each entry in the writer's transaction (an ordinary insert into {@code ledger_queue}, no global lock) and
 * leaves numbering, chaining and the Merkle tree to {@link LedgerSequencer}, which seals committed entries in order
 * right after the writer's commit. Reads and the verification see sealed entries only.
 */
@Service
class JdbcLedger implements Ledger {

    static final String GENESIS = "0".repeat(64);
    private static final int VERIFY_BATCH = 5_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LedgerSequencer sequencer;

    JdbcLedger(JdbcClient jdbc, Clock clock, LedgerSequencer sequencer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sequencer = sequencer;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public QueuedEntry append(String action, String subjectType, String subjectId, Object payload) {
        return appendAs(currentActor(), action, subjectType, subjectId, payload);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public QueuedEntry appendAs(String actor, String action, String subjectType, String subjectId, Object payload) {
        // Microsecond precision: what PostgreSQL stores is what the hash covers.
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String json = CanonicalJson.write(payload == null ? java.util.Map.of() : payload);
        String payloadHash = CanonicalJson.sha256(json);
        long id = jdbc.sql("""
                        INSERT INTO ledger_queue (recorded_at, actor, action, subject_type, subject_id, payload, payload_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(recordedAt.atOffset(ZoneOffset.UTC), actor, action, subjectType, subjectId, json, payloadHash)
                .query(Long.class)
                .single();
        sequencer.sealAfterCommit();
        return new QueuedEntry(id, recordedAt, payloadHash);
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

    /**
     * Recomputes the whole chain. Each payload's SHA-256 is computed by PostgreSQL's built-in {@code sha256()} next
     * to the data and compared with the stored {@code payload_hash}, so the payloads (most of the bytes) never travel;
     * the chain hashes, which cover every other column and that digest, are recomputed here.
     */
    @Override
    @Transactional(readOnly = true)
    public LedgerVerification verify() {
        long expected = 1;
        String previous = GENESIS;
        long count = 0;
        long after = 0;
        while (true) {
            List<Checked> batch = jdbc.sql("""
                            SELECT sequence, recorded_at, actor, action, subject_type, subject_id, payload_hash,
                                   previous_hash, hash,
                                   encode(sha256(convert_to(payload, 'UTF8')), 'hex') = payload_hash AS payload_matches
                            FROM ledger_entry WHERE sequence > ? ORDER BY sequence LIMIT ?""")
                    .params(after, VERIFY_BATCH)
                    .query((rs, n) -> new Checked(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getBoolean(10)))
                    .list();
            if (batch.isEmpty()) {
                break;
            }
            for (Checked entry : batch) {
                count++;
                Long invalid = null;
                if (entry.sequence() != expected) {
                    invalid = expected; // a missing sequence number: the first gap
                } else if (!entry.previousHash().equals(previous)
                        || !entry.payloadMatches()
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

    /** An entry as the verification reads it: every hashed column, and whether its payload matches its digest. */
    private record Checked(long sequence, Instant recordedAt, String actor, String action, String subjectType,
                           String subjectId, String payloadHash, String previousHash, String hash,
                           boolean payloadMatches) {
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

    static LedgerEntry map(ResultSet rs, int n) throws SQLException {
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

}
