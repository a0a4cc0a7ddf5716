package org.custodia.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.billing.BillingFixtures.*;

import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The console's billing pages render for their readers, in both languages, with no inline script. */
class BillingConsoleTest extends IntegrationTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    @Test
    void invoicesInvoiceStatementAndDisputesPages() {
        String code = agreement(as("admin"), null);
        String n = record(as("reception"), held(code, local("2025-04-03T09:00")));
        JsonNode invoice = run(as("finance"), code, "2025-04");
        String number = invoice.get("number").asString();
        Api.Response list = as("finance").get("/billing/invoices?year=2025", HTML);
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.text()).contains(number).contains("revenue-chart").contains("coverage-chart")
                .contains("16438356.16").doesNotContain("<script>").doesNotContain("onclick");
        Api.Response page = as("finance").get("/billing/invoices/" + number, HTML);
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.text()).contains(n).contains("Días de custodia").contains("name=\"amount\"")
                .doesNotContain("name=\"reason\" required id=\"reason-1\"").contains("Líneas 1 a 2 de 2")
                .doesNotContain("class=\"pager\"");
        // the status and the rounding rule in words of the page's language, never the code or the API's English
        assertThat(page.text()).contains(">Emitida<").doesNotContain(">ISSUED<").contains("redondeada al centavo")
                .doesNotContain("rounded half-even");
        Api.Response agency = as("us-agency").get("/billing/invoices/" + number, HTML);
        assertThat(agency.status()).isEqualTo(200);
        assertThat(agency.text()).contains("id=\"reason-1\"").contains("id=\"roster\"").doesNotContain("name=\"amount\"");
        Api.Response english = as("finance").get("/billing/invoices/" + number, Map.of("Accept", "text/html",
                "Accept-Language", "en"));
        assertThat(english.status()).isEqualTo(200);
        // the list pages on the server, by agreement: its one invoice on the first page, none on the second
        String first = as("finance").get("/billing/invoices?agreement=" + code, HTML).text();
        assertThat(first).contains(number).doesNotContain("id=\"invoices-next\"");
        String second = as("finance").get("/billing/invoices?agreement=" + code + "&page=1", HTML).text();
        assertThat(second).doesNotContain(number).contains("id=\"invoices-previous\"");
        Api.Response statement = as("finance").get("/billing/statement?agreement=" + code, HTML);
        assertThat(statement.status()).as(statement.text()).isEqualTo(200);
        assertThat(statement.text()).contains(number).contains("90+");
        assertThat(as("oversight").get("/billing/disputes", HTML).status()).isEqualTo(200);
        assertThat(as("custody").get("/billing/invoices", HTML).status()).isEqualTo(403);
    }

    @Test
    void anInvoicePageShowsItsLines200AtATime() throws Exception {
        String code = agreement(as("admin"), null);
        for (int i = 0; i < 126; i++) { // 252 lines: two pages, two blocks of 250 in the database
            record(as("reception"), held(code, local("2025-04-03T09:00")));
        }
        String number = run(as("finance"), code, "2025-04").get("number").asString();
        Api.Response first = as("finance").get("/billing/invoices/" + number, HTML);
        assertThat(first.text()).contains("Líneas 1 a 200 de 252").contains("Página 1 de 2")
                .contains("/billing/invoices/" + number + "?page=1").doesNotContain("id=\"reason-1\"");
        Api.Response second = as("us-agency").get("/billing/invoices/" + number + "?page=1", HTML);
        assertThat(second.text()).as("the agency reads English").contains("Lines 201 to 252 of 252").contains("Page 2 of 2")
                .contains("id=\"reason-250\"").contains("id=\"reason-251\"").contains("id=\"reason-252\"")
                .doesNotContain("id=\"reason-200\"");
        Api.Response page = as("finance").get("/api/v1/invoices/" + number + "/lines?page=0&size=1000");
        assertThat(page.json().get("lines")).hasSize(252);
        for (int i = 0; i < 252; i++) {
            assertThat(page.json().get("lines").get(i).get("line").asInt()).isEqualTo(i + 1);
        }
        assertThat(as("finance").get("/api/v1/invoices/" + number).json().get("lines").toString())
                .as("the pages across both blocks are the invoice").isEqualTo(page.json().get("lines").toString());
        assertThat(BillingFixtures.linesSha256(as("finance").get("/api/v1/invoices/" + number).json()))
                .isEqualTo(BillingFixtures.ledgeredLinesSha256(as("oversight"), number));
        assertThat(as("us-agency").post("/api/v1/invoices/" + number + "/lines/251/disputes",
                java.util.Map.of("reason", "not ours")).status()).as("a line of the second block").isEqualTo(201);
    }
}
