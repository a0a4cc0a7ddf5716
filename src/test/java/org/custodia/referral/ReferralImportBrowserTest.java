package org.custodia.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custodia.support.Axe;
import org.custodia.support.Browser;
import org.custodia.support.IntegrationTest;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestAgreements;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/** The import page in a browser: reached from the list, accessible, says it is working, shows the result. */
class ReferralImportBrowserTest extends IntegrationTest {

    @Autowired
    Clock clock;

    @Test
    void theAgencyUploadsAFileFromTheListAndSeesTheResult() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String agreement = TestAgreements.create(as("admin"), "US", 100,
                List.of(TestAgreements.rule("FINAL_CONVICTION_REQUIRED")));
        ReferralImportConsoleTest rows = new ReferralImportConsoleTest();
        rows.today = today;
        String good = ReferralBodies.unique("IMPB-A");
        String bad = ReferralBodies.unique("IMPB-B");
        Map<String, String> badLine = rows.line(bad, agreement);
        badLine.put("convictionDate", "yesterday");
        Path file = Files.createTempFile("referrals", ".csv");
        Files.writeString(file, new ReferralCsv().row(rows.line(good, agreement)).row(badLine).toString());

        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            browser.signIn(baseUrl, "us-agency", "demo");
            page.get(baseUrl + "/referrals?lang=en");
            page.findElement(By.id("import-referrals")).click();
            browser.await(d -> d.getCurrentUrl().endsWith("/referrals/import"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Import referrals");
            assertThat(Axe.run(browser.driver()).stream().filter(Axe.Violation::seriousOrCritical).toList()).isEmpty();

            // the form says it is working as soon as it is sent (the sending itself is held back here to look at it)
            page.findElement(By.id("file")).sendKeys(file.toString());
            browser.driver().executeScript("document.getElementById('import-form')"
                    + ".addEventListener('submit', function (e) { e.preventDefault(); });");
            page.findElement(By.id("import-submit")).click();
            assertThat(page.findElement(By.id("import-form-working")).getAttribute("role")).isEqualTo("status");
            assertThat(page.findElement(By.id("import-form-working")).getText())
                    .startsWith("Importing the referrals");
            assertThat(page.findElements(By.cssSelector("#import-form-working progress"))).hasSize(1);
            assertThat(page.findElement(By.id("import-submit")).getAttribute("aria-disabled")).isEqualTo("true");

            page.get(baseUrl + "/referrals/import?lang=en");
            page.findElement(By.id("file")).sendKeys(file.toString());
            page.findElement(By.id("import-submit")).click();
            browser.await(d -> !d.findElements(By.id("import-result")).isEmpty());
            assertThat(page.findElement(By.id("import-stored")).getText()).isEqualTo("1 referral was imported.");
            assertThat(page.findElement(By.id("import-refused")).getText()).isEqualTo("1 referral was refused.");
            assertThat(page.findElement(By.id("refused-rows")).getText()).contains(bad)
                    .contains("Date of conviction (column “convictionDate”)");
            assertThat(Axe.run(browser.driver()).stream().filter(Axe.Violation::seriousOrCritical).toList()).isEmpty();
            page.findElement(By.linkText(good)).click();
            browser.await(d -> d.getCurrentUrl().matches(".*/referrals/[0-9a-f-]{36}$"));
            assertThat(browser.consoleProblems().stream().filter(m -> !m.contains("/favicon")).toList())
                    .as("no script or style refused by the Content-Security-Policy").isEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
