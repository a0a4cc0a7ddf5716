package org.custodia.ledger.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import org.custodia.common.CanonicalJson;
import org.custodia.ledger.Ledger;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: a measurement, run on demand only ({@code bench/ledger-append.sh}; the class name matches none of
 * surefire's includes). Appends, each in its own transaction, with one writer and with eight, through the real
 * {@link Ledger}, against the append as it was before the Merkle tree (the same statements on a copy of
 * {@code ledger_entry} with its index and triggers, under its own advisory lock), in alternating rounds of the same
 * run so that the machine's noise falls on both alike. Prints the median appends per second of each.
 */
class LedgerAppendBench extends IntegrationTest {

    private static final long CHAIN_ONLY_LOCK = 0xBE7C4L;

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    @Test
    void appendsPerSecond() throws Exception {
        int n = Integer.getInteger("bench.appends", 400);
        int rounds = Integer.getInteger("bench.rounds", 5);
        jdbc.sql("CREATE TABLE IF NOT EXISTS bench_chain (LIKE ledger_entry INCLUDING ALL)").update();
        jdbc.sql("""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'bench_chain_no_update_or_delete') THEN
                    CREATE TRIGGER bench_chain_no_update_or_delete BEFORE UPDATE OR DELETE ON bench_chain
                      FOR EACH ROW EXECUTE FUNCTION ledger_entry_is_append_only();
                  END IF;
                END $$""").update();
        IntConsumer current = i -> ledger.appendAs("bench", "BENCH_APPEND", "BENCH", "s" + i, Map.of("n", i, "text", "x".repeat(200)));
        IntConsumer before = i -> chainOnlyAppend("bench", "BENCH_APPEND", "BENCH", "s" + i, Map.of("n", i, "text", "x".repeat(200)));
        run(200, 1, current);
        run(200, 1, before);
        StringBuilder report = new StringBuilder();
        for (int threads : List.of(1, 8)) {
            double[] now = new double[rounds];
            double[] was = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                was[r] = run(n, threads, before);
                now[r] = run(n, threads, current);
            }
            report.append(String.format(Locale.ROOT, "%d writer(s): %.0f appends/s with the Merkle tree, %.0f before (chain only), ratio %.2f; ",
                    threads, median(now), median(was), median(now) / median(was)));
        }
        String line = report.append(String.format(Locale.ROOT, "%d rounds of %d appends%n", rounds, n)).toString();
        System.out.print(line);
        Path out = Path.of("target", "bench", "ledger-append.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The append path of main before the tree: lock, read the head, insert the entry. */
    private void chainOnlyAppend(String actor, String action, String subjectType, String subjectId, Object payload) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_ONLY_LOCK).query((rs, n) -> 1).list();
        String[] head = jdbc.sql("SELECT sequence, hash FROM bench_chain ORDER BY sequence DESC LIMIT 1")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional().orElse(new String[] {"0", JdbcLedger.GENESIS});
        long sequence = Long.parseLong(head[0]) + 1;
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String json = CanonicalJson.write(payload);
        String payloadHash = CanonicalJson.sha256(json);
        String hash = JdbcLedger.chainHash(head[1], sequence, recordedAt, actor, action, subjectType, subjectId, payloadHash);
        jdbc.sql("""
                        INSERT INTO bench_chain (sequence, recorded_at, actor, action, subject_type, subject_id,
                                                 payload, payload_hash, previous_hash, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sequence, recordedAt.atOffset(ZoneOffset.UTC), actor, action, subjectType, subjectId, json, payloadHash,
                        head[1], hash)
                .update();
    }

    private double run(int n, int threads, IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            jobs.add(() -> {
                tx.executeWithoutResult(status -> work.accept(k));
                return null;
            });
        }
        long start = System.nanoTime();
        for (var f : pool.invokeAll(jobs)) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return n / (elapsed / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
