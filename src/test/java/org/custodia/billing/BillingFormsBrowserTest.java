package org.custodia.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.billing.BillingFixtures.*;

import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.Browser;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/** Finance's work in the console: run a month, record a payment (refused first, keeping what was typed), resolve a dispute. */
class BillingFormsBrowserTest extends IntegrationTest {

    @Test
    void financeRunsTheMonthRecordsAPaymentAndResolvesADispute() throws Exception {
        String code = agreement(as("admin"), null);
        String prisoner = record(as("reception"), held(code, local("2025-04-03T09:00")));
        try (Browser browser = Browser.start()) {
            ChromeDriver page = browser.driver();
            browser.signIn(baseUrl, "finance", "demo");
            page.get(baseUrl + "/billing/invoices");
            new Select(page.findElement(By.id("agreementCode-run"))).selectByValue(code);
            page.executeScript("document.getElementById('period-run').value = '2025-04';");
            page.findElement(By.id("run-billing")).click();
            browser.await(d -> d.getCurrentUrl().contains("/billing/invoices/"));
            assertThat(page.findElement(By.id("run-result")).getText()).isEqualTo("Factura del mes emitida.");
            String number = page.getCurrentUrl().replaceAll("^.*/billing/invoices/", "").replaceAll("[?#].*$", "");
            JsonNode invoice = as("finance").get("/api/v1/invoices/" + number).json();
            assertThat(invoice.get("agreementCode").asString()).isEqualTo(code);
            assertThat(invoice.get("period").asString()).isEqualTo("2025-04");
            assertThat(page.findElement(By.id("main")).getText()).contains(prisoner);

            // a payment the rules refuse keeps what was typed and says what to change, in Spanish
            page.findElement(By.id("amount")).sendKeys("mil dólares");
            page.executeScript("document.getElementById('paidOn').value = '2025-05-20';");
            page.findElement(By.id("reference")).sendKeys("FED-WIRE-2025-0520-001");
            page.findElement(By.id("record-payment")).click();
            browser.await(d -> d.findElement(By.id("form-problems-billing")).isDisplayed());
            assertThat(page.findElement(By.id("form-problems-billing")).getText())
                    .contains("Importe: Indique un importe positivo con dos decimales como máximo.");
            assertThat(page.findElement(By.id("amount-error")).getText())
                    .isEqualTo("Indique un importe positivo con dos decimales como máximo.");
            assertThat(page.findElement(By.id("amount")).getAttribute("value")).isEqualTo("mil dólares");
            assertThat(page.findElement(By.id("reference")).getAttribute("value")).isEqualTo("FED-WIRE-2025-0520-001");
            assertThat(page.findElement(By.id("paidOn")).getAttribute("value")).isEqualTo("2025-05-20");
            assertThat(page.findElement(By.id("main")).getText()).doesNotContain("A decimal string", "INVALID_AMOUNT");
            page.findElement(By.id("amount")).clear();
            page.findElement(By.id("amount")).sendKeys("100.00");
            page.findElement(By.id("record-payment")).click();
            browser.await(d -> !d.findElements(By.id("payments")).isEmpty());
            assertThat(page.findElement(By.id("payments")).getText()).contains("FED-WIRE-2025-0520-001", "100.00");

            // a dispute raised by the sending agency, rejected by finance
            int line = lines(invoice, "CUSTODY_DAYS", prisoner).get(0).get("line").asInt();
            Api.Response dispute = as("us-agency").post("/api/v1/invoices/" + number + "/lines/" + line + "/disputes",
                    Map.of("reason", "He arrived on the 4th"));
            assertThat(dispute.status()).as(dispute.text()).isEqualTo(201);
            String id = dispute.json().get("id").asString();
            page.get(baseUrl + "/billing/invoices/" + number);
            new Select(page.findElement(By.id("outcome-" + id))).selectByValue("REJECTED");
            page.findElement(By.id("why-" + id)).sendKeys("El acta de entrega dice el 3");
            page.findElement(By.id("resolve-" + id)).click();
            browser.await(d -> d.findElements(By.id("resolve-" + id)).isEmpty());
            assertThat(page.findElement(By.id("main")).getText()).contains("Desestimada", "El acta de entrega dice el 3");
        }
    }
}
