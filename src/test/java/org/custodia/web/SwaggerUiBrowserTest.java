package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.custodia.support.Browser;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI (springdoc's, unchanged) renders under the app's own Content-Security-Policy: signed in to the console,
 * {@code /swagger-ui.html} loads the live document and draws its operations, and the browser reports no policy
 * violation. Its initializer is a script file (springdoc serves {@code swagger-initializer.js}), its style sheet a
 * file, its inline styles are style attributes ({@code style-src-attr}), its icons data: images ({@code img-src});
 * the one {@code <style>} element its bundle inserts is allowed on {@code /swagger-ui/**} by its SHA-256 only. The
 * console's own pages keep the policy without that hash.
 */
class SwaggerUiBrowserTest extends IntegrationTest {

    @Test
    void swaggerUiRendersTheLiveDocumentWithNoPolicyViolation() throws Exception {
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            browser.signIn(baseUrl, "admin", "demo");
            browser.consoleProblems(); // what the sign-in said is not this test's matter
            page.get(baseUrl + "/swagger-ui.html");
            new WebDriverWait(page, Duration.ofSeconds(30)).until(d ->
                    d.findElements(By.cssSelector(".swagger-ui .opblock")).size() > 20);
            assertThat(page.findElement(By.cssSelector(".swagger-ui .info .title")).getText()).isNotBlank();
            assertThat(page.findElements(By.cssSelector(".swagger-ui .opblock-tag")).stream().map(e -> e.getText()))
                    .anyMatch(tag -> tag.contains("Referrals")).anyMatch(tag -> tag.contains("Billing"));
            assertThat(page.getPageSource()).as("the live document, not the petstore").doesNotContain("Swagger Petstore");
            browser.screenshot("swagger-ui-under-csp");
            List<String> problems = browser.consoleProblems().stream().filter(m -> !m.contains("/favicon")).toList();
            assertThat(problems).as("the browser console").isEmpty();
            String policy = as("admin").get("/swagger-ui/index.html", java.util.Map.of("Accept", "text/html")).header("Content-Security-Policy");
            assertThat(policy).contains("script-src 'self';")
                    .doesNotContain("'unsafe-eval'", "style-src 'self' 'unsafe-inline'", "script-src 'self' 'unsafe")
                    .contains("style-src 'self' 'sha256-");
            assertThat(anonymous().get("/login").header("Content-Security-Policy"))
                    .as("the console's pages allow no inline style element").contains("style-src 'self';")
                    .doesNotContain("sha256-");
        }
    }
}
