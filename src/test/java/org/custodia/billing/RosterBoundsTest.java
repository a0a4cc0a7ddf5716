package org.custodia.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.billing.BillingFixtures.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.custodia.support.RawHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A reconciliation roster is bounded: over 8 MB (declared or streamed) or over 50,000 lines it is refused whole with
 * a 413 problem of billing's own codes, and no reconciliation is stored or ledgered.
 */
class RosterBoundsTest extends IntegrationTest {

    static final long MAX_BYTES = 8L * 1024 * 1024;
    static final int MAX_ROWS = 50_000;

    private long reconciliations(String number) {
        return jdbc.sql("SELECT count(*) FROM ledger_entry WHERE action = 'INVOICE_RECONCILED'").query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM reconciliation").query(Long.class).single();
    }

    private String invoice() {
        String code = agreement(as("admin"), null);
        record(as("reception"), held(code, local("2025-03-01T09:00")));
        return run(as("finance"), code, "2025-04").get("number").asString();
    }

    private static void isProblem(int status, String contentType, JsonNode problem, String code) {
        assertThat(status).as(problem.toString()).isEqualTo(413);
        assertThat(contentType).startsWith("application/problem+json");
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    @Test
    void aRosterOverEightMegabytesIsRefusedDeclaredOrStreamed() throws Exception {
        String number = invoice();
        long before = reconciliations(number);
        String path = "/api/v1/invoices/" + number + "/reconciliation";
        RawHttp.Answer declared = RawHttp.send(port, "POST", path, Map.of("Authorization",
                RawHttp.basic("us-agency", "demo"), "Content-Type", "text/csv", "Content-Length",
                Long.toString(MAX_BYTES + 1)), out -> out.write("externalReference,days\n".getBytes(StandardCharsets.UTF_8)));
        isProblem(declared.status(), declared.header("Content-Type"), Api.JSON.readTree(declared.body()), "ROSTER_TOO_LARGE");

        byte[] lines = "DHS-0000000001,30\n".repeat(500).getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer streamed = RawHttp.send(port, "POST", path, Map.of("Authorization",
                RawHttp.basic("us-agency", "demo"), "Content-Type", "text/csv", "Transfer-Encoding", "chunked"),
                RawHttp.chunked(lines, MAX_BYTES + 16 * 1024));
        isProblem(streamed.status(), streamed.header("Content-Type"), Api.JSON.readTree(streamed.body()), "ROSTER_TOO_LARGE");
        assertThat(reconciliations(number)).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aRosterOfMoreThanFiftyThousandLinesIsRefusedAsCsvAndAsJson() {
        String number = invoice();
        long before = reconciliations(number);
        String path = "/api/v1/invoices/" + number + "/reconciliation";
        StringBuilder csv = new StringBuilder("externalReference,days\n");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i <= MAX_ROWS; i++) {
            csv.append("DHS-").append(i).append(",30\n");
            lines.add(Map.of("externalReference", "DHS-" + i, "days", 30));
        }
        Api.Response asCsv = as("us-agency").send("POST", path, csv.toString(), Map.of("Content-Type", "text/csv"));
        isProblem(asCsv.status(), asCsv.header("Content-Type"), asCsv.json(), "ROSTER_TOO_MANY_ROWS");
        Api.Response asJson = as("us-agency").post(path, Map.of("lines", lines));
        isProblem(asJson.status(), asJson.header("Content-Type"), asJson.json(), "ROSTER_TOO_MANY_ROWS");
        assertThat(reconciliations(number)).as("nothing stored").isEqualTo(before);

        Api.Response fine = as("us-agency").send("POST", path, "externalReference,days\nDHS-1,30\n",
                Map.of("Content-Type", "text/csv"));
        assertThat(fine.status()).as("a roster within bounds is reconciled").isEqualTo(201);
    }
}
