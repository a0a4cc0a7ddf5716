package org.custodia.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.billing.BillingFixtures.*;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.custodia.support.TestAgreements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Reconciliation with the sending agency's roster, payments and ageing, the formats, who reads what. */
class BillingAccountsTest extends IntegrationTest {

    @Autowired
    Clock clock;

    @Test
    void theRosterIsReconciledLineByLineWithEveryKindOfDifference() {
        String code = agreement(as("admin"), null);
        Map<String, Object> ba = held(code, local("2025-03-01T09:00"));
        Map<String, Object> bb = held(code, local("2025-03-01T09:00"));
        Map<String, Object> bc = held(code, local("2025-03-01T09:00"));
        String a = record(as("reception"), ba);
        record(as("reception"), bb);
        record(as("reception"), bc);
        JsonNode april = run(as("finance"), code, "2025-04");
        String number = april.get("number").asString();
        String refA = reference(ba);
        String refB = reference(bb);
        String refC = reference(bc);
        String csv = "externalReference,days\n" + refA + ",30\n" + refB + ",28\nDHS-NOT-OURS-1,12\n";
        Api.Response r = as("us-agency").send("POST", "/api/v1/invoices/" + number + "/reconciliation", csv,
                Map.of("Content-Type", "text/csv"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode result = r.json();
        assertThat(result.get("counts").toString()).isEqualTo(
                "{\"matched\":1,\"daysDiffer\":1,\"rosterOnly\":1,\"invoiceOnly\":1}");
        Map<String, JsonNode> byRef = new java.util.HashMap<>();
        result.get("lines").forEach(l -> byRef.put(l.get("externalReference").asString(), l));
        assertThat(byRef.get(refA).get("outcome").asString()).isEqualTo("MATCHED");
        assertThat(byRef.get(refA).get("prisonerNumber").asString()).isEqualTo(a);
        assertThat(byRef.get(refA).get("sources").get(0).get("admissionEvent").isNull()).isFalse();
        assertThat(byRef.get(refB).get("outcome").asString()).isEqualTo("DAYS_DIFFER");
        assertThat(byRef.get(refB).get("difference").asInt()).isEqualTo(2);
        assertThat(byRef.get("DHS-NOT-OURS-1").get("outcome").asString()).isEqualTo("ROSTER_ONLY");
        assertThat(byRef.get(refC).get("outcome").asString()).isEqualTo("INVOICE_ONLY");
        assertThat(byRef.get(refC).get("invoiceDays").asInt()).isEqualTo(30);
        // the same as JSON
        Api.Response json = as("us-agency").post("/api/v1/invoices/" + number + "/reconciliation",
                Map.of("lines", List.of(Map.of("externalReference", refA, "days", 30))));
        assertThat(json.status()).isEqualTo(201);
        assertThat(json.json().get("counts").get("invoiceOnly").asInt()).isEqualTo(2);
        Api.Response bad = as("us-agency").send("POST", "/api/v1/invoices/" + number + "/reconciliation",
                "externalReference,days\nX,many\n", Map.of("Content-Type", "text/csv"));
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void partialPaymentsAndAgeing() {
        String code = agreement(as("admin"), null);
        record(as("reception"), held(code, local("2025-04-01T09:00")));
        JsonNode april = run(as("finance"), code, "2025-04");
        String number = april.get("number").asString();
        assertThat(april.get("total").asString()).isEqualTo("1900.00"); // 30 × 55.00 + 250.00
        LocalDate today = LocalDate.now(clock.withZone(SV));
        Api finance = as("finance");
        Api.Response first = finance.post("/api/v1/invoices/" + number + "/payments",
                Map.of("amount", "1000.00", "paidOn", today.toString(), "reference", "WIRE-1"),
                Map.of("Idempotency-Key", "pay-" + number));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.json().get("outstanding").asString()).isEqualTo("900.00");
        Api.Response retry = finance.post("/api/v1/invoices/" + number + "/payments",
                Map.of("amount", "1000.00", "paidOn", today.toString(), "reference", "WIRE-1"),
                Map.of("Idempotency-Key", "pay-" + number));
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        Api.Response tooMuch = finance.post("/api/v1/invoices/" + number + "/payments",
                Map.of("amount", "900.01", "paidOn", today.toString(), "reference", "WIRE-2"));
        assertThat(tooMuch.json().get("code").asString()).isEqualTo("PAYMENT_EXCEEDS_BALANCE");
        assertThat(as("us-agency").post("/api/v1/invoices/" + number + "/payments",
                Map.of("amount", "1.00", "paidOn", today.toString(), "reference", "X")).status()).isEqualTo(403);

        JsonNode statement = finance.get("/api/v1/agreements/" + code + "/statement").json();
        assertThat(statement.get("invoiced").asString()).isEqualTo("1900.00");
        assertThat(statement.get("paid").asString()).isEqualTo("1000.00");
        assertThat(statement.get("balance").asString()).isEqualTo("900.00");
        assertThat(statement.get("ageing").get("days0to30").asString()).isEqualTo("900.00");
        assertThat(ageing(code, today.plusDays(45)).get("days31to60").asString()).isEqualTo("900.00");
        assertThat(ageing(code, today.plusDays(75)).get("days61to90").asString()).isEqualTo("900.00");
        JsonNode old = ageing(code, today.plusDays(120));
        assertThat(old.get("over90").asString()).isEqualTo("900.00");
        assertThat(old.get("days0to30").asString()).isEqualTo("0.00");

        Api.Response rest = finance.post("/api/v1/invoices/" + number + "/payments",
                Map.of("amount", "900.00", "paidOn", today.toString(), "reference", "WIRE-2"));
        assertThat(rest.json().get("outstanding").asString()).isEqualTo("0.00");
        assertThat(finance.get("/api/v1/agreements/" + code + "/statement").json().get("balance").asString())
                .isEqualTo("0.00");
        assertThat(finance.get("/api/v1/invoices/" + number + "/payments").json()).hasSize(2);
    }

    private JsonNode ageing(String code, LocalDate asOf) {
        return as("finance").get("/api/v1/agreements/" + code + "/statement?asOf=" + asOf).json().get("ageing");
    }

    @Test
    void theInvoiceAsBilingualPdfAndAsCsv() throws Exception {
        String code = agreement(as("admin"), null);
        String n = record(as("reception"), held(code, local("2025-04-20T09:00")));
        String number = run(as("finance"), code, "2025-04").get("number").asString();
        Api.Response pdf = as("us-agency").get("/api/v1/invoices/" + number, Map.of("Accept", "application/pdf"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Factura / Invoice " + number).contains(n).contains("Días / Days")
                    .contains("Total: 855.00 USD").contains("Redondeo");
        }
        Api.Response csv = as("oversight").get("/api/v1/invoices/" + number, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        List<String> rows = csv.text().lines().toList();
        assertThat(rows.get(0)).startsWith("line,kind,prisonerNumber,externalReference");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).contains("CUSTODY_DAYS").contains(n).contains(",11,55.00,605.00");
        assertThat(new String(csv.bytes(), StandardCharsets.UTF_8)).contains("INTAKE_FEE");
    }

    @Test
    void aSendingAgencyReadsOnlyItsOwnInvoicesAndOversightReadsAll() {
        Api admin = as("admin");
        String other = TestAgreements.party(admin, "CO");
        String otherCode = TestAgreements.create(admin, other, 10, TestAgreements.demoPolicy());
        String ours = agreement(admin, null);
        record(as("reception"), held(otherCode, local("2025-04-02T09:00")));
        record(as("reception"), held(ours, local("2025-04-02T09:00")));
        String theirs = run(as("finance"), otherCode, "2025-04").get("number").asString();
        String mine = run(as("finance"), ours, "2025-04").get("number").asString();
        Api agency = as("us-agency");
        assertThat(agency.get("/api/v1/invoices/" + mine).status()).isEqualTo(200);
        Api.Response hidden = agency.get("/api/v1/invoices/" + theirs);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("code").asString()).isEqualTo("INVOICE_NOT_FOUND");
        assertThat(agency.get("/api/v1/invoices").text()).contains(mine).doesNotContain(theirs);
        assertThat(as("oversight").get("/api/v1/invoices/" + theirs).status()).isEqualTo(200);
        assertThat(as("custody").get("/api/v1/invoices/" + mine).status()).isEqualTo(403);
    }

    @Test
    void sustainabilityComparesFeeRevenueWithTheSystemsCost() {
        Api.Response r = as("oversight").get("/api/v1/billing/sustainability?year=2025");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("annualOperatingCost").asString()).isEqualTo("200000000.00");
        assertThat(report.get("months")).hasSize(12);
        JsonNode april = report.get("months").get(3);
        assertThat(april.get("period").asString()).isEqualTo("2025-04");
        // 200,000,000 × 30 / 365 = 16,438,356.1643... rounded half-even to the cent
        assertThat(april.get("operatingCost").asString()).isEqualTo("16438356.16");
        // the cost per prisoner-day: 16,438,356.16 / (110,000 × 30) = 4.9813...
        assertThat(april.get("costPerPrisonerDay").asString()).isEqualTo("4.98");
        java.math.BigDecimal revenue = new java.math.BigDecimal(april.get("revenue").asString());
        java.math.BigDecimal share = new java.math.BigDecimal(april.get("coveredPercent").asString());
        assertThat(share).isEqualByComparingTo(revenue.multiply(java.math.BigDecimal.valueOf(100))
                .divide(new java.math.BigDecimal("16438356.16"), 2, java.math.RoundingMode.HALF_EVEN));
        assertThat(report.get("yearToDate").get("operatingCost").asString()).isEqualTo("200000000.00");
        assertThat(as("us-agency").get("/api/v1/billing/sustainability?year=2025").status()).isEqualTo(403);
    }

    @SuppressWarnings("unchecked")
    private static String reference(Map<String, Object> body) {
        return ((Map<String, Object>) body.get("dossier")).get("externalReference").toString();
    }
}
