package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custodia.support.Browser;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The home page in a real browser: each picture is drawn (an SVG chart) beside a table with its figures, numbers on
 * the charts are written the page's way, and at 390 px the header folds behind a button and nothing scrolls sideways.
 */
class HomeBrowserTest extends IntegrationTest {

    @AfterEach
    void spanishAgain() {
        jdbc.sql("UPDATE app_user SET locale = 'es' WHERE username = 'oversight'").update();
    }

    @Test
    void oversightSeesEveryPictureWithItsFiguresInItsLanguage() throws Exception {
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            browser.signIn(baseUrl, "oversight", "demo");
            assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
            List<String> charts = List.of("dash-pipeline", "dash-refusals", "dash-releases", "dash-occupancy-CECOT",
                    "dash-revenue");
            browser.await(d -> charts.stream().allMatch(id -> "true".equals(d.findElement(By.id(id)).getAttribute("data-loaded"))));
            for (String id : charts) {
                WebElement figure = page.findElement(By.id(id));
                assertThat(figure.findElements(By.cssSelector(".chart svg"))).as(id + ": the picture").isNotEmpty();
                assertThat(figure.findElements(By.cssSelector("table.dash-table caption"))).as(id + ": its table").isNotEmpty();
            }
            List<WebElement> modules = page.findElements(By.cssSelector("#dash-occupancy-CECOT tbody tr"));
            assertThat(modules).as("CECOT's modules").hasSizeGreaterThanOrEqualTo(8);
            assertThat(modules.get(0).getText()).startsWith("M1").contains("2.560");
            assertThat(page.findElement(By.cssSelector("#dash-pipeline tbody")).getText()).contains("Presentada");
            assertThat(page.findElement(By.id("dash-log")).getText()).contains("asientos en el registro");
            assertThat(svgText(page, "dash-occupancy-CECOT")).as("Spanish figures on the axis").contains("1.000")
                    .doesNotContain("1,000");
            assertThat(browser.consoleProblems()).noneMatch(p -> p.contains("Content Security Policy") || p.contains("dashboard"));
            browser.screenshot("home-oversight-es");

            page.findElement(By.id("switch-language")).click();
            browser.await(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("en"));
            browser.await(d -> "true".equals(d.findElement(By.id("dash-occupancy-CECOT")).getAttribute("data-loaded")));
            assertThat(page.findElement(By.cssSelector("#dash-occupancy-CECOT tbody tr")).getText()).contains("2,560");
            assertThat(svgText(page, "dash-occupancy-CECOT")).as("English figures on the axis").contains("1,000");
            assertThat(page.findElement(By.id("work")).getText()).contains("Your work", "referred", "refused by the agreement rules");
        }
    }

    @Test
    void at390PixelsTheMenuFoldsAndNothingScrollsSideways() throws Exception {
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            page.manage().window().setSize(new Dimension(390, 844));
            browser.signIn(baseUrl, "admin", "demo");
            browser.await(d -> "true".equals(d.findElement(By.id("dash-pipeline")).getAttribute("data-loaded")));
            JavascriptExecutor js = (JavascriptExecutor) page;
            WebElement toggle = page.findElement(By.id("nav-toggle"));
            assertThat(toggle.isDisplayed()).as("the menu button").isTrue();
            assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
            assertThat(page.findElement(By.id("main-nav")).isDisplayed()).as("folded").isFalse();
            long innerHeight = ((Number) js.executeScript("return window.innerHeight")).longValue();
            long headerHeight = ((Number) js.executeScript("return document.getElementById('topbar').offsetHeight")).longValue();
            assertThat(headerHeight).as("a compact header").isLessThan(innerHeight / 8);
            assertThat(noSidewaysScroll(js)).as("no sideways scroll, folded").isTrue();
            browser.screenshot("home-390-folded");

            toggle.sendKeys(" ");
            browser.await(d -> "true".equals(d.findElement(By.id("nav-toggle")).getAttribute("aria-expanded")));
            assertThat(page.findElement(By.id("main-nav")).isDisplayed()).as("unfolded by the keyboard").isTrue();
            assertThat(page.findElement(By.cssSelector("#main-nav a[href='/referrals']")).isDisplayed()).isTrue();
            assertThat(page.findElement(By.id("logout")).isDisplayed()).isTrue();
            assertThat(noSidewaysScroll(js)).as("no sideways scroll, unfolded").isTrue();
            browser.screenshot("home-390-open");

            page.findElement(By.cssSelector("#main-nav a[href='/referrals']")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
            browser.await(d -> "false".equals(d.findElement(By.id("nav-toggle")).getAttribute("aria-expanded")));
            assertThat(page.findElement(By.id("main-nav")).isDisplayed()).as("Escape folds it").isFalse();
            assertThat(page.switchTo().activeElement().getAttribute("id")).as("the focus back on the button").isEqualTo("nav-toggle");

            toggle.click();
            browser.await(d -> "true".equals(d.findElement(By.id("nav-toggle")).getAttribute("aria-expanded")));
            toggle.click();
            browser.await(d -> "false".equals(d.findElement(By.id("nav-toggle")).getAttribute("aria-expanded")));
            assertThat(page.findElement(By.id("main-nav")).isDisplayed()).isFalse();
        }
    }

    private static boolean noSidewaysScroll(JavascriptExecutor js) {
        return (Boolean) js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
    }

    private static String svgText(WebDriver page, String figureId) {
        return String.join(" ", page.findElements(By.cssSelector("#" + figureId + " .chart svg text")).stream()
                .map(e -> e.getAttribute("textContent")).toList());
    }
}
