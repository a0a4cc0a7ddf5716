package org.custodia.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestAgreements;
import tools.jackson.databind.JsonNode;

/** Agreements of billing's own and people recorded through the custody-history API, in El Salvador time. */
final class BillingFixtures {

    static final ZoneId SV = ZoneId.of("America/El_Salvador");

    private BillingFixtures() {
    }

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SV).toInstant();
    }

    /** An agreement of the test's own (US sends), with the fee schedule given (null: 55.00 a day, 250.00 an intake). */
    static String agreement(Api admin, List<Map<String, Object>> fees) {
        String code = "B" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-SV";
        Map<String, Object> body = TestAgreements.body(code, "US", 1000, TestAgreements.demoPolicy());
        body.put("validFrom", "2024-01-01");
        body.put("feeSchedule", fees != null ? fees : List.of(
                fee("CUSTODY_DAY", "55.00", "2024-01-01", null),
                fee("INTAKE_FEE", "250.00", "2024-01-01", null)));
        Api.Response response = admin.post("/api/v1/agreements", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return code;
    }

    static Map<String, Object> fee(String kind, String amount, String from, String to) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("kind", kind);
        f.put("amount", amount);
        f.put("currency", "USD");
        f.put("effectiveFrom", from);
        if (to != null) {
            f.put("effectiveTo", to);
        }
        return f;
    }

    /** The custody-history body of an eligible person admitted at {@code admittedAt}. */
    static Map<String, Object> held(String agreementCode, Instant admittedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        LocalDate asOf = LocalDate.ofInstant(admittedAt, SV);
        body.put("dossier", ReferralBodies.eligible(asOf, agreementCode));
        body.put("admittedAt", admittedAt.toString());
        body.put("source", "CECOT admission register (test)");
        return body;
    }

    static Map<String, Object> release(Instant effectiveAt) {
        return new LinkedHashMap<>(Map.of("type", "RETURN_TO_SENDING_STATE", "effectiveAt", effectiveAt.toString(),
                "receivedBy", "U.S. Marshals Service"));
    }

    /** Records a person as held and answers the prisoner number. */
    static String record(Api reception, Map<String, Object> body) {
        Api.Response r = reception.post("/api/v1/custody-history", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("prisonerNumber").asString();
    }

    static JsonNode run(Api finance, String agreementCode, String period) {
        Api.Response r = finance.post("/api/v1/billing/runs", Map.of("agreementCode", agreementCode, "period", period));
        assertThat(r.status()).as(r.text()).isIn(200, 201);
        return r.json();
    }

    /** The lines of one kind for one prisoner. */
    static List<JsonNode> lines(JsonNode invoice, String kind, String prisonerNumber) {
        List<JsonNode> found = new ArrayList<>();
        invoice.get("lines").forEach(l -> {
            if (l.get("kind").asString().equals(kind) && prisonerNumber.equals(l.get("prisonerNumber").asString())) {
                found.add(l);
            }
        });
        return found;
    }

    static int days(JsonNode invoice, String prisonerNumber) {
        return lines(invoice, "CUSTODY_DAYS", prisonerNumber).stream().mapToInt(l -> l.get("days").asInt()).sum();
    }

    /**
     * The SHA-256 of an invoice's lines recomputed from its JSON, as the sending state would: one row per line in line
     * order ending in a newline, the columns kind, prisoner number, reference, level, first and last day, days, rate,
     * amount, adjusted kind, corrected invoice and line, source, reason, admission and release event, comma separated,
     * each in double quotes (a quote inside doubled), empty when null.
     */
    static String linesSha256(JsonNode invoice) throws java.security.NoSuchAlgorithmException {
        StringBuilder text = new StringBuilder();
        for (JsonNode l : invoice.get("lines")) {
            JsonNode c = l.get("corrects");
            JsonNode s = l.get("sources");
            List<JsonNode> columns = java.util.Arrays.asList(l.get("kind"), l.get("prisonerNumber"),
                    l.get("externalReference"), l.get("securityLevel"), l.get("firstDay"), l.get("lastDay"), l.get("days"),
                    l.get("rate"), l.get("amount"), c == null ? null : c.get("kind"), c == null ? null : c.get("invoice"),
                    c == null ? null : c.get("line"), c == null ? null : c.get("source"), l.get("reason"),
                    s == null ? null : s.get("admissionEvent"), s == null ? null : s.get("releaseEvent"));
            List<String> quoted = new ArrayList<>();
            for (JsonNode v : columns) {
                quoted.add(v == null || v.isNull() ? "" : "\"" + v.asString().replace("\"", "\"\"") + "\"");
            }
            text.append(String.join(",", quoted)).append('\n');
        }
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(hash);
    }

    /** The linesSha256 the ledger's INVOICE_ISSUED entry of an invoice records, read through the ledger's API. */
    static String ledgeredLinesSha256(Api reader, String invoiceNumber) {
        Api.Response r = reader.get("/api/v1/ledger/entries?subjectType=INVOICE&subjectId=" + invoiceNumber);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        for (JsonNode e : r.json()) {
            if (e.get("action").asString().equals("INVOICE_ISSUED")) {
                return tools.jackson.databind.json.JsonMapper.builder().build().readTree(e.get("payload").asString())
                        .get("linesSha256").asString();
            }
        }
        throw new AssertionError("no INVOICE_ISSUED entry for " + invoiceNumber + ": " + r.text());
    }
}
