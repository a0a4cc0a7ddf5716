package org.custodia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The administrator manages users through the API: every change ledgered, every failure listed, ADMIN only. */
class UserAdministrationApiTest extends IntegrationTest {

    private static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36);
    }

    private static Map<String, Object> consul(String username) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", "Lucía Ramírez");
        body.put("role", "CONSULAR");
        body.put("password", "a-long-initial-password");
        body.put("nationality", "MX");
        body.put("locale", "en");
        return body;
    }

    @Test
    void anAdminCreatesAUserWhoSignsInWithTheirScopeAndARetryCreatesNothingMore() {
        String username = unique("mx-consul-");
        Map<String, String> key = Map.of("Idempotency-Key", "user-" + username);
        Api.Response created = as("admin").post("/api/v1/users", consul(username), key);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/users/" + username);
        assertThat(created.json().path("role").asString()).isEqualTo("CONSULAR");
        assertThat(created.json().path("nationality").asString()).isEqualTo("MX");
        assertThat(created.json().path("enabled").asBoolean()).isTrue();
        assertThat(created.text()).doesNotContain("a-long-initial-password", "password");

        Api.Response retried = as("admin").post("/api/v1/users", consul(username), key);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().path("username").asString()).isEqualTo(username);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE action = 'USER_CREATED' AND subject_id = ?")
                .param(username).query(Long.class).single()).as("one user, one entry").isOne();
        assertThat(jdbc.sql("SELECT payload FROM ledger_entry WHERE action = 'USER_CREATED' AND subject_id = ?")
                .param(username).query(String.class).single()).doesNotContain("a-long-initial-password");

        Api.Response again = as("admin").post("/api/v1/users", consul(username));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asString()).isEqualTo("USERNAME_TAKEN");

        Api.Response me = new Api(baseUrl, username, "a-long-initial-password").get("/api/v1/agreements");
        assertThat(me.status()).as("the new user signs in").isEqualTo(200);

        JsonNode listed = find(as("admin").get("/api/v1/users").json(), username);
        assertThat(listed).isNotNull();
        assertThat(listed.path("displayName").asString()).isEqualTo("Lucía Ramírez");
    }

    @Test
    void aRefusedUserListsEveryFailureAtOnce() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", "Not Valid!");
        body.put("displayName", " ");
        body.put("role", "SENDING_AGENCY");
        body.put("password", "short");
        body.put("locale", "fr");
        Api.Response refused = as("admin").post("/api/v1/users", body);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        List<String> fields = refused.json().path("errors").valueStream().map(e -> e.path("field").asString() + ":"
                + e.path("code").asString()).toList();
        assertThat(fields).containsExactlyInAnyOrder("username:INVALID_FORMAT", "displayName:REQUIRED",
                "password:INVALID_LENGTH", "partyCode:REQUIRED", "locale:INVALID_VALUE");

        Map<String, Object> noRole = new LinkedHashMap<>(consul(unique("x")));
        noRole.put("role", "WARDEN");
        Api.Response badRole = as("admin").post("/api/v1/users", noRole);
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().path("errors").get(0).path("field").asString()).isEqualTo("role");
    }

    @Test
    void anAdminChangesRoleAndScopeThenDisablesAndReEnablesAndEachIsLedgered() {
        String username = unique("officer-");
        Map<String, Object> body = consul(username);
        assertThat(as("admin").post("/api/v1/users", body).status()).isEqualTo(201);
        Api user = new Api(baseUrl, username, "a-long-initial-password");

        Api.Response changed = as("admin").put("/api/v1/users/" + username, Map.of("displayName", "Lucía Ramírez",
                "role", "SENDING_AGENCY", "partyCode", "US", "nationality", "MX", "locale", "es"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().path("role").asString()).isEqualTo("SENDING_AGENCY");
        assertThat(changed.json().path("partyCode").asString()).isEqualTo("US");
        assertThat(changed.json().path("nationality").isNull()).as("a sending agency has no nationality scope").isTrue();
        assertThat(user.get("/api/v1/referrals").status()).as("the new role applies at once").isEqualTo(200);

        Api.Response disabled = as("admin").post("/api/v1/users/" + username + "/disable", null);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertThat(user.get("/api/v1/agreements").status()).as("a disabled user cannot sign in").isEqualTo(401);

        Api.Response enabled = as("admin").post("/api/v1/users/" + username + "/enable", null);
        assertThat(enabled.json().path("enabled").asBoolean()).isTrue();
        assertThat(user.get("/api/v1/agreements").status()).isEqualTo(200);

        assertThat(jdbc.sql("SELECT action FROM ledger_entry WHERE subject_type = 'USER' AND subject_id = ? "
                        + "AND actor = 'admin' ORDER BY sequence").param(username).query(String.class).list())
                .containsExactly("USER_CREATED", "USER_CHANGED", "USER_DISABLED", "USER_ENABLED");

        assertThat(as("admin").get("/api/v1/users/nobody-" + username).json().path("code").asString())
                .isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabledNorDemoted() {
        String second = unique("admin-");
        Map<String, Object> body = consul(second);
        body.put("role", "ADMIN");
        body.remove("nationality");
        assertThat(as("admin").post("/api/v1/users", body).status()).isEqualTo(201);
        Api secondAdmin = new Api(baseUrl, second, "a-long-initial-password");
        // Every other enabled administrator is disabled by the new one; only the new one is left.
        List<String> others = jdbc.sql("SELECT username FROM app_user WHERE role = 'ADMIN' AND enabled AND username <> ?")
                .param(second).query(String.class).list();
        try {
            for (String other : others) {
                assertThat(secondAdmin.post("/api/v1/users/" + other + "/disable", null).status()).isEqualTo(200);
            }
            Api.Response self = secondAdmin.post("/api/v1/users/" + second + "/disable", null);
            assertThat(self.status()).as(self.text()).isEqualTo(409);
            assertThat(self.json().path("code").asString()).isEqualTo("LAST_ADMIN");
            Api.Response demoted = secondAdmin.put("/api/v1/users/" + second, Map.of("displayName", "Second",
                    "role", "OVERSIGHT", "locale", "es"));
            assertThat(demoted.status()).isEqualTo(409);
            assertThat(demoted.json().path("code").asString()).isEqualTo("LAST_ADMIN");
        } finally {
            for (String other : others) {
                assertThat(secondAdmin.post("/api/v1/users/" + other + "/enable", null).status()).isEqualTo(200);
            }
        }
        assertThat(as("admin").post("/api/v1/users/" + second + "/disable", null).status()).isEqualTo(200);
    }

    @Test
    void noRoleButAdminManagesUsers() {
        for (String username : List.of("intake", "oversight", "us-agency", "ve-consul", "custody")) {
            Api.Response list = as(username).get("/api/v1/users");
            assertThat(list.status()).as(username).isEqualTo(403);
            Api.Response create = as(username).post("/api/v1/users", consul(unique("y")));
            assertThat(create.status()).as(username).isEqualTo(403);
            assertThat(as(username).post("/api/v1/users/admin/disable", null).status()).isEqualTo(403);
        }
        assertThat(anonymous().get("/api/v1/users").status()).isEqualTo(401);
    }

    private static JsonNode find(JsonNode users, String username) {
        for (JsonNode u : users) {
            if (username.equals(u.path("username").asString())) {
                return u;
            }
        }
        return null;
    }
}
