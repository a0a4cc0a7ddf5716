import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fires the same GET with HTTP Basic and with a bearer token (client credentials), in alternating rounds so that
 * both see the same machine, and prints requests per second and latency percentiles for each.
 *
 *   java bench/AuthLoad.java BASE_URL PATH REQUESTS THREADS ROUNDS USER PASSWORD CLIENT SECRET
 */
public class AuthLoad {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] a) throws Exception {
        String base = a[0], path = a[1];
        int requests = Integer.parseInt(a[2]), threads = Integer.parseInt(a[3]), rounds = Integer.parseInt(a[4]);
        String basic = "Basic " + b64(a[5] + ":" + a[6]);
        String bearer = "Bearer " + token(base, a[7], a[8]);
        run(base + path, basic, 30, threads);   // warm-up, not reported
        run(base + path, bearer, 30, threads);
        System.out.printf("%-7s %5s %8s %8s %8s %8s %8s%n", "auth", "round", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors");
        for (int r = 1; r <= rounds; r++) {
            report("basic", r, run(base + path, basic, requests, threads));
            report("bearer", r, run(base + path, bearer, requests, threads));
        }
    }

    record Result(double seconds, long[] nanos, int errors) {
    }

    static void report(String name, int round, Result result) {
        long[] sorted = result.nanos().clone();
        Arrays.sort(sorted);
        System.out.printf("%-7s %5d %8.1f %8.1f %8.1f %8.1f %8d%n", name, round, sorted.length / result.seconds(),
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), result.errors());
    }

    static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    static Result run(String url, String authorization, int requests, int threads) throws Exception {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger(), errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", authorization).header("Accept", "application/json").build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
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
        return new Result(seconds, nanos, errors.get());
    }

    static String token(String base, String client, String secret) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + b64(client + ":" + secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("No token: " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
