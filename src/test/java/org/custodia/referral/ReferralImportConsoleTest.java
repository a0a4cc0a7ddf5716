package org.custodia.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.support.IntegrationTest;
import org.custodia.support.ReferralBodies;
import org.custodia.support.SignedInConsole;
import org.custodia.support.TestAgreements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bulk import in the console: a CSV uploaded through the form, with the result in the page's language. */
class ReferralImportConsoleTest extends IntegrationTest {

    @Autowired
    Clock clock;

    LocalDate today;
    String agreement;

    @BeforeEach
    void setUp() {
        today = LocalDate.now(clock);
        agreement = TestAgreements.create(as("admin"), "US", 100, List.of(TestAgreements.rule("FINAL_CONVICTION_REQUIRED")));
    }

    /** One referral on one line: a person, an order and a final conviction of ten years that began two years ago. */
    Map<String, String> line(String reference, String agreementCode) {
        Map<String, String> row = new HashMap<>();
        row.put("externalReference", reference);
        row.put("agreementCode", agreementCode);
        row.put("givenNames", "Carlos Andrés");
        row.put("familyNames", "Rojas");
        row.put("dateOfBirth", today.minusYears(30).toString());
        row.put("sex", "MALE");
        row.put("nationalities", "VE");
        row.put("identityDocuments", "PASSPORT:" + ReferralBodies.unique("V") + ":VE");
        row.put("biometricReference", ReferralBodies.unique("FBI"));
        row.put("court", "U.S. District Court, Southern District of Texas");
        row.put("convictionCountry", "US");
        row.put("caseNumber", ReferralBodies.unique("4:24-cr"));
        row.put("offences", "21 USC 841:Possession with intent to distribute");
        row.put("convictionDate", today.minusYears(2).toString());
        row.put("judgmentFinal", "true");
        row.put("finalSince", today.minusYears(1).toString());
        row.put("sentenceYears", "10");
        row.put("sentenceMonths", "0");
        row.put("sentenceDays", "0");
        row.put("lifeSentence", "false");
        row.put("relation", "CONCURRENT");
        row.put("sentenceStartDate", today.minusYears(2).toString());
        row.put("jailCreditDays", "120");
        row.put("commitmentOrderReference", ReferralBodies.unique("CO"));
        row.put("commitmentOrderAuthority", "U.S. District Court, S.D. Tex.");
        row.put("commitmentOrderIssuedOn", today.minusMonths(2).toString());
        row.put("gangGroup", "TREN_DE_ARAGUA");
        row.put("gangSource", "FBI gang database");
        row.put("fitToTravel", "true");
        row.put("consent", "NOT_ASKED");
        row.put("consularNotificationRequested", "true");
        return row;
    }

    long stored(String... references) {
        return jdbc.sql("SELECT count(*) FROM referral WHERE external_reference IN (:refs)")
                .param("refs", List.of(references)).query(Long.class).single();
    }

