package org.custodia.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.support.SignedInConsole;
import org.junit.jupiter.api.Test;

/** /consular: the consulate sees its nationals held with their facility and records consular visits to them. */
class ConsularConsoleTest extends CustodyTestSupport {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    @Test
    void theConsulSeesOnlyItsNationalsAndRecordsAVisitThatItsListShows() {
        String marker = "Consular" + unique().replaceAll("[0-9]", "x");
        String venezuelan = admit(command("CECOT", "Andrés " + marker, "Rivas", List.of("VE"), null));
        String salvadoran = admit(command("CECOT", "Mario " + marker, "Flores", List.of("SV"), null));

        var es = as("ve-consul").get("/consular?lang=es&q=" + marker, HTML);
        assertThat(es.status()).isEqualTo(200);
        assertThat(es.text()).contains("Nuestros nacionales", venezuelan, "Andrés " + marker, "En custodia", "CECOT",
                "Registrar una visita consular").doesNotContain(salvadoran, ">IN_CUSTODY<", "??");
        var en = as("ve-consul").get("/consular?lang=en&q=" + marker, HTML);
        assertThat(en.text()).contains("Our nationals", venezuelan, "In custody", "Record a consular visit")
                .doesNotContain(salvadoran);

        SignedInConsole consul = SignedInConsole.signIn(baseUrl, "ve-consul");
        consul.get("/consular?prisoner=" + venezuelan);
        String when = LocalDateTime.ofInstant(now().minus(20, ChronoUnit.MINUTES), zoneOf("CECOT"))
                .truncatedTo(ChronoUnit.MINUTES).toString();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("prisonerNumber", venezuelan);
        form.put("occurredAt", when);
        form.put("visitor", "Cónsul Elena Ruiz " + marker);
        form.put("organisation", "");
        HttpResponse<String> recorded = consul.submit("/consular/visits", form, "es");
        assertThat(recorded.statusCode()).isEqualTo(200);
        assertThat(recorded.body()).contains("Visita a " + venezuelan + " registrada", "Cónsul Elena Ruiz " + marker,
                "Consulado de VE", when.replace('T', ' '))
                .doesNotContain("Consulate of VE");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM prisoner_event e JOIN prisoner p ON p.id = e.prisoner_id
                        WHERE p.prisoner_number = ? AND e.type = 'VISIT' AND e.recorded_by = 've-consul'""")
                .param(venezuelan).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE action = 'PRISONER_ENTRY_RECORDED' "
                + "AND subject_id = ?").param(venezuelan).query(Long.class).single()).isOne();

        // refused: what was typed stays, each problem next to its field, in the page's language
        form.put("occurredAt", "");
        form.put("visitor", "");
        HttpResponse<String> refused = consul.submit("/consular/visits", form, "es");
        assertThat(refused.body()).contains("id=\"occurredAt-error\"", "id=\"visitor-error\"", "Complete este campo.");
        HttpResponse<String> refusedEn = consul.submit("/consular/visits", form, "en");
        assertThat(refusedEn.body()).contains("id=\"visitor-error\"", "Who visited");

        // another nationality's prisoner cannot be visited through the form
        form.put("prisonerNumber", salvadoran);
        form.put("occurredAt", when);
        form.put("visitor", "Someone");
        HttpResponse<String> other = consul.submit("/consular/visits", form, "en");
        assertThat(other.body()).contains("id=\"form-problems\"").doesNotContain("Visit to " + salvadoran);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM prisoner_event e JOIN prisoner p ON p.id = e.prisoner_id
                        WHERE p.prisoner_number = ? AND e.type = 'VISIT'""")
                .param(salvadoran).query(Long.class).single()).isZero();
    }

    @Test
    void onlyTheConsulateOpensThePage() {
        for (String other : List.of("custody", "admin", "oversight", "us-agency", "intake")) {
            assertThat(as(other).get("/consular", HTML).status()).as(other).isEqualTo(403);
        }
    }
}
