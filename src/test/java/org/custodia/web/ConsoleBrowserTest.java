package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodia.support.Browser;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

class ConsoleBrowserTest extends IntegrationTest {

    @AfterEach
    void spanishAgain() {
        jdbc.sql("UPDATE app_user SET locale = 'es' WHERE username = 'admin'").update();
    }

    @Test
    void adminSignsInAndSeesTheHomePageInBothLanguagesRemembered() throws Exception {
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            browser.signIn(baseUrl, "admin", "demo");
            assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
            assertThat(page.findElement(By.id("welcome")).getText()).startsWith("Bienvenido");
            assertThat(page.findElement(By.id("user-name")).getText()).isEqualTo("Rosa Méndez");
            assertThat(page.findElement(By.id("user-role")).getText()).isEqualTo("Administración");
            assertThat(page.findElement(By.id("agreement-US-SV-2025")).getText())
                    .contains("US-SV-2025", "Vigente", "300", "Condena firme obligatoria", "55,00 USD", "250,00 USD");
            browser.await(d -> "true".equals(d.findElement(By.id("dash-occupancy-CECOT")).getAttribute("data-loaded"))
                    && "true".equals(d.findElement(By.id("dash-pipeline")).getAttribute("data-loaded"))
                    && "true".equals(d.findElement(By.id("dash-releases")).getAttribute("data-loaded")));
            var occupancyRows = page.findElements(By.cssSelector("#dash-occupancy-CECOT tbody tr"));
            assertThat(occupancyRows).as("8 modules, the segregation and the medical block").hasSize(10);
            assertThat(occupancyRows.get(0).getText()).startsWith("M1").contains("2.560");
            assertThat(page.findElements(By.cssSelector("#dash-occupancy-CECOT .chart svg"))).as("the picture").isNotEmpty();
            assertThat(page.findElements(By.cssSelector("#dash-pipeline tbody tr"))).hasSizeGreaterThanOrEqualTo(9);
            assertThat(page.findElement(By.cssSelector("#dash-pipeline tbody")).getText()).contains("Presentada", "Ingresada");
            assertThat(page.findElements(By.cssSelector("#dash-releases tbody tr"))).as("the months of the next 90 days")
                    .hasSizeGreaterThanOrEqualTo(3);
            browser.screenshot("home-es");

            page.findElement(By.id("switch-language")).click();
            browser.await(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("en"));
            assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            assertThat(page.findElement(By.id("welcome")).getText()).startsWith("Welcome");
            assertThat(page.findElement(By.id("user-role")).getText()).isEqualTo("Administrator");
            assertThat(page.findElement(By.id("agreement-US-SV-2025")).getText())
                    .contains("Active", "Final conviction required");

            page.findElement(By.id("logout")).click();
            browser.await(d -> d.getCurrentUrl().contains("/login"));
            browser.signIn(baseUrl, "admin", "demo");
            assertThat(page.findElement(By.id("welcome")).getText()).as("the choice is remembered per user")
                    .startsWith("Welcome");
        }
    }

    @Test
    void aWrongPasswordStaysOnTheLoginPageWithAMessage() throws Exception {
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            browser.signIn(baseUrl, "admin", "wrong");
            assertThat(page.getCurrentUrl()).contains("/login?error");
            assertThat(page.findElement(By.cssSelector("[role=alert]")).getText()).contains("incorrectos");
        }
    }

    @Test
    void theSendingAgencySeesItsAgreementInEnglish() throws Exception {
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            browser.signIn(baseUrl, "us-agency", "demo");
            assertThat(page.findElement(By.id("welcome")).getText()).startsWith("Welcome");
            assertThat(page.findElement(By.id("agreement-US-SV-2025")).isDisplayed()).isTrue();
        }
    }
}
