package org.custodia.ledger.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.custodia.ledger.LedgerEntry;
import org.custodia.ledger.tlog.Rfc6962;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals committed entries of {@code ledger_queue} into the log, in queue order: the next sequence numbers, the chain
 * hashes and the Merkle leaves, in one short transaction under the ledger's advisory lock (one sealer at a time across
 * every instance on the database). Writers only queue, without any global lock, so a long transaction (a 10,000-row
 * import) no longer holds up every other write in the system until it commits.
 *
 * <p>When does an entry get sealed?
 * <ul>
 *   <li>right after its writer's transaction commits, on the writer's own connection, before the writer answers
 *       ({@link #sealAfterCommit}); the sealing takes every committed queue row, other writers' included;</li>
 *   <li>every {@code custodia.ledger.seal-interval} (default 1 s) if anything is queued: entries left by an instance
 *       that crashed between its commit and its sealing, or whose sealing failed;</li>
 *   <li>at startup, and before a checkpoint is signed.</li>
 * </ul>
 * So the unsealed window is bounded: a committed entry waits at most for its writer's sealing, or for one seal
 * interval after a crash. {@link #state()} shows it (the checkpoint API's {@code pending}, and the metrics
 * {@code custodia.ledger.unsealed.entries} and {@code custodia.ledger.unsealed.age}).
 */
@Component
class LedgerSequencer {

    static final long LEDGER_LOCK = 0x1ED6E4L;
    private static final int BATCH = 2_000;
    private static final int INSERT_ROWS = 500;
    private static final Logger log = LoggerFactory.getLogger(LedgerSequencer.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final MerkleTree tree;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate callersTransaction;
    private final Clock clock;
    private final boolean sealAfterCommit;
    private final Counter sealed;
    private final Timer sealing;

    LedgerSequencer(JdbcClient jdbc, DataSource dataSource, MerkleTree tree, PlatformTransactionManager transactions,
                    Clock clock, ObjectProvider<MeterRegistry> meters,
                    @Value("${custodia.ledger.seal-after-commit:true}") boolean sealAfterCommit) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tree = tree;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.callersTransaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.sealAfterCommit = sealAfterCommit;
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            Gauge.builder("custodia.ledger.unsealed.entries", this, s -> s.state().unsealed())
                    .description("Ledger entries committed and not sealed into the log yet").register(registry);
            Gauge.builder("custodia.ledger.unsealed.age", this, s -> s.state().oldestAge().toMillis() / 1000.0)
                    .baseUnit("seconds").description("How long the oldest unsealed entry has waited").register(registry);
            this.sealed = Counter.builder("custodia.ledger.sealed").baseUnit("entries")
                    .description("Ledger entries sealed into the log by this instance").register(registry);
            this.sealing = Timer.builder("custodia.ledger.sealing").description("One sealing transaction")
                    .register(registry);
        } else {
            this.sealed = null;
            this.sealing = null;
        }
    }

    /** What is queued and not sealed yet, next to the log's size. */
    record State(long treeSize, long unsealed, Instant oldestUnsealedAt, Duration oldestAge) {
    }

    State state() {
        return jdbc.sql("""
                        SELECT (SELECT coalesce(max(leaf_index) + 1, 0) FROM ledger_tree_node),
                               count(*), min(recorded_at) FROM ledger_queue""")
                .query((rs, n) -> {
                    OffsetDateTime oldest = rs.getObject(3, OffsetDateTime.class);
                    Instant at = oldest == null ? null : oldest.toInstant();
                    Duration age = at == null ? Duration.ZERO : Duration.between(at, clock.instant());
                    return new State(rs.getLong(1), rs.getLong(2), at, age.isNegative() ? Duration.ZERO : age);
                })
                .single();
    }

    /**
     * Seals the caller's entries right after its transaction commits (once per transaction, however many entries it
     * queued). Outside a transaction nothing is registered; the entry is then sealed by the next sealing.
     */
    void sealAfterCommit() {
        if (!sealAfterCommit || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        boolean registered = TransactionSynchronizationManager.getSynchronizations().stream()
                .anyMatch(s -> s instanceof SealAfterCommit);
        if (!registered) {
            TransactionSynchronizationManager.registerSynchronization(new SealAfterCommit());
        }
    }

    /**
     * After the commit, the transaction's connection is still the thread's: the sealing runs on it, in a transaction
     * of its own that this method commits. Taking a second connection from the pool here could wait for ever when
     * every connection is held by a writer doing the same.
     */
    private final class SealAfterCommit implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                boolean autoCommit = connection.getAutoCommit();
                if (autoCommit) {
                    connection.setAutoCommit(false);
                }
                try {
                    int n;
                    do {
                        try {
                            n = sealBatch();
                            connection.commit();
                        } catch (RuntimeException | SQLException e) {
                            connection.rollback();
                            throw e;
                        }
                    } while (n == BATCH);
                } finally {
                    if (autoCommit) {
                        connection.setAutoCommit(true);
                    }
                }
            } catch (RuntimeException | SQLException e) {
                // The change and its queued entry are committed; the scheduled sealing takes the entry.
                log.warn("Could not seal ledger entries after a commit; the next sealing will", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }

    /** Seals every committed queue row, in transactions of its own. Returns how many it sealed. */
    long seal() {
        long total = 0;
        int n;
        do {
            Integer batch = ownTransaction.execute(status -> sealBatch());
            n = batch == null ? 0 : batch;
            total += n;
        } while (n == BATCH);
        return total;
    }

    /** Seals only if anything is queued: the scheduled sealing costs one index probe when there is nothing to do. */
    long sealIfQueued() {
        Boolean queued = jdbc.sql("SELECT EXISTS (SELECT 1 FROM ledger_queue)").query(Boolean.class).single();
        return Boolean.TRUE.equals(queued) ? seal() : 0;
    }

    /**
     * Up to {@link #BATCH} committed queue rows, sealed in the current transaction under the ledger's lock: numbered
     * after the head, chained, their leaves added, then deleted from the queue. Returns how many.
     */
    int sealBatch() {
        long started = System.nanoTime();
        lockTheHead();
        Head head = head();
        if (head.treeSize() != head.sequence()) {
            catchUpTree(head.treeSize(), head.sequence());
        }
        List<Queued> queued = jdbc.sql("""
                        SELECT id, recorded_at, actor, action, subject_type, subject_id, payload, payload_hash
                        FROM ledger_queue ORDER BY id LIMIT ?""")
                .param(BATCH)
                .query((rs, n) -> new Queued(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8)))
                .list();
        if (queued.isEmpty()) {
            return 0;
        }
        List<Object[]> entries = new ArrayList<>(queued.size());
        List<MerkleTree.Row> leaves = new ArrayList<>(queued.size());
        long sequence = head.sequence();
        String previous = head.hash();
        for (Queued q : queued) {
            sequence++;
            String hash = JdbcLedger.chainHash(previous, sequence, q.recordedAt(), q.actor(), q.action(), q.subjectType(),
                    q.subjectId(), q.payloadHash());
            LedgerEntry entry = new LedgerEntry(sequence, q.recordedAt(), q.actor(), q.action(), q.subjectType(),
                    q.subjectId(), q.payload(), q.payloadHash(), previous, hash);
            leaves.add(tree.next(sequence - 1, previous, Rfc6962.leafHash(LedgerLeaf.data(entry, q.payloadHash())), hash));
            entries.add(new Object[] {sequence, q.recordedAt().atOffset(ZoneOffset.UTC), q.actor(), q.action(),
                    q.subjectType(), q.subjectId(), q.payload(), q.payloadHash(), previous, hash, q.id()});
            previous = hash;
        }
        for (int from = 0; from < entries.size(); from += INSERT_ROWS) {
            int to = Math.min(entries.size(), from + INSERT_ROWS);
            insertRows("""
                    INSERT INTO ledger_entry (sequence, recorded_at, actor, action, subject_type, subject_id, payload,
                                              payload_hash, previous_hash, hash, queue_id) VALUES """,
                    entries.subList(from, to), 11);
            List<Object[]> nodes = new ArrayList<>(to - from);
            for (MerkleTree.Row leaf : leaves.subList(from, to)) {
                nodes.add(new Object[] {leaf.leafIndex(), leaf.hashes()});
            }
            insertRows("INSERT INTO ledger_tree_node (leaf_index, hashes) VALUES ", nodes, 2);
        }
        jdbc.sql("DELETE FROM ledger_queue WHERE id = ANY (?)")
                .param(queued.stream().map(Queued::id).toArray(Long[]::new))
                .update();
        if (sealed != null) {
            sealed.increment(queued.size());
            sealing.record(Duration.ofNanos(System.nanoTime() - started));
        }
        return queued.size();
    }

    private void insertRows(String insert, List<Object[]> rows, int columns) {
        StringBuilder sql = new StringBuilder(insert);
        String tuple = "(" + "?, ".repeat(columns - 1) + "?)";
        List<Object> params = new ArrayList<>(rows.size() * columns);
        for (Object[] row : rows) {
            sql.append(params.isEmpty() ? tuple : ", " + tuple);
            params.addAll(List.of(row));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    /** Takes the sealer's turn at the head until the current transaction ends. */
    void lockTheHead() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LEDGER_LOCK).query((rs, n) -> 1).list();
    }

    private Head head() {
        return jdbc.sql("""
                        SELECT e.sequence, e.hash, (SELECT coalesce(max(leaf_index) + 1, 0) FROM ledger_tree_node)
                        FROM ledger_entry e ORDER BY e.sequence DESC LIMIT 1""")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .optional()
                .orElse(new Head(0, JdbcLedger.GENESIS, 0));
    }

    /**
     * Adds to the Merkle tree the entries it does not hold yet (a database from before the tree, or rows put back by
     * hand), under the sealer's turn, in the caller's transaction if there is one. Returns how many leaves were added.
     */
    long catchUpTree() {
        Long added = callersTransaction.execute(status -> {
            lockTheHead();
            long treeSize = tree.size();
            long last = jdbc.sql("SELECT coalesce(max(sequence), 0) FROM ledger_entry").query(Long.class).single();
            catchUpTree(treeSize, last);
            return last - treeSize;
        });
        return added == null ? 0 : added;
    }

    private void catchUpTree(long treeSize, long last) {
        if (treeSize > last) {
            throw new IllegalStateException("the ledger's Merkle tree holds " + treeSize + " leaves but the last entry is "
                    + last + ": entries were removed");
        }
        long next = treeSize;
        while (next < last) {
            List<LedgerEntry> batch = jdbc.sql("SELECT * FROM ledger_entry WHERE sequence > ? ORDER BY sequence LIMIT ?")
                    .params(next, BATCH)
                    .query(JdbcLedger::map)
                    .list();
            List<byte[]> hashes = new ArrayList<>(batch.size());
            for (LedgerEntry entry : batch) {
                if (entry.sequence() != next + hashes.size() + 1) {
                    throw new IllegalStateException("ledger entry " + (next + hashes.size() + 1) + " is missing");
                }
                hashes.add(LedgerLeaf.hash(entry));
            }
            tree.appendAll(next, hashes);
            next += hashes.size();
        }
    }

    private record Head(long sequence, String hash, long treeSize) {
    }

    private record Queued(long id, Instant recordedAt, String actor, String action, String subjectType, String subjectId,
                          String payload, String payloadHash) {
    }
}
