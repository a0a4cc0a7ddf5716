package org.custodia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodia.support.IntegrationTest;
import org.custodia.support.SignedInConsole;
import org.junit.jupiter.api.Test;

/** /admin/users in the console: the list in words, creating, changing, disabling, in Spanish and English. */
class UserConsoleTest extends IntegrationTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    @Test
    void theAdminSeesTheUsersWithRolesAndScopesAsWordsInBothLanguages() {
        var es = as("admin").get("/admin/users?lang=es", HTML);
        assertThat(es.status()).isEqualTo(200);
        assertThat(es.text()).contains("Usuarios", "ve-consul", "Consulado", "Expedientes de nacionales de VE",
                "Registros de la parte US", "Agencia remitente", "Nuevo usuario", "Contraseña inicial")
                .doesNotContain(">CONSULAR<", ">SENDING_AGENCY<", "??");
        var en = as("admin").get("/admin/users?lang=en", HTML);
        assertThat(en.text()).contains("Users", "Consular", "Files of nationals of VE", "Sending agency", "New user",
                "Initial password").doesNotContain(">CONSULAR<", "??");
        for (String other : new String[] {"oversight", "intake", "ve-consul", "us-agency"}) {
            assertThat(as(other).get("/admin/users", HTML).status()).as(other).isEqualTo(403);
            assertThat(as(other).get("/admin/users/admin", HTML).status()).as(other).isEqualTo(403);
        }
        assertThat(as("admin").get("/admin/users/nobody-at-all", HTML).status()).isEqualTo(404);
    }

    @Test
    void aRefusedNewUserKeepsWhatWasTypedAndSaysNextToEachFieldWhatToChange() {
        SignedInConsole console = SignedInConsole.signIn(baseUrl, "admin");
        assertThat(console.get("/admin/users").statusCode()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", "Bad Name");
        form.put("displayName", "Pedro Ortiz");
        form.put("role", "CONSULAR");
        form.put("password", "short");
        form.put("partyCode", "");
        form.put("nationality", "");
        form.put("locale", "es");
        HttpResponse<String> es = console.submit("/admin/users", form, "es");
        assertThat(es.body()).contains("id=\"username-error\"", "id=\"password-error\"", "id=\"nationality-error\"",
                "El formato no es el esperado.", "Complete este campo.", "value=\"Pedro Ortiz\"", "value=\"Bad Name\"")
                .doesNotContain("value=\"short\"", "nationality is required");

        HttpResponse<String> en = console.submit("/admin/users", form, "en");
        assertThat(en.body()).contains("id=\"nationality-error\"", "value=\"Pedro Ortiz\"", "Nationality (two-letter");
    }

    @Test
    void theAdminCreatesChangesDisablesAndReEnablesAUser() {
        String username = "clerk-" + Long.toString(System.nanoTime(), 36);
        SignedInConsole console = SignedInConsole.signIn(baseUrl, "admin");
        console.get("/admin/users");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("displayName", "Ana Guzmán");
        form.put("role", "FINANCE");
        form.put("password", "a-long-initial-password");
        form.put("partyCode", "US");
        form.put("nationality", "");
        form.put("locale", "es");
        HttpResponse<String> created = console.submit("/admin/users", form, "es");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("Usuario creado.", "Usuario " + username, "Finanzas", "Todo el centro");
        assertThat(jdbc.sql("SELECT party_code FROM app_user WHERE username = ?").param(username)
                .query(String.class).optional()).as("finance has no party scope").isEmpty();

        HttpResponse<String> changed = console.submit("/admin/users/" + username, Map.of("displayName", "Ana Guzmán",
                "role", "SENDING_AGENCY", "partyCode", "US", "nationality", "", "locale", "en"), "en");
        assertThat(changed.body()).contains("Changes saved.", "Sending agency", "Records of party US");

        HttpResponse<String> refused = console.submit("/admin/users/" + username, Map.of("displayName", "Ana Guzmán",
                "role", "SENDING_AGENCY", "partyCode", "", "nationality", "", "locale", "en"), "es");
        assertThat(refused.body()).contains("id=\"partyCode-error\"", "Complete este campo.");

        HttpResponse<String> disabled = console.submit("/admin/users/" + username + "/disable", Map.of(), "es");
        assertThat(disabled.body()).contains("Cuenta desactivada.", "Desactivada", "Reactivar la cuenta");
        assertThat(jdbc.sql("SELECT enabled FROM app_user WHERE username = ?").param(username).query(Boolean.class)
                .single()).isFalse();
        HttpResponse<String> enabled = console.submit("/admin/users/" + username + "/enable", Map.of(), "en");
        assertThat(enabled.body()).contains("Account re-enabled.", "Disable the account");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE subject_type = 'USER' AND subject_id = ?")
                .param(username).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void disablingAUserOrChangingTheirRoleEndsTheirConsoleSessions() {
        String username = "session-" + Long.toString(System.nanoTime(), 36);
        assertThat(as("admin").post("/api/v1/users", Map.of("username", username, "displayName", "Sesión Abierta",
                "role", "FINANCE", "password", "a-long-initial-password")).status()).isEqualTo(201);
        SignedInConsole user = SignedInConsole.signIn(baseUrl, username, "a-long-initial-password");
        assertThat(user.get("/billing/invoices").statusCode()).isEqualTo(200);

        assertThat(as("admin").put("/api/v1/users/" + username, Map.of("displayName", "Sesión Abierta",
                "role", "OVERSIGHT")).status()).isEqualTo(200);
        HttpResponse<String> afterChange = user.get("/billing/invoices");
        assertThat(afterChange.statusCode()).as("the old role's session is gone").isEqualTo(302);
        assertThat(afterChange.headers().firstValue("Location").orElse("")).contains("/login");

        SignedInConsole again = SignedInConsole.signIn(baseUrl, username, "a-long-initial-password");
        assertThat(again.get("/ledger/entries").statusCode()).as("signed in again with the new role").isEqualTo(200);
        assertThat(as("admin").post("/api/v1/users/" + username + "/disable", null).status()).isEqualTo(200);
        HttpResponse<String> afterDisable = again.get("/ledger/entries");
        assertThat(afterDisable.statusCode()).isEqualTo(302);
        assertThat(afterDisable.headers().firstValue("Location").orElse("")).contains("/login");
    }
}
