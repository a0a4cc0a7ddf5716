import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measurements of bench/run.sh that need a client of their own (loopback only, bounded counts). Each prints one
 * line per round with its baseline measured in the same run on the same database.
 *
 *   java -cp postgresql.jar bench/ScaleBench.java load    BASE JDBC REQUESTS ROUNDS
 *   java -cp postgresql.jar bench/ScaleBench.java latency BASE LABEL REQUESTS PATH...        (as bench-admin)
 *   java -cp postgresql.jar bench/ScaleBench.java search  BASE REQUESTS
 *   java -cp postgresql.jar bench/ScaleBench.java ledger  BASE JDBC ROUNDS PROOFS
 *   java -cp postgresql.jar bench/ScaleBench.java insert  JDBC EXTERNAL_REFERENCE_PREFIX     (batched INSERT baseline)
 */
public class ScaleBench {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "load" -> load(a[1], a[2], Integer.parseInt(a[3]), Integer.parseInt(a[4]));
            case "latency" -> latency(a[1], a[2], Integer.parseInt(a[3]), Arrays.copyOfRange(a, 4, a.length));
            case "search" -> search(a[1], Integer.parseInt(a[2]));
            case "ledger" -> ledger(a[1], a[2], Integer.parseInt(a[3]), Integer.parseInt(a[4]));
            case "insert" -> insert(a[1], a[2]);
            default -> throw new IllegalArgumentException(a[0]);
        }
    }

    // ---- API latency under load: 70% reads of files and lists, 30% writes, against /actuator/health ----

    static void load(String base, String jdbc, int requests, int rounds) throws Exception {
        List<String> numbers = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT prisoner_number FROM prisoner WHERE status = 'IN_CUSTODY' "
                     + "ORDER BY prisoner_number LIMIT 5000")) {
            while (rs.next()) {
                numbers.add(rs.getString(1));
            }
        }
        String custody = "Bearer " + token(base, "bench-custody", "demo");
        String agency = "Bearer " + token(base, "us-agency-system", "demo");
        Random r = new Random(13);
        AtomicInteger seq = new AtomicInteger();
        IntFunction<HttpRequest> mixed = i -> {
            int k = Math.floorMod(i * 31 + 7, 100);
            String number = numbers.get(Math.floorMod(i * 7919, numbers.size()));
            if (k < 30) {
                String body = "{\"type\":\"REQUEST\",\"occurredAt\":\"" + Instant.now().minusSeconds(60)
                        + "\",\"subject\":\"bench\",\"text\":\"load " + seq.incrementAndGet() + "\"}";
                return HttpRequest.newBuilder(URI.create(base + "/api/v1/prisoners/" + number + "/events"))
                        .header("Authorization", custody).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            } else if (k < 60) {
                return get(base + "/api/v1/prisoners/" + number, custody);
            } else if (k < 85) {
                return get(base + "/api/v1/prisoners?status=IN_CUSTODY&size=20&page=" + Math.floorMod(i, 50), custody);
            } else {
                return get(base + "/api/v1/referrals?size=20", agency);
            }
        };
        IntFunction<HttpRequest> floor = i -> HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build();
        run(mixed, 200, 50);
        run(floor, 200, 50); // warm-up, not reported
        System.out.printf("%-8s %5s %7s %8s %8s %8s %8s %6s%n", "workload", "round", "clients", "req/s", "p50 ms", "p95 ms",
                "p99 ms", "errors");
        for (int round = 1; round <= rounds; round++) {
            report("floor", round, 50, run(floor, requests, 50));
            report("mixed", round, 50, run(mixed, requests, 50));
        }
        // the throughput at which p99 stays under 50 ms: fewer clients, same mix
        for (int clients : new int[] {1, 2, 4, 8, 16}) {
            report("mixed", 0, clients, run(mixed, Math.max(100, requests / 4), clients));
        }
        // where the mix spends its time: each of its four kinds alone, 50 clients (k picks the kind as the mix does)
        String[] kinds = {"write", "file", "list", "referrals"};
        int[] firstK = {0, 30, 60, 85};
        for (int kind = 0; kind < kinds.length; kind++) {
            int k0 = firstK[kind];
            IntFunction<HttpRequest> alone = i -> mixed.apply(indexWithK(k0 + Math.floorMod(i, 5), i));
            report(kinds[kind], 0, 50, run(alone, requests / 2, 50));
        }
    }

    /** An index i' near i whose kind in the mix ((i' * 31 + 7) mod 100) is k: 31 * 71 = 1 mod 100. */
    static int indexWithK(int k, int i) {
        int base = Math.floorMod((k - 7) * 71, 100);
        return base + 100 * i;
    }

    static HttpRequest get(String url, String authorization) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Accept", "application/json").build();
    }

    record Result(double seconds, long[] nanos, int errors, String firstError) {
    }

    static Result run(IntFunction<HttpRequest> requestOf, int requests, int threads) throws Exception {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger(), errors = new AtomicInteger();
        String[] firstError = {null};
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    HttpRequest request = requestOf.apply(i);
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() >= 300) {
                            errors.incrementAndGet();
                            firstError[0] = response.statusCode() + " " + request.uri() + " "
                                    + response.body().substring(0, Math.min(200, response.body().length()));
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError[0] = e.toString();
                    }
                    nanos[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(seconds, nanos, errors.get(), firstError[0]);
    }

    static void report(String name, int round, int clients, Result result) {
        long[] sorted = result.nanos().clone();
        Arrays.sort(sorted);
        System.out.printf("%-8s %5d %7d %8.1f %8.1f %8.1f %8.1f %6d%s%n", name, round, clients, sorted.length / result.seconds(),
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), result.errors(),
                result.firstError() == null ? "" : "  first error: " + result.firstError());
    }

    static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    // ---- one client, sequential: latency of GETs (roll count) ----

    static void latency(String base, String label, int requests, String[] paths) throws Exception {
        String admin = "Bearer " + token(base, "bench-admin", "demo");
        run(i -> get(base + paths[i % paths.length], admin), 5, 1);
        report(label, 1, 1, run(i -> get(base + paths[i % paths.length], admin), requests, 1));
    }

    /** Names with one typo each (a letter changed, dropped or doubled), two words, as a clerk types them. */
    static void search(String base, int requests) throws Exception {
        String[] queries = {"martines jose", "hernandes carlos", "gonzales luis", "rodrigues miguel", "ramires juan",
                "lopes oscar", "peres mario", "floress jorge", "vasques pedro", "menjibar wilfredo", "orelana nelson",
                "quintanila santos", "escobarr marvin", "jimenes kevin", "gutieres raul", "velasques elmer"};
        String admin = "Bearer " + token(base, "bench-admin", "demo");
        IntFunction<HttpRequest> q = i -> get(base + "/api/v1/prisoners?q="
                + URLEncoder.encode(queries[i % queries.length], StandardCharsets.UTF_8), admin);
        run(q, 4, 1);
        report("search", 1, 1, run(q, requests, 1));
    }

    // ---- ledger verification against plain SHA-256 over the same bytes; inclusion proofs ----

    static void ledger(String base, String jdbc, int rounds, int proofs) throws Exception {
        String admin = "Bearer " + token(base, "bench-admin", "demo");
        List<String[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM ledger_entry ORDER BY sequence")) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString("previous_hash"), rs.getString("sequence"),
                        rs.getTimestamp("recorded_at").toInstant().toString(), rs.getString("actor"), rs.getString("action"),
                        rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("payload_hash"),
                        rs.getString("payload")});
            }
        }
        int n = rows.size();
        System.out.printf("ledger: %d entries%n%-6s %14s %14s %8s%n", n, "round", "API entries/s", "SHA entries/s", "ratio");
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            HttpResponse<String> v = CLIENT.send(get(base + "/api/v1/ledger/verification", admin),
                    HttpResponse.BodyHandlers.ofString());
            double api = n / ((System.nanoTime() - t0) / 1e9);
            if (v.statusCode() != 200 || !v.body().contains("\"valid\":true")) {
                throw new IllegalStateException(v.statusCode() + " " + v.body());
            }
            // the same work verify() does per entry: SHA-256 of the payload and of the chain material
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long t1 = System.nanoTime();
            int reps = 3;
            long sink = 0;
            for (int rep = 0; rep < reps; rep++) {
                for (String[] e : rows) {
                    sink += sha.digest(e[8].getBytes(StandardCharsets.UTF_8))[0];
                    String material = String.join("\n", e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7]);
                    sink += HexFormat.of().formatHex(sha.digest(material.getBytes(StandardCharsets.UTF_8))).length();
                }
            }
            double plain = (double) n * reps / ((System.nanoTime() - t1) / 1e9);
            System.out.printf("%-6d %14.0f %14.0f %8.3f%s%n", round, api, plain, api / plain, sink == 42 ? " " : "");
        }
        IntFunction<HttpRequest> proof = i -> get(base + "/api/v1/ledger/entries/" + (1 + Math.floorMod(i * 7919, n))
                + "/proof?treeSize=" + n, admin);
        run(proof, 50, 8);
        report("proofs", 1, 8, run(proof, proofs, 8));
    }

    // ---- the database's own limit for the import: batched INSERT of the same rows into the same tables ----

    static void insert(String jdbc, String prefix) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            Map<String, List<Object[]>> tables = new HashMap<>();
            Map<String, String[]> columns = new HashMap<>();
            String[][] reads = {
                    {"referral", "SELECT * FROM referral WHERE external_reference LIKE ?"},
                    {"referral_nationality", "SELECT x.* FROM referral_nationality x JOIN referral r ON r.id = x.referral_id WHERE r.external_reference LIKE ?"},
                    {"referral_identity_key", "SELECT x.* FROM referral_identity_key x JOIN referral r ON r.id = x.referral_id WHERE r.external_reference LIKE ?"},
                    {"referral_evaluation", "SELECT x.* FROM referral_evaluation x JOIN referral r ON r.id = x.referral_id WHERE r.external_reference LIKE ?"}};
            for (String[] read : reads) {
                try (PreparedStatement ps = c.prepareStatement(read[1])) {
                    ps.setString(1, prefix + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        ResultSetMetaData md = rs.getMetaData();
                        String[] cols = new String[md.getColumnCount()];
                        for (int i = 0; i < cols.length; i++) {
                            cols[i] = md.getColumnName(i + 1);
                        }
                        columns.put(read[0], cols);
                        List<Object[]> list = new ArrayList<>();
                        while (rs.next()) {
                            Object[] row = new Object[cols.length];
                            for (int i = 0; i < cols.length; i++) {
                                row[i] = rs.getObject(i + 1);
                            }
                            list.add(row);
                        }
                        tables.put(read[0], list);
                    }
                }
            }
            // new ids, references and identity keys, the same values otherwise; one transaction, batches of 1,000
            Map<Object, UUID> ids = new HashMap<>();
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            long total = 0;
            for (String[] read : reads) {
                String table = read[0];
                String[] cols = Arrays.stream(columns.get(table)).filter(col -> !(table.equals("referral_evaluation") && col.equals("id")))
                        .toArray(String[]::new);
                String sql = "INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES ("
                        + String.join(", ", java.util.Collections.nCopies(cols.length, "?")) + ")";
                String[] all = columns.get(table);
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int batch = 0;
                    for (Object[] row : tables.get(table)) {
                        int p = 1;
                        for (int i = 0; i < all.length; i++) {
                            String col = all[i];
                            if (table.equals("referral_evaluation") && col.equals("id")) {
                                continue;
                            }
                            Object v = row[i];
                            if (table.equals("referral") && col.equals("id")) {
                                v = ids.computeIfAbsent(v, k -> UUID.randomUUID());
                            } else if (!table.equals("referral") && col.equals("referral_id")) {
                                v = ids.get(v);
                            } else if (col.equals("external_reference")) {
                                v = "B" + v;
                            } else if (table.equals("referral_identity_key") && col.equals("identity_key")) {
                                // other people: the same identity again would be refused at commit (V103)
                                v = "B" + v;
                            }
                            ps.setObject(p++, v);
                        }
                        ps.addBatch();
                        total++;
                        if (++batch % 1000 == 0) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
            }
            c.commit();
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("batched INSERT: %d referrals, %d rows in 4 tables, %.2f s%n", tables.get("referral").size(), total, s);
            System.out.printf("INSERT_SECONDS=%.3f%n", s);
        }
    }

    static String token(String base, String client, String secret) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("No token for " + client + ": " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }
}
