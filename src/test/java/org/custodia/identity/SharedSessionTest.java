package org.custodia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.sql.DataSource;
import org.custodia.support.Api;
import org.custodia.support.ConsoleHttp;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Console sessions live in PostgreSQL (Spring Session JDBC), so any instance against the database serves a signed-in
 * user: the session is a row of SPRING_SESSION, a repository that shares nothing with the app but the database
 * reads it back whole, signing out deletes it, and the API (Basic, bearer) makes none.
 */
class SharedSessionTest extends IntegrationTest {


    @Autowired
    SessionRepository<? extends Session> sessions;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theSessionRepositoryIsTheDatabase() {
        assertThat(sessions).isInstanceOf(JdbcIndexedSessionRepository.class);
    }

    @Test
    void aConsoleSessionIsARowThatAnotherRepositoryReadsAndSigningOutDeletesIt() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        long before = rowsOf("intake");

        String page = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> signedIn = browser.send(post("/login",
                "username=intake&password=demo&_csrf=" + ConsoleHttp.enc(ConsoleHttp.csrf(page))), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        String cookie = cookie(cookies);
        String id = sessionId(cookie);
        assertThat(jdbc.sql("SELECT principal_name FROM spring_session WHERE session_id = ?").param(id)
                .query(String.class).single()).as("the session is a row, its principal the user").isEqualTo("intake");
        assertThat(rowsOf("intake")).isEqualTo(before + 1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM spring_session_attributes a
                        JOIN spring_session s ON s.primary_id = a.session_primary_id
                        WHERE s.session_id = ? AND a.attribute_name = ?""")
                .params(id, HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY).query(Long.class).single())
                .as("the signed-in user is stored with the session").isOne();

        // A repository of its own over the same database, as another instance has: nothing in this JVM's memory.
        JdbcIndexedSessionRepository elsewhere = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
                new TransactionTemplate(transactions));
        Session read = elsewhere.findById(id);
        assertThat(read).as("another instance finds the session").isNotNull();
        SecurityContext context = read.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(context.getAuthentication().getName()).isEqualTo("intake");

        HttpResponse<String> home = browser.send(get("/"), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).as("the session signs the console in").isEqualTo(200);

        HttpResponse<String> out = browser.send(post("/logout", "_csrf=" + ConsoleHttp.enc(ConsoleHttp.csrf(home.body()))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElse("")).contains("/login?logout");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = ?").param(id)
                .query(Long.class).single()).as("signing out deletes the row").isZero();
        assertThat(elsewhere.findById(id)).isNull();

        HttpClient attacker = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> replayed = attacker.send(HttpRequest.newBuilder(URI.create(baseUrl + "/"))
                .header("Cookie", "JSESSIONID=" + cookie).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(replayed.headers().firstValue("Location").orElse("")).as("the old cookie signs nobody in")
                .contains("/login");
    }

    @Test
    void theApiMakesNoSession() {
        long before = jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
        Api.Response basic = as("custody").get("/api/v1/agreements");
        assertThat(basic.status()).isEqualTo(200);
        assertThat(basic.header("Set-Cookie")).as("no session cookie").isNull();
        Api.Response refused = anonymous().get("/api/v1/agreements");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Set-Cookie")).isNull();
        assertThat(rowsOf("custody")).as("no session row for a Basic client").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single())
                .as("no session row at all (no other test of this class signs in meanwhile)")
                .isLessThanOrEqualTo(before);
    }

    private long rowsOf(String username) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(username)
                .query(Long.class).single();
    }

    private HttpRequest get(String path) {
        return ConsoleHttp.page(baseUrl, path);
    }

    private HttpRequest post(String path, String form) {
        return ConsoleHttp.form(baseUrl, path, form);
    }

    private static String cookie(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    /** Spring Session's cookie carries the session id in Base64. */
    private static String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }
}
