package org.custodia.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.custodia.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

class CustodyConsoleBrowserTest extends CustodyTestSupport {

    @Test
    void custodyOfficerReadsTheFileTimelineAndTheRollCount() throws Exception {
        String first = admit(command("CECOT", "Wilmer", "Rondón Navegador", List.of("VE"), "TREN_DE_ARAGUA",
                now().minus(2, ChronoUnit.HOURS)));
        String second = admit(command("CECOT", "Óscar", "Benítez Navegador", List.of("SV"), "MS13"));
        as("classification").post("/api/v1/prisoners/" + first + "/cell-moves", Map.of("cell", "M2-C05", "reason", "Placement",
                "occurredAt", now().minus(90, ChronoUnit.MINUTES).toString()));
        as("custody").post("/api/v1/prisoners/" + first + "/events", Map.of("type", "VISIT", "occurredAt",
                now().minus(30, ChronoUnit.MINUTES).toString(), "visitType", "FAMILY", "visitor", "Ana Pérez"));
        as("custody").post("/api/v1/prisoners/" + first + "/movements", Map.of("direction", "OUT", "reason", "HOSPITAL",
                "destination", "Hospital Rosales", "occurredAt", now().minus(20, ChronoUnit.MINUTES).toString()));
        long population = jdbc.sql("SELECT count(*) FROM prisoner WHERE facility_code = 'CECOT' AND status <> 'RELEASED'")
                .query(Long.class).single();

        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            signIn(page, "custody");
            page.findElement(By.linkText("Reclusos")).click();
            page.findElement(By.id("q")).sendKeys("Rondon Navegador");
            page.findElement(By.id("search")).click();
            await(page).until(ExpectedConditions.urlContains("q="));
            assertThat(page.findElement(By.id("results")).getText()).contains(first).doesNotContain(second);
            page.findElement(By.linkText(first)).click();
            await(page).until(ExpectedConditions.urlContains("/prisoners/" + first));

            assertThat(page.findElement(By.id("prisoner-number")).getText()).isEqualTo(first);
            assertThat(page.findElement(By.id("prisoner-status")).getText()).isEqualTo("Fuera temporalmente");
            assertThat(page.findElement(By.id("cell")).getText()).isEqualTo("M2-C05");
            assertThat(page.findElement(By.id("release-date")).getText()).matches("\\d{4}-\\d{2}-\\d{2}");
            List<WebElement> entries = page.findElements(By.cssSelector("#timeline li"));
            assertThat(entries).extracting(e -> e.getAttribute("data-type"))
                    .containsExactly("ADMISSION", "CELL_MOVE", "VISIT", "MOVEMENT_OUT");
            assertThat(entries.get(0).getText()).contains("Ingreso", "reception");
            assertThat(entries.get(2).getText()).contains("Visita", "custody", "Ana Pérez");
            assertThat(entries.get(3).getText()).contains("Salida temporal", "Hospital Rosales");
            screenshot(page, "prisoner");

            page.findElement(By.linkText("Recuento")).click();
            await(page).until(ExpectedConditions.urlContains("/roll-count"));
            assertThat(Long.parseLong(page.findElement(By.id("population")).getText())).isEqualTo(population);
            assertThat(Integer.parseInt(page.findElement(By.id("temporarily-out")).getText())).isGreaterThanOrEqualTo(1);
            assertThat(page.findElements(By.cssSelector("svg[role=img]"))).hasSize(8);
            assertThat(page.findElement(By.id("modules")).getText()).contains("M2", "2560");
            page.findElement(By.id("counted-M1")).sendKeys("0");
            WebElement before = page.findElement(By.id("record-count"));
            before.click();
            await(page).until(ExpectedConditions.stalenessOf(before));
            assertThat(page.findElement(By.cssSelector("[role=status]")).getText()).contains("Recuento registrado");
            screenshot(page, "roll-count");
        }
    }

    @Test
    void oversightSeesTheAlertsPageAndTheConsulOnlyItsNationals() throws Exception {
        String venezuelan = admit(command("CECOT", "Consulado", "Ve Navegador", List.of("VE"), null));
        String salvadoran = admit(command("CECOT", "Consulado", "Sv Navegador", List.of("SV"), null));
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            signIn(page, "ve-consul");
            page.get(baseUrl + "/prisoners?q=Navegador+Consulado");
            String results = page.findElement(By.id("results")).getText();
            assertThat(results).contains(venezuelan).doesNotContain(salvadoran);
            assertThat(page.findElements(By.linkText("Recuento"))).isEmpty();
            page.get(baseUrl + "/prisoners/" + salvadoran);
            assertThat(page.findElements(By.id("prisoner-number"))).isEmpty();
        }
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            signIn(page, "oversight");
            page.findElement(By.linkText("Alertas")).click();
            await(page).until(ExpectedConditions.urlContains("/oversight/alerts"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Alertas de malos tratos");
        }
    }

    private void signIn(WebDriver page, String user) {
        page.get(baseUrl + "/login");
        page.findElement(By.id("username")).sendKeys(user);
        page.findElement(By.id("password")).sendKeys("demo");
        page.findElement(By.id("sign-in")).click();
        await(page).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Waits for the next page: under load a click's page may not have replaced the old one yet. */
    private static WebDriverWait await(WebDriver page) {
        return new WebDriverWait(page, Duration.ofSeconds(15));
    }

    private static void screenshot(WebDriver page, String name) throws Exception {
        if (page instanceof org.openqa.selenium.TakesScreenshot shot) {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve("custody-" + name + ".png"), shot.getScreenshotAs(OutputType.BYTES));
        }
    }
}
