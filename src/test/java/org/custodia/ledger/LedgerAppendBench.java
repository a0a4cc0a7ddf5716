package org.custodia.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: a measurement, run on demand only ({@code bench/ledger-append.sh}; the class name matches none of
 * surefire's includes). Appends in their own transactions, one writer and eight, and as a baseline the same
 * number of one-row inserts into a bare table, each in its own transaction, in the same run.
 */
class LedgerAppendBench extends IntegrationTest {

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate tx;

    @Test
    void appendsPerSecond() throws Exception {
        int n = Integer.getInteger("bench.appends", 2000);
        jdbc.sql("CREATE TABLE IF NOT EXISTS bench_baseline (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL)").update();
        // Warm up both paths.
        run(200, 1, i -> ledger.appendAs("bench", "BENCH_WARMUP", "BENCH", "w" + i, Map.of("n", i)));
        run(200, 1, i -> jdbc.sql("INSERT INTO bench_baseline (payload) VALUES (?)").param("{\"n\":" + i + "}").update());

        double baseline1 = run(n, 1, i -> jdbc.sql("INSERT INTO bench_baseline (payload) VALUES (?)")
                .param("{\"n\":" + i + "}").update());
        double append1 = run(n, 1, i -> ledger.appendAs("bench", "BENCH_APPEND", "BENCH", "s" + i, Map.of("n", i, "text", "x".repeat(200))));
        double baseline8 = run(n, 8, i -> jdbc.sql("INSERT INTO bench_baseline (payload) VALUES (?)")
                .param("{\"n\":" + i + "}").update());
        double append8 = run(n, 8, i -> ledger.appendAs("bench", "BENCH_APPEND", "BENCH", "c" + i, Map.of("n", i, "text", "x".repeat(200))));

        String line = String.format(java.util.Locale.ROOT,
                "ledger appends/s: 1 writer %.0f (bare insert %.0f, ratio %.2f); 8 writers %.0f (bare insert %.0f, ratio %.2f); n=%d%n",
                append1, baseline1, append1 / baseline1, append8, baseline8, append8 / baseline8, n);
        System.out.print(line);
        write(line);
    }

    private double run(int n, int threads, java.util.function.IntConsumer work) throws Exception {
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

    private static void write(String line) throws IOException {
        Path out = Path.of("target", "bench", "ledger-append.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
