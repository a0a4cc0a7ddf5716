package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodia.support.Browser;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The pages work under the Content-Security-Policy: the home page's pictures draw, and nothing is refused. */
class ContentSecurityBrowserTest extends IntegrationTest {

    @Test
    void theHomePageDrawsItsChartsWithNoPolicyViolation() throws Exception {
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            browser.signIn(baseUrl, "admin", "demo");
            browser.await(d -> "true".equals(d.findElement(By.id("dash-occupancy-CECOT")).getAttribute("data-loaded"))
                    && "true".equals(d.findElement(By.id("dash-pipeline")).getAttribute("data-loaded"))
                    && "true".equals(d.findElement(By.id("dash-releases")).getAttribute("data-loaded")));
            assertThat(page.findElements(By.cssSelector("#dash-occupancy-CECOT .chart svg"))).as("echarts drew").isNotEmpty();
            assertThat(page.findElements(By.cssSelector("#dash-pipeline .chart svg path"))).isNotEmpty();
            assertThat(page.findElement(By.cssSelector("#dash-pipeline tbody")).getText())
                    .as("the labels, in the page's language").contains("Presentada", "Ingresada");
            browser.screenshot("home-under-csp");
            assertThat(problems(browser)).as("the browser console").isEmpty();

            page.get(baseUrl + "/account/password");
            assertThat(page.findElement(By.id("change-password")).isDisplayed()).isTrue();
            assertThat(problems(browser)).isEmpty();
        }
    }

    /** Everything the console complained of, but the missing favicon (no policy matter). */
    private static java.util.List<String> problems(Browser browser) {
        return browser.consoleProblems().stream().filter(m -> !m.contains("/favicon.ico")).toList();
    }
}
