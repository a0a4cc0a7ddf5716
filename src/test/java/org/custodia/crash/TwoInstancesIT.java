package org.custodia.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.custodia.support.Api;
import org.custodia.support.ConsoleHttp;
import org.custodia.support.FiftyClientsScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the packaged app against one PostgreSQL server, as behind a load balancer: the second runs
 * against the first one's database as a production instance runs against a server. The fifty-client scenario of the
 * concurrency test alternates its calls between them (a handover retried with its Idempotency-Key goes to the other
 * instance): the quota, the prisoner numbers and the ledger hold as they do on one instance. A bearer token issued by
 * one instance is accepted by the other, and a checkpoint signed on one is served and verified by the other. A console
 * session begun on one instance is good on the other (sessions are rows of PostgreSQL), and failed sign-ins on both
 * count towards one lockout.
 */
class TwoInstancesIT {


    private static Path work;
    private static AppProcess first;
    private static AppProcess second;

    @BeforeAll
    static void start() throws Exception {
        assertThat(AppProcess.JAR).as("the packaged jar (mvn package runs before the integration tests)").exists();
        work = Files.createTempDirectory("custodia-two-instances");
        Files.createDirectories(work.resolve("first"));
        Files.createDirectories(work.resolve("second"));
        first = new AppProcess(work.resolve("first")).start();
        second = new AppProcess(work.resolve("second"), first).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        FileSystemUtils.deleteRecursively(work);
    }

    @Test
    void fiftyClientsSpreadOverTwoInstancesNeverBreakTheQuotaTheNumbersOrTheLedger() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        new FiftyClientsScenario((user, call) -> (call % 2 == 0 ? first : second).as(user), first::count,
                LocalDate.now(ZoneId.of("America/El_Salvador")), now).run();
    }

    @Test
    void aTokenOrACheckpointOfOneInstanceIsGoodOnTheOther() throws Exception {
        String basic = Base64.getEncoder().encodeToString("us-agency-system:demo".getBytes(StandardCharsets.UTF_8));
        Api.Response token = new Api(first.baseUrl(), null, null).send("POST", "/oauth2/token",
                "grant_type=client_credentials", Map.of("Content-Type", "application/x-www-form-urlencoded",
                        "Authorization", "Basic " + basic));
        assertThat(token.status()).as(token.text()).isEqualTo(200);
        String bearer = token.json().get("access_token").asString();
        Api.Response onSecond = new Api(second.baseUrl(), null, null).send("GET", "/api/v1/agreements", null,
                Map.of("Authorization", "Bearer " + bearer));
        assertThat(onSecond.status()).as("the signing key is the database's, not the instance's").isEqualTo(200);

        Api.Response signed = first.as("oversight").post("/api/v1/ledger/checkpoints", Map.of());
        assertThat(signed.status()).as(signed.text()).isIn(200, 201);
        long size = signed.json().get("treeSize").asLong();
        JsonNode served = second.as("oversight").get("/api/v1/ledger/checkpoints/" + size).json();
        assertThat(served.get("treeSize").asLong()).isEqualTo(size);
        JsonNode verification = second.as("oversight").get("/api/v1/ledger/verification").json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    void aConsoleSessionBegunOnOneInstanceIsGoodOnTheOtherAndEndsOnBoth() throws Exception {
        // One cookie jar for both: cookies are per host, not per port, as behind one load balancer.
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = browser.send(page(first, "/login"), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> signedIn = browser.send(form(first, "/login",
                "username=custody&password=demo&_csrf=" + ConsoleHttp.enc(ConsoleHttp.csrf(login))), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> onSecond = browser.send(page(second, "/"), HttpResponse.BodyHandlers.ofString());
        assertThat(onSecond.statusCode()).as("no sticky session needed: the other instance knows the user")
                .isEqualTo(200);

        // The CSRF token lives in the session too: a form of the second instance's page is good on the first.
        HttpResponse<String> out = browser.send(form(first, "/logout", "_csrf=" + ConsoleHttp.enc(ConsoleHttp.csrf(onSecond.body()))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElse("")).contains("/login?logout");
        HttpResponse<String> after = browser.send(page(second, "/"), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).as("signed out on both").contains("/login");
    }

    @Test
    void failedSignInsOnBothInstancesCountTowardsOneLockout() {
        String username = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            AppProcess instance = i % 2 == 0 ? first : second;
            assertThat(new Api(instance.baseUrl(), username, "wrong-" + i).get("/api/v1/agreements").status())
                    .isEqualTo(401);
        }
        for (AppProcess instance : new AppProcess[] {first, second}) {
            Api.Response locked = new Api(instance.baseUrl(), username, "wrong").get("/api/v1/agreements");
            assertThat(locked.status()).as("five failures over two instances lock out on both").isEqualTo(429);
            assertThat(locked.json().get("code").asString()).isEqualTo("LOGIN_THROTTLED");
        }
    }

    private static HttpRequest page(AppProcess instance, String path) {
        return ConsoleHttp.page(instance.baseUrl(), path);
    }

    private static HttpRequest form(AppProcess instance, String path, String body) {
        return ConsoleHttp.form(instance.baseUrl(), path, body);
    }
}
