package org.custodia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custodia.support.Browser;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrator's pages in a real browser: the user form shows the party field only for a sending agency and the
 * nationality only for a consulate, and no page of the admin area, the consulate's or the ledger's breaks the
 * Content-Security-Policy (no inline script or style) or logs an error.
 */
class AdminPagesBrowserTest extends IntegrationTest {

    @Test
    void theUserFormShowsOnlyTheScopeFieldTheRoleNeedsAndNoPageBreaksThePolicy() throws Exception {
        try (Browser browser = Browser.start()) {
            ChromeDriver page = browser.driver();
            browser.signIn(baseUrl, "admin", "demo");
            browser.consoleProblems(); // what the sign-in said is not this test's matter
            page.get(baseUrl + "/admin/users");
            Select role = new Select(page.findElement(By.id("role")));
            role.selectByValue("CONSULAR");
            assertThat(page.findElement(By.id("nationality")).isDisplayed()).isTrue();
            assertThat(page.findElement(By.id("partyCode")).isDisplayed()).isFalse();
            role.selectByValue("SENDING_AGENCY");
            assertThat(page.findElement(By.id("partyCode")).isDisplayed()).isTrue();
            assertThat(page.findElement(By.id("nationality")).isDisplayed()).isFalse();
            role.selectByValue("FINANCE");
            assertThat(page.findElement(By.id("partyCode")).isDisplayed()).isFalse();
            assertThat(page.findElement(By.id("nationality")).isDisplayed()).isFalse();
            assertThat(problems(browser)).isEmpty();
            browser.screenshot("admin-users");

            for (String path : List.of("/admin/users/ve-consul", "/admin/facilities", "/admin/facilities/CECOT?unit=M1",
                    "/admin/facilities/CECOT/locations/M1-C01", "/admin/agreements", "/admin/agreements/new",
                    "/admin/agreements/US-SV-2025", "/ledger", "/ledger/entries")) {
                page.get(baseUrl + path + (path.contains("?") ? "&" : "?") + "lang=en");
                assertThat(page.findElement(By.tagName("h1")).getText()).as(path).isNotBlank();
                assertThat(problems(browser)).as(path).isEmpty();
            }
            browser.screenshot("admin-agreement");

            browser.signIn(baseUrl, "ve-consul", "demo");
            browser.consoleProblems();
            page.get(baseUrl + "/consular");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Nuestros nacionales");
            assertThat(problems(browser)).isEmpty();
        }
    }

    /** What the console said, but the missing favicon (no page of this test's matter). */
    private static List<String> problems(Browser browser) {
        return browser.consoleProblems().stream().filter(m -> !m.contains("/favicon")).toList();
    }
}
