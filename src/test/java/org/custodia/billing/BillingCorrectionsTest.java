package org.custodia.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.billing.BillingFixtures.*;

import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An issued invoice never changes: late corrections and upheld disputes become adjustments on the next invoice. */
class BillingCorrectionsTest extends IntegrationTest {

    @Test
    void aReleaseBackdatedIntoIssuedMonthsIsAdjustedOnTheNextInvoice() {
        String code = agreement(as("admin"), null);
        String n = record(as("reception"), held(code, local("2025-03-15T10:00")));
        String stays = record(as("reception"), held(code, local("2025-03-20T10:00")));
        JsonNode march = run(as("finance"), code, "2025-03");
        JsonNode april = run(as("finance"), code, "2025-04");
        assertThat(days(march, n)).isEqualTo(17);
        assertThat(days(april, n)).isEqualTo(30);
        // the release is entered late: he left on 25 March
        Api.Response released = as("custody").post("/api/v1/prisoners/" + n + "/releases",
                release(local("2025-03-25T11:00")));
        assertThat(released.status()).as(released.text()).isEqualTo(201);
        String marchNumber = march.get("number").asString();
        String aprilNumber = april.get("number").asString();
        assertThat(as("finance").get("/api/v1/invoices/" + marchNumber).json()).isEqualTo(march);

        JsonNode may = run(as("finance"), code, "2025-05");
        assertThat(lines(may, "CUSTODY_DAYS", n)).isEmpty();
        assertThat(days(may, stays)).isEqualTo(31);
        List<JsonNode> adjustments = lines(may, "ADJUSTMENT", n);
        assertThat(adjustments).hasSize(2);
        JsonNode ofMarch = adjustments.stream().filter(a -> a.get("corrects").get("invoice").asString().equals(marchNumber))
                .findFirst().orElseThrow();
        int marchLine = lines(march, "CUSTODY_DAYS", n).get(0).get("line").asInt();
        assertThat(ofMarch.get("corrects").get("line").asInt()).isEqualTo(marchLine);
        assertThat(ofMarch.get("corrects").get("kind").asString()).isEqualTo("CUSTODY_DAYS");
        assertThat(ofMarch.get("corrects").get("source").asString()).isEqualTo("RECOMPUTATION");
        assertThat(ofMarch.get("days").asInt()).isEqualTo(-7); // 17 billed, 10 due (15 to 24 March)
        assertThat(ofMarch.get("amount").asString()).isEqualTo("-385.00");
        JsonNode ofApril = adjustments.stream().filter(a -> a.get("corrects").get("invoice").asString().equals(aprilNumber))
                .findFirst().orElseThrow();
        assertThat(ofApril.get("days").asInt()).isEqualTo(-30);
        assertThat(ofApril.get("amount").asString()).isEqualTo("-1650.00");
        assertThat(may.get("total").asString()).isEqualTo("-330.00"); // 31 × 55.00 − 385.00 − 1650.00
        // the issued invoices are as they were, and June does not correct the same days twice
        assertThat(as("finance").get("/api/v1/invoices/" + marchNumber).json()).isEqualTo(march);
        assertThat(as("finance").get("/api/v1/invoices/" + aprilNumber).json()).isEqualTo(april);
        JsonNode june = run(as("finance"), code, "2025-06");
        assertThat(lines(june, "ADJUSTMENT", n)).isEmpty();
        assertThat(ledgerActions("INVOICE", may.get("number").asString())).contains("INVOICE_ISSUED", "INVOICE_ADJUSTMENT",
                "BILLING_RUN");
    }

