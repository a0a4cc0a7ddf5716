package org.custodia.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.custodia.support.RawHttp;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestAgreements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The bulk import is bounded: a body over 32 MB (declared, or streamed without a length) and more than 20,000 rows
 * (CSV lines or JSON items) are refused whole with a 413 problem of referral's own codes, and nothing of them is
 * stored or ledgered.
 */
class ImportBoundsTest extends IntegrationTest {

    static final long MAX_BYTES = 32L * 1024 * 1024;
    static final int MAX_ROWS = 20_000;

    @Autowired
    Clock clock;

    private long stored() {
        return jdbc.sql("SELECT count(*) FROM ledger_entry WHERE action IN ('REFERRAL_IMPORT', 'REFERRAL_SUBMITTED')")
                .query(Long.class).single() + jdbc.sql("SELECT count(*) FROM referral").query(Long.class).single();
    }

    private static void isProblem(RawHttp.Answer answer, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = Api.JSON.readTree(answer.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    @Test
    void aDeclaredLengthOverTheBoundIsRefusedBeforeTheBodyIsRead() throws Exception {
        long before = stored();
        byte[] start = "externalReference,agreementCode\nX-1,US-SV-2025\n".getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.send(port, "POST", "/api/v1/referrals/import",
                Map.of("Authorization", RawHttp.basic("us-agency", "demo"), "Content-Type", "text/csv",
                        "Content-Length", Long.toString(MAX_BYTES + 1)),
                out -> out.write(start)); // the rest never comes: the server must answer on the header alone
        isProblem(answer, "REFERRAL_IMPORT_TOO_LARGE");
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aStreamedBodyOverTheBoundIsRefusedAsItPassesIt() throws Exception {
        long before = stored();
        String prefix = ReferralBodies.unique("BOUND");
        StringBuilder unit = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            unit.append(prefix).append("-").append(i).append(",US-SV-2025,Carlos,Rojas\n");
        }
        byte[] header = "externalReference,agreementCode,givenNames,familyNames\n".getBytes(StandardCharsets.UTF_8);
        byte[] rows = unit.toString().getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.send(port, "POST", "/api/v1/referrals/import",
                Map.of("Authorization", RawHttp.basic("us-agency", "demo"), "Content-Type", "text/csv",
                        "Transfer-Encoding", "chunked"),
                RawHttp.chunked(header, rows, MAX_BYTES + 64 * 1024));
        isProblem(answer, "REFERRAL_IMPORT_TOO_LARGE");
        assertThat(stored()).as("nothing stored").isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE external_reference LIKE ?").param(prefix + "-%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void moreRowsThanTheBoundAreRefusedWholeAsCsvAndAsJson() {
        long before = stored();
        String prefix = ReferralBodies.unique("ROWS");
        StringBuilder csv = new StringBuilder("externalReference,agreementCode\n");
        for (int i = 0; i <= MAX_ROWS; i++) {
            csv.append(prefix).append('-').append(i).append(",US-SV-2025\n");
        }
        Api.Response refused = as("us-agency").send("POST", "/api/v1/referrals/import", csv.toString(),
                Map.of("Content-Type", "text/csv", "Idempotency-Key", prefix));
        assertThat(refused.status()).as(refused.text()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("REFERRAL_IMPORT_TOO_MANY_ROWS");
        assertThat(refused.json().get("detail").asString()).contains("20001", "20000");

        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i <= MAX_ROWS; i++) {
            items.add(Map.of());
        }
        Api.Response json = as("us-agency").post("/api/v1/referrals/import", items);
        assertThat(json.status()).as(json.text()).isEqualTo(413);
        assertThat(json.json().get("code").asString()).isEqualTo("REFERRAL_IMPORT_TOO_MANY_ROWS");
        assertThat(stored()).as("nothing stored").isEqualTo(before);

        // the refused key was not spent: the same key with an import within bounds goes through
        String agreement = TestAgreements.create(as("admin"), "US", 10, TestAgreements.demoPolicy());
        Api.Response fine = as("us-agency").post("/api/v1/referrals/import",
                List.of(ReferralBodies.eligible(LocalDate.now(clock), agreement)), Map.of("Idempotency-Key", prefix));
        assertThat(fine.status()).as(fine.text()).isEqualTo(200);
        assertThat(fine.json().get("stored").asInt()).isEqualTo(1);
    }
}
