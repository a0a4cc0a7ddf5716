package org.custodia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Throttled sign-ins, strict headers, a new session at sign-in, and passwords their owners can change. */
class SessionHygieneTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Clock clock;

    /** A user of this test alone (the database is shared), role CUSTODY_OFFICER. */
    private String user(String password) {
        String username = "t-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        INSERT INTO app_user (id, username, display_name, password_hash, role, locale, created_at)
                        VALUES (?, ?, 'Test User', ?, 'CUSTODY_OFFICER', 'es', ?)""")
                .params(UUID.randomUUID(), username, encoder.encode(password), clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return username;
    }

    private long ledgered(String action, String subject) {
        return jdbc.sql("SELECT count(*) FROM ledger_entry WHERE action = ? AND subject_id = ?")
                .params(action, subject).query(Long.class).single();
    }

    @Test
    void fiveWrongPasswordsLockTheUsernameOutEvenForTheRightPassword() throws Exception {
        String username = user("the-right-password");
        for (int i = 0; i < 5; i++) {
            assertThat(new Api(baseUrl, username, "wrong-" + i).get("/api/v1/agreements").status()).isEqualTo(401);
        }
        assertThat(ledgered("LOGIN_LOCKED_OUT", username)).isEqualTo(1);

        Api.Response locked = new Api(baseUrl, username, "the-right-password").get("/api/v1/agreements");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(locked.json().get("code").asString()).isEqualTo("LOGIN_THROTTLED");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 301L);
        assertThat(ledgered("LOGIN_FAILED", username)).as("every attempt ledgered").isEqualTo(6);

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> console = signIn(browser, username, "the-right-password");
        assertThat(console.headers().firstValue("Location").orElse(""))
                .as("the console says only that the sign-in failed").contains("/login?error");

        assertThat(as("custody").get("/api/v1/agreements").status()).as("other users sign in").isEqualTo(200);
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddressOut() throws Exception {
        // 127.0.0.2 is this test's own address (any 127/8 address reaches the server on loopback).
        for (int i = 0; i < 20; i++) {
            assertThat(getFrom("127.0.0.2", "guess-" + UUID.randomUUID(), "guess")).isEqualTo(401);
        }
        assertThat(getFrom("127.0.0.2", "finance", "demo")).isEqualTo(429);
        assertThat(getFrom("127.0.0.1", "finance", "demo")).as("other addresses are not affected").isEqualTo(200);
        assertThat(ledgered("LOGIN_LOCKED_OUT", "127.0.0.2")).isEqualTo(1);
    }

    @Test
    void everyAnswerCarriesAStrictContentSecurityPolicyAndTheOtherHeaders() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/login", "/api/v1/agreements", "/css/custodia.css")) {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
                    HttpResponse.BodyHandlers.discarding());
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
            assertThat(directive(csp, "script-src")).doesNotContain("unsafe-inline", "unsafe-eval", "*");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
        }
    }

    /** What the policy forbids must not be in the pages either: no inline script, no inline event handler. */
    @Test
    void noTemplateHasAnInlineScriptOrEventHandler() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bth:src=)(?![^>]*\\bsrc=)[^>]*>");
        Pattern handler = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<Path> templates = files.filter(p -> p.toString().endsWith(".html")).toList();
            assertThat(templates).isNotEmpty();
            for (Path template : templates) {
                String html = Files.readString(template);
                assertThat(inlineScript.matcher(html).find()).as(template + " has an inline script").isFalse();
                assertThat(handler.matcher(html).find()).as(template + " has an inline event handler").isFalse();
                assertThat(html).as(template.toString()).doesNotContain("javascript:", "style=\"");
            }
        }
    }

    @Test
    void signingInGivesANewSessionIdSoAPlantedOneIsWorthless() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        String before = sessionId(cookies);
        assertThat(before).as("the login page's session (it holds the CSRF token)").isNotNull();

        HttpResponse<Void> response = signIn(browser, "intake", "demo");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String after = sessionId(cookies);
        assertThat(after).isNotNull().isNotEqualTo(before);

        HttpClient attacker = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> planted = attacker.send(HttpRequest.newBuilder(URI.create(baseUrl + "/"))
                .header("Cookie", "JSESSIONID=" + before).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(planted.statusCode()).as("the old id signs nobody in").isEqualTo(302);
        assertThat(planted.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void aUserChangesTheirPasswordWithTheCurrentOne() {
        String username = user("first-password-1");
        Api api = new Api(baseUrl, username, "first-password-1");

        Api.Response wrong = api.post("/api/v1/users/me/password",
                Map.of("currentPassword", "not-it", "newPassword", "second-password-2"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(fields(wrong.json())).containsExactly("currentPassword:INCORRECT");

        Api.Response invalid = api.post("/api/v1/users/me/password", Map.of("currentPassword", "first-password-1",
                "newPassword", "short"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(fields(invalid.json())).anyMatch(f -> f.startsWith("newPassword:"));

        Api.Response same = api.post("/api/v1/users/me/password", Map.of("currentPassword", "first-password-1",
                "newPassword", "first-password-1"));
        assertThat(fields(same.json())).containsExactly("newPassword:UNCHANGED");

        Api.Response changed = api.post("/api/v1/users/me/password", Map.of("currentPassword", "first-password-1",
                "newPassword", "second-password-2"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(204);
        assertThat(api.get("/api/v1/agreements").status()).as("the old password").isEqualTo(401);
        assertThat(new Api(baseUrl, username, "second-password-2").get("/api/v1/agreements").status()).isEqualTo(200);
        assertThat(ledgered("PASSWORD_CHANGED", username)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE subject_id = ? AND payload::text LIKE '%password-%'")
                .param(username).query(Long.class).single()).as("no password in the ledger").isZero();
    }

    @Test
    void theConsoleHasAPasswordPage() throws Exception {
        String username = user("console-password-1");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(signIn(browser, username, "console-password-1").headers().firstValue("Location").orElse(""))
                .doesNotContain("error");
        String page = browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/account/password")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> mismatch = post(browser, "/account/password", Map.of("_csrf", csrf(page),
                "currentPassword", "console-password-1", "newPassword", "console-password-2",
                "confirmPassword", "console-password-3"));
        assertThat(mismatch.statusCode()).isEqualTo(200);
        assertThat(mismatch.body()).contains("form-errors");
        HttpResponse<String> done = post(browser, "/account/password", Map.of("_csrf", csrf(mismatch.body()),
                "currentPassword", "console-password-1", "newPassword", "console-password-2",
                "confirmPassword", "console-password-2"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).contains("/account/password?changed");
        assertThat(new Api(baseUrl, username, "console-password-2").get("/api/v1/agreements").status()).isEqualTo(200);
    }

    private static String directive(String csp, String name) {
        for (String part : csp.split(";")) {
            if (part.trim().startsWith(name + " ")) {
                return part.trim();
            }
        }
        return "";
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new java.util.ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString() + ":" + e.get("code").asString()));
        return fields;
    }

    private static String sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    private HttpResponse<Void> signIn(HttpClient browser, String username, String password) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> response = post(browser, "/login",
                Map.of("username", username, "password", password, "_csrf", csrf(page)));
        return new HttpResponse<>() {
            public int statusCode() { return response.statusCode(); }
            public HttpRequest request() { return response.request(); }
            public java.util.Optional<HttpResponse<Void>> previousResponse() { return java.util.Optional.empty(); }
            public java.net.http.HttpHeaders headers() { return response.headers(); }
            public Void body() { return null; }
            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
            public URI uri() { return response.uri(); }
            public HttpClient.Version version() { return response.version(); }
        };
    }

    private HttpResponse<String> post(HttpClient browser, String path, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return browser.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One Basic GET sent from a chosen loopback address (java.net.http cannot pick its source address). */
    private int getFrom(String sourceAddress, String username, String password) throws IOException {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(sourceAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/agreements HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
