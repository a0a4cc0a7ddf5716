package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodia.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The housing pages in a browser: the occupancy map with its figures, a plan reviewed and applied, keep-apart records. */
class HousingConsoleBrowserTest extends HousingTestSupport {

    @Test
    void aClassificationOfficerPlansReviewsAndAppliesAndSeesTheMap() throws Exception {
        String facility = facilityWithRivals(2, 2, 4);
        String ms13 = person(facility, "MS13");
        String tren = person(facility, "TREN_DE_ARAGUA");
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            browser.signIn(baseUrl, "classification", "demo");
            page.get(baseUrl + "/housing/plans?facility=" + facility);
            page.findElement(By.id("numbers")).sendKeys(ms13 + "\n" + tren);
            page.findElement(By.cssSelector("#new-heading + form button")).click();
            browser.await(d -> d.getCurrentUrl().contains("plan="));
            assertThat(page.findElements(By.cssSelector("#placements tbody tr"))).hasSize(2);
            assertThat(page.findElement(By.id("plan-status")).getText()).isEqualTo("Propuesto");
            assertThat(page.findElement(By.id("plan-score")).getText()).startsWith("Reglas estrictas incumplidas: 0")
                    .doesNotContain("hard");
            browser.screenshot("housing-plan");
            // a long operation says it is working: the submission held back once, the status line is there
            ((org.openqa.selenium.JavascriptExecutor) page).executeScript("document.getElementById('apply-form')"
                    + ".addEventListener('submit', e => e.preventDefault(), {once: true});");
            page.findElement(By.id("apply")).click();
            assertThat(page.findElement(By.id("apply-form-working")).getText()).startsWith("Aplicando el plan");
            assertThat(page.findElement(By.cssSelector("#apply-form-working progress")).isDisplayed()).isTrue();
            ((org.openqa.selenium.JavascriptExecutor) page).executeScript("const f = document.getElementById('apply-form');"
                    + " f.dataset.submitted = 'false'; document.getElementById('apply-form-working').remove();");
            page.findElement(By.id("apply")).click();
            browser.await(d -> d.findElement(By.id("plan-status")).getAttribute("data-status").equals("APPLIED"));
            assertThat(page.findElement(By.id("plan-status")).getText()).isEqualTo("Aplicado");
            assertThat(moduleOf(ms13)).isNotEqualTo(moduleOf(tren));

            page.get(baseUrl + "/housing/occupancy?facility=" + facility);
            assertThat(page.findElement(By.id("occupied")).getText()).isEqualTo("2");
            assertThat(page.findElements(By.cssSelector("#occupancy-map tbody tr"))).hasSize(2);
            assertThat(page.findElement(By.id("occupancy-map")).getText()).contains("MS-13 1").contains("Tren de Aragua 1")
                    .doesNotContain("TREN_DE_ARAGUA");
            browser.await(d -> !"".equals(String.valueOf(d.findElement(By.id("occupancy-chart")).getAttribute("data-loaded"))));
            assertThat(page.findElement(By.id("occupancy-chart")).getAttribute("data-loaded")).isEqualTo("true");
            browser.screenshot("housing-occupancy");

            page.get(baseUrl + "/housing/keep-aparts");
            page.findElement(By.id("first")).sendKeys(ms13);
            page.findElement(By.id("second")).sendKeys(tren);
            page.findElement(By.id("authorisedBy")).sendKeys("Director");
            page.findElement(By.cssSelector("#new-heading + form button")).click();
            browser.await(d -> d.getCurrentUrl().contains("involving="));
            assertThat(page.findElement(By.id("keep-aparts")).getText()).contains(ms13).contains(tren).contains("Vigente")
                    .doesNotContain("OPEN", "VICTIM", "UNKNOWN");
        }
    }
}
