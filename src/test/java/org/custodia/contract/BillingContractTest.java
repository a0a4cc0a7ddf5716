package org.custodia.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * DESIGN.md's billing run body, verbatim, is accepted as published; the invoice answers in the published shape:
 * number, agreementCode, period, status, currency, lines [{kind, prisonerNumber, externalReference, days, rate,
 * amount}], total, money as decimal strings.
 */
class BillingContractTest extends IntegrationTest {

    @Test
    void thePublishedRunBodyBillsTheDemoAgreementInThePublishedShape() throws Exception {
        String body;
        try (InputStream in = getClass().getResourceAsStream("/contract/billing-run.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(body.strip()).isEqualTo("{\"agreementCode\": \"US-SV-2025\", \"period\": \"2025-04\"}");
        Api.Response r = as("finance").post("/api/v1/billing/runs", body);
        assertThat(r.status()).as(r.text()).isIn(200, 201);
        JsonNode invoice = r.json();
        assertThat(invoice.get("number").isString()).isTrue();
        assertThat(invoice.get("agreementCode").asString()).isEqualTo("US-SV-2025");
        assertThat(invoice.get("period").asString()).isEqualTo("2025-04");
        assertThat(invoice.get("status").asString()).isEqualTo("ISSUED");
        assertThat(invoice.get("currency").asString()).isEqualTo("USD");
        assertThat(invoice.get("total").isString()).isTrue();
        assertThat(invoice.get("total").asString()).matches("-?\\d+\\.\\d{2}");
        assertThat(invoice.get("lines").isArray()).isTrue();
        for (JsonNode line : invoice.get("lines")) {
            assertThat(line.get("kind").asString()).isIn("CUSTODY_DAYS", "INTAKE_FEE", "ADJUSTMENT");
            assertThat(line.has("prisonerNumber")).isTrue();
            assertThat(line.has("externalReference")).isTrue();
            assertThat(line.get("amount").isString()).isTrue();
            if (line.get("kind").asString().equals("CUSTODY_DAYS")) {
                assertThat(line.get("days").isInt()).isTrue();
                assertThat(line.get("rate").asString()).isEqualTo("55.00");
            }
        }
        assertThat(as("finance").post("/api/v1/billing/runs", body).json()).isEqualTo(invoice);
        JsonNode docs = as("admin").get("/v3/api-docs").json();
        assertThat(docs.get("paths").has("/api/v1/billing/runs")).isTrue();
        assertThat(docs.get("paths").has("/api/v1/custody-history")).isTrue();
    }
}
