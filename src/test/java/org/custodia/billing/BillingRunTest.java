package org.custodia.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.billing.BillingFixtures.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Monthly runs through the real API: prisoner-days, intake fees, rates, repeated and concurrent runs. */
class BillingRunTest extends IntegrationTest {

    @Autowired
    Clock clock;

    @Test
    void threePeopleHeldFromMarch15OneReleasedApril10() {
        String code = agreement(as("admin"), null);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = held(code, java.time.Instant.parse("2025-03-15T23:40:00Z"));
            if (i == 2) {
                body.put("release", release(local("2025-04-10T09:00")));
            }
            numbers.add(record(as("reception"), body));
        }
        JsonNode march = run(as("finance"), code, "2025-03");
        assertThat(march.get("status").asString()).isEqualTo("ISSUED");
        assertThat(march.get("currency").asString()).isEqualTo("USD");
        for (String n : numbers) {
            List<JsonNode> days = lines(march, "CUSTODY_DAYS", n);
            assertThat(days).hasSize(1);
            assertThat(days.get(0).get("days").asInt()).isEqualTo(17);
            assertThat(days.get(0).get("rate").asString()).isEqualTo("55.00");
            assertThat(days.get(0).get("amount").asString()).isEqualTo("935.00");
            assertThat(days.get(0).get("firstDay").asString()).isEqualTo("2025-03-15");
            assertThat(days.get(0).get("lastDay").asString()).isEqualTo("2025-03-31");
            assertThat(days.get(0).get("externalReference").asString()).startsWith("DHS-");
            assertThat(days.get(0).get("sources").get("admissionEvent").isNull()).isFalse();
            assertThat(lines(march, "INTAKE_FEE", n)).singleElement()
                    .satisfies(l -> assertThat(l.get("amount").asString()).isEqualTo("250.00"));
        }
        assertThat(march.get("total").asString()).isEqualTo("3555.00"); // 3 × (935.00 + 250.00)
        JsonNode april = run(as("finance"), code, "2025-04");
        assertThat(days(april, numbers.get(0))).isEqualTo(30);
        assertThat(days(april, numbers.get(1))).isEqualTo(30);
        assertThat(days(april, numbers.get(2))).isEqualTo(9);
        assertThat(lines(april, "INTAKE_FEE", numbers.get(0))).isEmpty();
        assertThat(april.get("total").asString()).isEqualTo("3795.00"); // 69 × 55.00
        assertThat(lines(april, "CUSTODY_DAYS", numbers.get(2)).get(0).get("sources").get("releaseEvent").isNull())
                .isFalse();
        assertThat(april.get("number").asString()).isNotEqualTo(march.get("number").asString());
    }

    @Test
    void aRepeatedRunGivesTheIdenticalInvoiceAndNeverTwo() throws Exception {
        String code = agreement(as("admin"), null);
        record(as("reception"), held(code, local("2025-05-03T10:00")));
        Api finance = as("finance");
        Map<String, String> body = Map.of("agreementCode", code, "period", "2025-05");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Api.Response>> calls = List.of(() -> finance.post("/api/v1/billing/runs", body),
                    () -> finance.post("/api/v1/billing/runs", body));
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 200);
            assertThat(answers.get(0).json()).isEqualTo(answers.get(1).json());
        } finally {
            pool.shutdown();
        }
        Api.Response again = finance.post("/api/v1/billing/runs", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM invoice WHERE agreement_code = ? AND period = '2025-05'").param(code)
                .query(Long.class).single()).isEqualTo(1);
        JsonNode invoice = again.json();
        assertThat(invoice.get("lines")).hasSize(2);
        assertThat(as("finance").get("/api/v1/invoices/" + invoice.get("number").asString()).json()).isEqualTo(invoice);
    }

    @Test
    void monthBoundariesFollowTheFacilitysLocalDate() {
        String code = agreement(as("admin"), null);
        // 2025-06-01T03:00Z is still 31 May in El Salvador: a May admission, one day in May
        String lateMay = record(as("reception"), held(code, java.time.Instant.parse("2025-06-01T03:00:00Z")));
        // admitted on the last day of June, released on the first day of July: June 1 day, July none
        Map<String, Object> body = held(code, local("2025-06-30T08:00"));
        body.put("release", release(local("2025-07-01T10:00")));
        String overnight = record(as("reception"), body);
        JsonNode may = run(as("finance"), code, "2025-05");
        assertThat(days(may, lateMay)).isEqualTo(1);
        assertThat(lines(may, "INTAKE_FEE", lateMay)).hasSize(1);
        JsonNode june = run(as("finance"), code, "2025-06");
        assertThat(days(june, lateMay)).isEqualTo(30);
        assertThat(days(june, overnight)).isEqualTo(1);
        assertThat(lines(june, "INTAKE_FEE", lateMay)).isEmpty();
        JsonNode july = run(as("finance"), code, "2025-07");
        assertThat(lines(july, "CUSTODY_DAYS", overnight)).isEmpty();
        assertThat(days(july, lateMay)).isEqualTo(31);
    }

    @Test
    void leapFebruaryHas29Days() {
        String code = agreement(as("admin"), null);
        String n = record(as("reception"), held(code, local("2024-01-20T12:00")));
        assertThat(days(run(as("finance"), code, "2024-02"), n)).isEqualTo(29);
        assertThat(days(run(as("finance"), code, "2025-02"), n)).isEqualTo(28);
    }

    @Test
    void aRateChangeMidMonthSplitsTheDaysIntoTwoLines() {
        String code = agreement(as("admin"), List.of(
                fee("CUSTODY_DAY", "55.00", "2024-01-01", "2025-06-15"),
                fee("CUSTODY_DAY", "60.50", "2025-06-16", null),
                fee("INTAKE_FEE", "250.00", "2024-01-01", null)));
        String n = record(as("reception"), held(code, local("2025-05-01T12:00")));
        JsonNode june = run(as("finance"), code, "2025-06");
        List<JsonNode> lines = lines(june, "CUSTODY_DAYS", n);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("days").asInt()).isEqualTo(15);
        assertThat(lines.get(0).get("lastDay").asString()).isEqualTo("2025-06-15");
        assertThat(lines.get(0).get("amount").asString()).isEqualTo("825.00");
        assertThat(lines.get(1).get("days").asInt()).isEqualTo(15);
        assertThat(lines.get(1).get("firstDay").asString()).isEqualTo("2025-06-16");
        assertThat(lines.get(1).get("rate").asString()).isEqualTo("60.50");
        assertThat(lines.get(1).get("amount").asString()).isEqualTo("907.50");
        assertThat(june.get("total").asString()).isEqualTo("1732.50");
    }

    @Test
    void aRateBySecurityLevelWinsOverTheFlatRate() {
        String code = agreement(as("admin"), List.of(
                fee("CUSTODY_DAY", "55.00", "2024-01-01", null),
                Map.of("kind", "CUSTODY_DAY", "amount", "70.00", "currency", "USD", "effectiveFrom", "2024-01-01",
                        "securityLevel", "MAXIMUM"),
                fee("INTAKE_FEE", "250.00", "2024-01-01", null)));
        Map<String, Object> maximum = held(code, local("2025-08-01T12:00")); // the body proposes MAXIMUM
        String max = record(as("reception"), maximum);
        Map<String, Object> medium = held(code, local("2025-08-01T12:00"));
        @SuppressWarnings("unchecked")
        Map<String, Object> dossier = (Map<String, Object>) medium.get("dossier");
        dossier.put("proposedSecurityLevel", "MEDIUM");
        String med = record(as("reception"), medium);
        JsonNode august = run(as("finance"), code, "2025-08");
        assertThat(lines(august, "CUSTODY_DAYS", max).get(0).get("rate").asString()).isEqualTo("70.00");
        assertThat(lines(august, "CUSTODY_DAYS", med).get(0).get("rate").asString()).isEqualTo("55.00");
    }

    @Test
    void aReclassificationMidMonthSplitsTheLineAtTheLevelsRate() {
        String code = agreement(as("admin"), List.of(
                fee("CUSTODY_DAY", "55.00", "2024-01-01", null),
                Map.of("kind", "CUSTODY_DAY", "amount", "70.00", "currency", "USD", "effectiveFrom", "2024-01-01",
                        "securityLevel", "MAXIMUM")));
        String n = record(as("reception"), held(code, local("2025-08-01T12:00"))); // the body proposes MAXIMUM
        Api.Response entry = as("classification").post("/api/v1/prisoners/" + n + "/events", Map.of(
                "type", "CLASSIFICATION", "occurredAt", local("2025-09-11T10:00").toString(),
                "securityLevel", "MEDIUM", "reason", "Review after 40 days"));
        assertThat(entry.status()).as(entry.text()).isEqualTo(201);
        JsonNode september = run(as("finance"), code, "2025-09");
        List<JsonNode> lines = lines(september, "CUSTODY_DAYS", n);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("securityLevel").asString()).isEqualTo("MAXIMUM");
        assertThat(lines.get(0).get("lastDay").asString()).isEqualTo("2025-09-10");
        assertThat(lines.get(0).get("days").asInt()).isEqualTo(10);
        assertThat(lines.get(0).get("amount").asString()).isEqualTo("700.00");
        assertThat(lines.get(1).get("securityLevel").asString()).isEqualTo("MEDIUM");
        assertThat(lines.get(1).get("firstDay").asString()).isEqualTo("2025-09-11");
        assertThat(lines.get(1).get("days").asInt()).isEqualTo(20);
        assertThat(lines.get(1).get("amount").asString()).isEqualTo("1100.00");
        // August, before the entry, stays at the maximum rate all month
        JsonNode august = run(as("finance"), code, "2025-08");
        assertThat(lines(august, "CUSTODY_DAYS", n)).singleElement()
                .satisfies(l -> assertThat(l.get("amount").asString()).isEqualTo("2170.00"));
    }

    @Test
    void sameDayAdmissionAndReleaseCountsOneDayAndTemporaryAbsencesStillCount() {
        String code = agreement(as("admin"), null);
        Map<String, Object> body = held(code, local("2025-07-10T08:00"));
        body.put("release", release(local("2025-07-10T16:00")));
        String sameDay = record(as("reception"), body);
        String absent = record(as("reception"), held(code, local("2025-06-20T08:00")));
        Api custody = as("custody");
        Api.Response out = custody.post("/api/v1/prisoners/" + absent + "/movements", Map.of("direction", "OUT",
                "reason", "HOSPITAL", "destination", "Hospital Rosales", "occurredAt", local("2025-07-05T09:00").toString()));
        assertThat(out.status()).as(out.text()).isEqualTo(201);
        Api.Response back = custody.post("/api/v1/prisoners/" + absent + "/movements", Map.of("direction", "IN",
                "occurredAt", local("2025-07-12T18:00").toString()));
        assertThat(back.status()).as(back.text()).isEqualTo(201);
        JsonNode july = run(as("finance"), code, "2025-07");
        assertThat(days(july, sameDay)).isEqualTo(1);
        assertThat(lines(july, "INTAKE_FEE", sameDay)).hasSize(1);
        assertThat(days(july, absent)).isEqualTo(31);
    }

    @Test
    void aMonthNotEndedIsPreviewedToDateAndNeverIssued() {
        String code = agreement(as("admin"), null);
        LocalDate today = LocalDate.now(clock.withZone(SV));
        String n = record(as("reception"), held(code, today.withDayOfMonth(1).atStartOfDay().plusMinutes(1).atZone(SV).toInstant()));
        String period = YearMonth.from(today).toString();
        Api.Response refused = as("finance").post("/api/v1/billing/runs", Map.of("agreementCode", code, "period", period));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("BILLING_PERIOD_NOT_ENDED");
        Api.Response preview = as("finance").get("/api/v1/billing/preview?agreementCode=" + code + "&period=" + period);
        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        assertThat(preview.json().get("status").asString()).isEqualTo("PREVIEW");
        assertThat(preview.json().get("number").isNull()).isTrue();
        assertThat(preview.json().get("lastDay").asString()).isEqualTo(today.toString());
        assertThat(days(preview.json(), n)).isEqualTo(today.getDayOfMonth());
        assertThat(jdbc.sql("SELECT count(*) FROM invoice WHERE agreement_code = ?").param(code).query(Long.class).single())
                .isZero();
    }

    @Test
    void badRunsAreClearProblemsAndOnlyFinanceRuns() {
        Api.Response bad = as("finance").post("/api/v1/billing/runs", Map.of("agreementCode", "", "period", "2025-13"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").toString()).contains("agreementCode").contains("period");
        assertThat(as("finance").post("/api/v1/billing/runs", Map.of("agreementCode", "NOPE-X", "period", "2025-04"))
                .json().get("code").asString()).isEqualTo("AGREEMENT_NOT_FOUND");
        assertThat(as("us-agency").post("/api/v1/billing/runs", Map.of("agreementCode", "US-SV-2025", "period", "2025-04"))
                .status()).isEqualTo(403);
    }

    @Test
    void aMinimalRunAnswersWithoutLinesWhichPageAndHashAsTheLedgerSays() throws Exception {
        String code = agreement(as("admin"), null);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = held(code, java.time.Instant.parse("2025-03-15T23:40:00Z"));
            if (i == 2) {
                body.put("release", release(local("2025-03-20T09:00")));
            }
            record(as("reception"), body);
        }
        Api finance = as("finance");
        Map<String, String> body = Map.of("agreementCode", code, "period", "2025-03");
        Api.Response first = finance.post("/api/v1/billing/runs", body, Map.of("Prefer", "return=minimal"));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.header("Preference-Applied")).isEqualTo("return=minimal");
        JsonNode summary = first.json();
        String number = summary.get("number").asString();
        assertThat(first.header("Location")).isEqualTo("/api/v1/invoices/" + number);
        assertThat(summary.get("lines").asInt()).as("3 custody lines and 3 intake fees").isEqualTo(6);
        assertThat(summary.get("total").asString()).isEqualTo("2895.00"); // (17 + 17 + 5) days × 55.00 + 3 × 250.00
        assertThat(summary.get("linesSha256").asString()).matches("[0-9a-f]{64}");

        JsonNode invoice = finance.get("/api/v1/invoices/" + number).json();
        String recomputed = linesSha256(invoice);
        assertThat(summary.get("linesSha256").asString()).as("the hash of the lines the invoice shows").isEqualTo(recomputed);
        assertThat(ledgeredLinesSha256(as("oversight"), number)).as("the hash the ledger recorded").isEqualTo(recomputed);

        Api.Response again = finance.post("/api/v1/billing/runs", body, Map.of("Prefer", "return=minimal"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("number").asString()).isEqualTo(number);
        assertThat(again.json().get("lines").asInt()).isEqualTo(6);
        assertThat(again.json().get("linesSha256").asString()).as("recomputed from the stored lines").isEqualTo(recomputed);

        JsonNode page0 = finance.get("/api/v1/invoices/" + number + "/lines?size=4").json();
        JsonNode page1 = finance.get("/api/v1/invoices/" + number + "/lines?page=1&size=4").json();
        assertThat(page0.get("totalLines").asInt()).isEqualTo(6);
        assertThat(page0.get("lines")).hasSize(4);
        assertThat(page1.get("lines")).hasSize(2);
        List<JsonNode> paged = new ArrayList<>();
        page0.get("lines").forEach(paged::add);
        page1.get("lines").forEach(paged::add);
        List<JsonNode> whole = new ArrayList<>();
        invoice.get("lines").forEach(whole::add);
        assertThat(paged).as("the pages are the invoice's lines in order").isEqualTo(whole);
        assertThat(paged.get(4).get("line").asInt()).isEqualTo(5);

        Api.Response badPage = finance.get("/api/v1/invoices/" + number + "/lines?page=-1&size=0");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.json().get("errors").toString()).contains("page").contains("size");
        assertThat(finance.get("/api/v1/invoices/INV-NOPE/lines").status()).isEqualTo(404);
    }

    @Test
    void anIssuedInvoicesLinesCannotBeChangedInTheDatabase() {
        String code = agreement(as("admin"), null);
        record(as("reception"), held(code, local("2025-05-03T10:00")));
        String number = run(as("finance"), code, "2025-05").get("number").asString();
        for (String sql : List.of(
                "UPDATE invoice_charges SET lines = '{}' WHERE invoice_id = (SELECT id FROM invoice WHERE number = ?)",
                "DELETE FROM invoice_charges WHERE invoice_id = (SELECT id FROM invoice WHERE number = ?)",
                "UPDATE invoice SET total = 0 WHERE number = ?")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(sql).param(number).update())
                    .as(sql).rootCause().hasMessageContaining("immutable once issued");
        }
        assertThat(as("finance").get("/api/v1/invoices/" + number + "/lines").json().get("totalLines").asInt())
                .isEqualTo(2);
    }
}
