package org.custodia.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.support.IntegrationTest;
import org.custodia.support.SignedInConsole;
import org.junit.jupiter.api.Test;

/** /admin/agreements: list, create and amend an agreement with its policy and fee schedule as form fields. */
class AgreementAdminConsoleTest extends IntegrationTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    private String party(String prefix, String country) {
        String code = prefix + Long.toString(System.nanoTime(), 36).toUpperCase();
        assertThat(as("admin").post("/api/v1/parties", Map.of("code", code, "name", "Party " + code, "country", country))
                .status()).isIn(200, 201);
        return code;
    }

    private Map<String, String> form(String code, String sending, String receiving) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("title", "Acuerdo de prueba " + code);
        form.put("sendingPartyCode", sending);
        form.put("receivingPartyCode", receiving);
        form.put("status", "DRAFT");
        form.put("validFrom", "2026-01-01");
        form.put("validTo", "");
        form.put("capacityQuota", "40");
        form.put("sentenceRegime", "US_FEDERAL_FSA");
        form.put("gctDaysPerYear", "54");
        form.put("facilityCode", "CECOT");
        form.put("rule-FINAL_CONVICTION_REQUIRED", "true");
        form.put("rule-MIN_REMAINING_SENTENCE_DAYS", "true");
        form.put("param-MIN_REMAINING_SENTENCE_DAYS-days", "365");
        form.put("rule-NATIONALITY_EXCLUDED", "true");
        form.put("param-NATIONALITY_EXCLUDED-nationalities", "sv, gt");
        form.put("fee0-kind", "CUSTODY_DAY");
        form.put("fee0-amount", "55.00");
        form.put("fee0-currency", "usd");
        form.put("fee0-effectiveFrom", "2026-01-01");
        form.put("fee1-kind", "INTAKE_FEE");
        form.put("fee1-amount", "250");
        form.put("fee1-currency", "USD");
        form.put("fee1-effectiveFrom", "2026-01-01");
        form.put("fee2-kind", "");
        form.put("fee2-currency", "USD");
        return form;
    }

    @Test
    void theAdminCreatesAndAmendsAnAgreementAndTheListShowsItInWords() {
        String sending = party("AS", "US");
        String receiving = party("AR", "SV");
        String code = "AC-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        SignedInConsole admin = SignedInConsole.signIn(baseUrl, "admin");
        HttpResponse<String> blank = admin.get("/admin/agreements/new?lang=es");
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("Nuevo acuerdo", "Condena firme", "Día de custodia", "Federal de EE. UU.",
                "Reglas de elegibilidad").doesNotContain(">CUSTODY_DAY<", ">US_FEDERAL_FSA<", "??");

        HttpResponse<String> created = admin.submit("/admin/agreements", form(code, sending, receiving), "es");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("Acuerdo creado.", "Acuerdo " + code, "value=\"365\"", "value=\"sv, gt\"",
                "value=\"55.00\"");
        var api = as("admin").get("/api/v1/agreements/" + code).json();
        assertThat(api.path("capacityQuota").asInt()).isEqualTo(40);
        assertThat(api.path("eligibilityPolicy").path("rules").size()).isEqualTo(3);
        assertThat(api.path("feeSchedule").size()).isEqualTo(2);
        assertThat(api.path("feeSchedule").get(0).path("currency").asString()).isEqualTo("USD");

        Map<String, String> amended = form(code, sending, receiving);
        amended.put("capacityQuota", "60");
        amended.put("version", "1");
        amended.remove("rule-NATIONALITY_EXCLUDED");
        HttpResponse<String> saved = admin.submit("/admin/agreements/" + code, amended, "en");
        assertThat(saved.body()).contains("Agreement amended.", "Version 2");
        var after = as("admin").get("/api/v1/agreements/" + code).json();
        assertThat(after.path("capacityQuota").asInt()).isEqualTo(60);
        assertThat(after.path("eligibilityPolicy").path("rules").size()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT action FROM ledger_entry WHERE subject_type = 'AGREEMENT' AND subject_id = ? "
                + "ORDER BY sequence").param(code).query(String.class).list())
                .containsExactly("AGREEMENT_CREATED", "AGREEMENT_AMENDED");

        HttpResponse<String> stale = admin.submit("/admin/agreements/" + code, amended, "es");
        assertThat(stale.body()).contains("Alguien cambió estos datos");

        var list = as("admin").get("/admin/agreements?lang=es", HTML);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains(code, "Borrador", "US-SV-2025", "Vigente").doesNotContain(">DRAFT<", ">ACTIVE<");
        assertThat(as("admin").get("/admin/agreements?lang=en", HTML).text()).contains("Draft", "open-ended");
    }

    @Test
    void aRefusedAgreementKeepsWhatWasTypedAndSaysNextToEachFieldWhatToChangeInThePagesLanguage() {
        String sending = party("BS", "US");
        String code = "BC-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        SignedInConsole admin = SignedInConsole.signIn(baseUrl, "admin");
        admin.get("/admin/agreements/new");
        Map<String, String> form = form(code, sending, sending);
        form.put("title", "");
        form.put("capacityQuota", "-3");
        form.put("param-MIN_REMAINING_SENTENCE_DAYS-days", "");
        form.put("fee0-amount", "cincuenta");
        HttpResponse<String> es = admin.submit("/admin/agreements", form, "es");
        assertThat(es.body()).contains("id=\"title-error\"", "id=\"capacityQuota-error\"",
                "id=\"receivingPartyCode-error\"", "id=\"param-MIN_REMAINING_SENTENCE_DAYS-days-error\"",
                "id=\"fee0-amount-error\"", "Las dos partes deben ser distintas.", "Complete este campo.",
                "Tarifa 1: Importe", "value=\"cincuenta\"", "value=\"-3\"", "value=\"sv, gt\"")
                .doesNotContain("feeSchedule[0]", "eligibilityPolicy.rules");
        HttpResponse<String> en = admin.submit("/admin/agreements", form, "en");
        assertThat(en.body()).contains("id=\"fee0-amount-error\"", "Fee 1: Amount", "The two parties must differ.")
                .doesNotContain("feeSchedule[0]");
        assertThat(as("admin").get("/api/v1/agreements/" + code).status()).isEqualTo(404);
    }

    @Test
    void onlyTheAdministratorOpensTheAgreementPages() {
        for (String other : List.of("intake", "oversight", "us-agency", "finance")) {
            assertThat(as(other).get("/admin/agreements", HTML).status()).as(other).isEqualTo(403);
            assertThat(as(other).get("/admin/agreements/US-SV-2025", HTML).status()).as(other).isEqualTo(403);
        }
        assertThat(as("admin").get("/admin/agreements/NO-SUCH", HTML).status()).isEqualTo(404);
    }
}