    @Test
    void aDisputeUpheldIsCreditedOnTheNextInvoiceAndOneRejectedIsNot() {
        String code = agreement(as("admin"), null);
        String a = record(as("reception"), held(code, local("2025-09-01T10:00")));
        String b = record(as("reception"), held(code, local("2025-09-01T11:00")));
        JsonNode september = run(as("finance"), code, "2025-09");
        String number = september.get("number").asString();
        int lineA = lines(september, "CUSTODY_DAYS", a).get(0).get("line").asInt();
        int lineB = lines(september, "INTAKE_FEE", b).get(0).get("line").asInt();
        Api agency = as("us-agency");
        Api.Response disputeA = agency.post("/api/v1/invoices/" + number + "/lines/" + lineA + "/disputes",
                Map.of("reason", "Our records show him arriving on the 2nd"));
        assertThat(disputeA.status()).as(disputeA.text()).isEqualTo(201);
        assertThat(disputeA.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(disputeA.json().get("amount").asString()).isEqualTo("1650.00");
        assertThat(agency.post("/api/v1/invoices/" + number + "/lines/" + lineA + "/disputes", Map.of("reason", "again"))
                .json().get("code").asString()).isEqualTo("DISPUTE_OPEN");
        Api.Response disputeB = agency.post("/api/v1/invoices/" + number + "/lines/" + lineB + "/disputes",
                Map.of("reason", "No intake fee for a transfer"));
        assertThat(disputeB.status()).isEqualTo(201);
        assertThat(as("finance").get("/api/v1/agreements/" + code + "/statement").json().get("disputed").asString())
                .isEqualTo("1900.00");

        String idA = disputeA.json().get("id").asString();
        String idB = disputeB.json().get("id").asString();
        assertThat(agency.post("/api/v1/disputes/" + idA + "/resolution", Map.of("outcome", "UPHELD", "reason", "x"))
                .status()).isEqualTo(403);
        Api.Response upheld = as("finance").post("/api/v1/disputes/" + idA + "/resolution",
                Map.of("outcome", "UPHELD", "reason", "The handover was on the 2nd", "credit", "55.00"));
        assertThat(upheld.status()).as(upheld.text()).isEqualTo(200);
        assertThat(upheld.json().get("status").asString()).isEqualTo("UPHELD");
        Api.Response rejected = as("finance").post("/api/v1/disputes/" + idB + "/resolution",
                Map.of("outcome", "REJECTED", "reason", "Clause 7 bills every admission"));
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("resolution").asString()).isEqualTo("Clause 7 bills every admission");
        assertThat(as("finance").post("/api/v1/disputes/" + idB + "/resolution",
                Map.of("outcome", "UPHELD", "reason", "changed my mind")).json().get("code").asString())
                .isEqualTo("DISPUTE_NOT_OPEN");

        JsonNode october = run(as("finance"), code, "2025-10");
        List<JsonNode> credits = lines(october, "ADJUSTMENT", a);
        assertThat(credits).singleElement().satisfies(c -> {
            assertThat(c.get("amount").asString()).isEqualTo("-55.00");
            assertThat(c.get("corrects").get("invoice").asString()).isEqualTo(number);
            assertThat(c.get("corrects").get("line").asInt()).isEqualTo(lineA);
            assertThat(c.get("corrects").get("source").asString()).isEqualTo("DISPUTE");
        });
        assertThat(lines(october, "ADJUSTMENT", b)).isEmpty();
        assertThat(october.get("total").asString()).isEqualTo("3355.00"); // 2 × 31 × 55.00 − 55.00
        Api.Response after = as("finance").get("/api/v1/disputes?agreementCode=" + code + "&status=UPHELD");
        assertThat(after.json().get(0).get("creditedOnInvoice").asString()).isEqualTo(october.get("number").asString());
        assertThat(run(as("finance"), code, "2025-11").get("lines").toString()).doesNotContain("DISPUTE");
        assertThat(ledgerActions("DISPUTE", idA)).contains("INVOICE_LINE_DISPUTED", "DISPUTE_RESOLVED");
    }

    private List<String> ledgerActions(String type, String id) {
        return jdbc.sql("SELECT action FROM ledger_entry WHERE subject_type = ? AND subject_id = ? ORDER BY sequence")
                .params(type, id).query(String.class).list();
    }
}
