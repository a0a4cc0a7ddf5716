package org.custodia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestAgreements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The sending state's system: a client-credentials token from /oauth2/token, then the API as its party. */
class BearerTokenApiTest extends IntegrationTest {

    private static final String CLIENT = "us-agency-system";

    @Autowired
    Clock clock;

    private Api.Response tokenRequest(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return anonymous().send("POST", "/oauth2/token", "grant_type=client_credentials",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json",
                        "Authorization", "Basic " + basic));
    }

    private String token() {
        Api.Response response = tokenRequest(CLIENT, "demo");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("access_token").asString();
    }

    private Api.Response bearer(String token, String method, String path, Object body) {
        return anonymous().send(method, path, body, Map.of("Authorization", "Bearer " + token));
    }

    @Test
    void theTokenEndpointIssuesAShortLivedBearerTokenForTheClientsSecret() {
        Api.Response response = tokenRequest(CLIENT, "demo");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isBetween(60L, 15 * 60L);
        assertThat(body.get("access_token").asString().split("\\.")).as("a signed JWT").hasSize(3);

        assertThat(tokenRequest(CLIENT, "not-the-secret").status()).isEqualTo(401);
        assertThat(tokenRequest("no-such-client", "demo").status()).isEqualTo(401);
    }

    @Test
    void aBearerTokenActsAsItsPartyWithEveryScopeCheckOfABasicUser() {
        LocalDate today = LocalDate.now(clock);
        Api admin = as("admin");
        String own = TestAgreements.create(admin, "US", 50, TestAgreements.demoPolicy());
        String otherState = TestAgreements.party(admin, "MX");
        String otherAgreement = TestAgreements.create(admin, otherState, 10,
                List.of(TestAgreements.rule("FINAL_CONVICTION_REQUIRED")));
        String foreign = admin.post("/api/v1/referrals", ReferralBodies.eligible(today, otherAgreement))
                .json().get("id").asString();
        String token = token();

        Api.Response submitted = bearer(token, "POST", "/api/v1/referrals", ReferralBodies.eligible(today, own));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        String mine = submitted.json().get("id").asString();
        assertThat(jdbc.sql("SELECT actor FROM ledger_entry WHERE subject_id = ? ORDER BY sequence LIMIT 1")
                .param(mine).query(String.class).single()).as("ledgered under the client").isEqualTo(CLIENT);

        Api.Response list = bearer(token, "GET", "/api/v1/referrals?agreement=" + own, null);
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(ids(list.json())).containsExactly(mine);
        assertThat(list.json().get("total").asInt())
                .as("the same answer as the agency's people get with Basic")
                .isEqualTo(as("us-agency").get("/api/v1/referrals?agreement=" + own).json().get("total").asInt());
        assertThat(ids(bearer(token, "GET", "/api/v1/referrals?size=200", null).json())).doesNotContain(foreign);

        Api.Response hidden = bearer(token, "GET", "/api/v1/referrals/" + foreign, null);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("code").asString()).isEqualTo("REFERRAL_NOT_FOUND");

        Api.Response forbidden = bearer(token, "POST", "/api/v1/agreements", Map.of("code", "X"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("code").asString()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void aBadTokenIs401AsAProblem() {
        String token = token();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        for (String bad : List.of("not-a-token", forged)) {
            Api.Response response = bearer(bad, "GET", "/api/v1/referrals", null);
            assertThat(response.status()).as(bad).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.header("WWW-Authenticate")).contains("Bearer", "invalid_token");
            assertThat(response.json().get("code").asString()).isEqualTo("INVALID_TOKEN");
        }
        assertThat(bearer(token, "GET", "/api/v1/referrals", null).status()).isEqualTo(200);
    }

    @Test
    void tokensAreSignedWithTheKeyKeptInTheDatabase() {
        String header = new String(Base64.getUrlDecoder().decode(token().split("\\.")[0]), StandardCharsets.UTF_8);
        String kid = Api.JSON.readTree(header).get("kid").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM token_signing_key WHERE kid = ?").param(kid)
                .query(Long.class).single()).isEqualTo(1);
        JsonNode jwks = anonymous().get("/oauth2/jwks").json();
        assertThat(jwks.get("keys").get(0).get("kid").asString()).isEqualTo(kid);
        assertThat(jwks.get("keys").get(0).has("d")).as("the private part is never published").isFalse();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }
}
