package org.custodia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SecurityApiTest extends IntegrationTest {

    @Test
    void withoutCredentialsTheApiAnswers401AsAProblem() {
        Api.Response response = anonymous().get("/api/v1/agreements/US-SV-2025");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.header("Set-Cookie")).as("the API creates no session").isNull();
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("type").asString()).isNotBlank();
    }

    @Test
    void aWrongPasswordIs401AndLedgeredAsAFailedLogin() {
        String user = "intake";
        long before = count("LOGIN_FAILED", user);
        Api.Response response = new Api(baseUrl, user, "not-the-password").get("/api/v1/agreements");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(count("LOGIN_FAILED", user)).isEqualTo(before + 1);
    }

    @Test
    void aForbiddenActionIs403AsAProblemAndLedgered() {
        long before = jdbc.sql("SELECT count(*) FROM ledger_entry WHERE action = 'ACCESS_DENIED' AND actor = 'us-agency'")
                .query(Long.class).single();
        Api.Response response = as("us-agency").post("/api/v1/agreements", Map.of("code", "X"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("ACCESS_DENIED");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE action = 'ACCESS_DENIED' AND actor = 'us-agency'")
                .query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void onlyHealthTheLoginPageAndStaticAssetsAreOpen() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(status(client, "/actuator/health")).isEqualTo(200);
        assertThat(status(client, "/login")).isEqualTo(200);
        assertThat(status(client, "/css/custodia.css")).isEqualTo(200);
        assertThat(status(client, "/")).isEqualTo(302);
        assertThat(status(client, "/swagger-ui.html")).isEqualTo(302);
        assertThat(status(client, "/ledger")).isEqualTo(302);
        assertThat(status(client, "/v3/api-docs")).isEqualTo(401);
        assertThat(status(client, "/actuator/prometheus")).isIn(302, 401);
        assertThat(status(client, "/api/v1/ledger/verification")).isEqualTo(401);
    }

    @Test
    void openApiAndMetricsAreServedToThoseAllowed() {
        Api.Response docs = as("us-agency").get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/agreements/{code}")).isTrue();
        assertThat(as("oversight").get("/actuator/prometheus", Map.of("Accept", "text/plain")).text())
                .contains("jvm_memory_used_bytes");
        assertThat(as("us-agency").get("/actuator/prometheus", Map.of("Accept", "text/plain")).status()).isEqualTo(403);
    }

    @Test
    void passwordsAreStoredHashed() {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'admin'").query(String.class).single();
        assertThat(hash).doesNotContain("demo").startsWith("{bcrypt}$2");
    }

    private long count(String action, String subject) {
        return jdbc.sql("SELECT count(*) FROM ledger_entry WHERE action = ? AND subject_id = ?")
                .params(action, subject).query(Long.class).single();
    }

    private int status(HttpClient client, String path) throws Exception {
        // as a browser asks: console pages redirect to the login page, the API answers 401
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html,*/*;q=0.8").build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
