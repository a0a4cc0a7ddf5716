package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Oversight browses the log in the console: paged, filtered by action, subject, actor and day, each entry in full. */
class LedgerConsoleTest extends IntegrationTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    @Test
    void oversightListsFiltersAndOpensEntries() {
        String code = "LC" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Api.Response party = as("admin").post("/api/v1/parties", Map.of("code", code, "name", "Ledger console party",
                "country", "FR"));
        assertThat(party.status()).as(party.text()).isIn(200, 201);

        Api.Response all = as("oversight").get("/ledger/entries", HTML);
        assertThat(all.status()).as(all.text()).isEqualTo(200);
        assertThat(all.text()).contains("Anotaciones del libro de registro", "id=\"ledger-entries\"", "Parte creada")
                .doesNotContain(">PARTY_CREATED<");

        Api.Response bySubject = as("oversight").get("/ledger/entries?subjectType=PARTY&subjectId=" + code, HTML);
        assertThat(bySubject.status()).isEqualTo(200);
        assertThat(rows(bySubject.text())).isEqualTo(1);
        assertThat(bySubject.text()).contains(">Parte</span>", "<code class=\"subject-id\">" + code + "</code>", "admin");

        Api.Response byAction = as("oversight").get("/ledger/entries?action=PARTY_CREATED&actor=admin", HTML);
        assertThat(byAction.text()).contains(code);
        assertThat(rows(byAction.text())).isEqualTo(count("action = 'PARTY_CREATED' AND actor = 'admin'"));
        Api.Response otherActor = as("oversight").get("/ledger/entries?subjectType=PARTY&subjectId=" + code
                + "&actor=nobody", HTML);
        assertThat(otherActor.text()).contains("id=\"no-entries\"");

        String today = jdbc.sql("SELECT to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM ledger_entry "
                + "WHERE subject_type = 'PARTY' AND subject_id = ?").param(code).query(String.class).single();
        assertThat(as("oversight").get("/ledger/entries?subjectId=" + code + "&from=" + today + "&to=" + today, HTML)
                .text()).contains(code);
        assertThat(as("oversight").get("/ledger/entries?subjectId=" + code + "&to=2000-01-01", HTML).text())
                .contains("id=\"no-entries\"");
        assertThat(as("oversight").get("/ledger/entries?from=yesterday", HTML).text())
                .contains("id=\"from-error\"", "El formato no es el esperado.");

        // paging: 50 a page, the next page starts below the last sequence shown
        if (count("true") > 50) {
            Matcher next = Pattern.compile("id=\"next-page\" rel=\"next\" href=\"([^\"]+)\"").matcher(all.text());
            assertThat(next.find()).isTrue();
            Api.Response older = as("oversight").get(next.group(1).replace("&amp;", "&"), HTML);
            assertThat(older.status()).isEqualTo(200);
            assertThat(rows(older.text())).isBetween(1L, 50L);
        }

        long sequence = jdbc.sql("SELECT sequence FROM ledger_entry WHERE subject_type = 'PARTY' AND subject_id = ?")
                .param(code).query(Long.class).single();
        Api.Response entry = as("oversight").get("/ledger/entries/" + sequence, HTML);
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.text()).contains("Anotación " + sequence, "Parte creada", "Ledger console party",
                "/api/v1/ledger/entries/" + sequence + "/proof");
        Api.Response english = as("oversight").get("/ledger/entries/" + sequence, Map.of("Accept", "text/html",
                "Accept-Language", "en"));
        assertThat(english.status()).isEqualTo(200);

        assertThat(as("custody").get("/ledger/entries", HTML).status()).isEqualTo(403);
        assertThat(as("oversight").get("/ledger/entries/999999999", HTML).status()).isEqualTo(404);
    }

    private long count(String where) {
        return Math.min(50, jdbc.sql("SELECT count(*) FROM ledger_entry WHERE " + where).query(Long.class).single());
    }

    private static long rows(String html) {
        return Pattern.compile("<tr data-action=").matcher(html).results().count();
    }
}