    @Test
    void twoGoodLinesAreImportedAndTheBadOneIsListedWithItsLineAndItsProblemsInSpanish() {
        String a = ReferralBodies.unique("IMP-A");
        String b = ReferralBodies.unique("IMP-B");
        String c = ReferralBodies.unique("IMP-C");
        Map<String, String> bad = line(c, agreement);
        bad.put("dateOfBirth", "01/02/1990");
        bad.put("sentenceYears", "ten");
        String csv = new ReferralCsv()
                .row(line(a, agreement))       // line 2
                .row(line(b, ""))              // line 3: the agreement chosen in the form
                .row(bad)                      // line 4: two problems
                .toString();

        SignedInConsole agency = SignedInConsole.signIn(baseUrl, "us-agency");
        HttpResponse<String> list = agency.get("/referrals?lang=es");
        assertThat(list.body()).contains("href=\"/referrals/import\"").contains("Importar remisiones (CSV)");
        HttpResponse<String> form = agency.get("/referrals/import?lang=es");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("enctype=\"multipart/form-data\"")
                .contains("data-working=\"Importando las remisiones")
                .contains("<label for=\"file\">Archivo CSV</label>");

        HttpResponse<String> page = agency.postMultipart("/referrals/import?lang=es", Map.of("agreementCode", agreement),
                "file", "remisiones.csv", csv);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("Se importaron 2 remisiones.").contains("Se rechazó 1 remisión.")
                .contains("3 líneas leídas, 3 remisiones.");
        String refused = html.substring(html.indexOf("id=\"refused-rows\""), html.indexOf("id=\"stored-rows\""));
        assertThat(refused).contains("data-lines=\"4\"").contains(c).doesNotContain(a).doesNotContain(b)
                .contains("Fecha de nacimiento (columna «dateOfBirth»): el valor no tiene el formato esperado")
                .contains("(columna «sentenceYears»): el valor no tiene el tipo esperado");
        String storedTable = html.substring(html.indexOf("id=\"stored-rows\""));
        assertThat(storedTable).contains(a).contains(b).contains("Presentada");
        assertThat(html).doesNotContain("INVALID_FORMAT").doesNotContain("INVALID_TYPE").doesNotContain("??")
                .doesNotContain(">SUBMITTED<").contains("href=\"/referrals?status=SUBMITTED\"");
        assertThat(stored(a, b)).isEqualTo(2);
        assertThat(stored(c)).isZero();
    }

    @Test
    void theResultIsInEnglishOnAnEnglishPageAndAnUnreadableFileIsRefusedWhole() {
        String a = ReferralBodies.unique("IMP-E");
        SignedInConsole agency = SignedInConsole.signIn(baseUrl, "us-agency");
        agency.get("/referrals/import?lang=en");
        Map<String, String> bad = line(a, agreement);
        bad.put("sex", "M");
        HttpResponse<String> page = agency.postMultipart("/referrals/import?lang=en", Map.of(), "file", "r.csv",
                new ReferralCsv().row(bad).toString());
        assertThat(page.body()).contains("No referral was imported.").contains("1 referral was refused.")
                .contains("Sex (column “sex”): is not an allowed value").doesNotContain("??");

        HttpResponse<String> unreadable = agency.postMultipart("/referrals/import?lang=es", Map.of(), "file", "r.csv",
                "externalReference,colour\r\nX,red\r\n");
        assertThat(unreadable.statusCode()).isEqualTo(200);
        assertThat(unreadable.body()).contains("El archivo no se importó: tiene un problema.")
                .contains("(columna «colour»): la cabecera nombra una columna que no existe")
                .doesNotContain("UNKNOWN_COLUMN").doesNotContain("id=\"import-result\"");
        assertThat(stored(a)).isZero();
    }

    @Test
    void thePageRendersInBothLanguages() {
        SignedInConsole agency = SignedInConsole.signIn(baseUrl, "us-agency");
        String es = agency.get("/referrals/import?lang=es").body();
        assertThat(es).contains("<h1>Importar remisiones</h1>").contains("Columnas de cada condena:")
                .contains("sentenceYears").contains(agreement).doesNotContain("??");
        String en = agency.get("/referrals/import?lang=en").body();
        assertThat(en).contains("<h1>Import referrals</h1>").contains("Columns of each conviction:")
                .contains("Importing the referrals").doesNotContain("??");
    }

    @Test
    void aUserWithoutThePermissionGets403AndNoLink() {
        SignedInConsole intake = SignedInConsole.signIn(baseUrl, "intake");
        HttpResponse<String> list = intake.get("/referrals?lang=es");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("/referrals/import");
        assertThat(intake.get("/referrals/import").statusCode()).isEqualTo(403);
        String reference = ReferralBodies.unique("IMP-X");
        HttpResponse<String> posted = intake.postMultipart("/referrals/import", Map.of("agreementCode", agreement),
                "file", "r.csv", new ReferralCsv().row(line(reference, agreement)).toString());
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(stored(reference)).isZero();
    }
}
