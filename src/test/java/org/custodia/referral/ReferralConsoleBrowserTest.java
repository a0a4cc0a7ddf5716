package org.custodia.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.Browser;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.custodia.support.ReferralBodies;

/** The referral console, as the sending agency and the intake officer use it. */
class ReferralConsoleBrowserTest extends IntegrationTest {

    @Autowired
    Clock clock;

    LocalDate today;

    @BeforeEach
    void today() {
        today = LocalDate.now(clock);
    }

    @Test
    void theAgencySubmitsThroughTheFormAndTheIntakeOfficerAcceptsIt() throws Exception {
        String reference = ReferralBodies.unique("WEB");
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            signIn(page, "us-agency");
            page.findElement(By.linkText("Referrals")).click();
            page.findElement(By.id("new-referral")).click();
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("New referral");

            new Select(page.findElement(By.id("agreementCode"))).selectByValue("US-SV-2025");
            type(page, "externalReference", reference);
            type(page, "familyNames", "Rojas Blanco");
            date(page, "dateOfBirth", today.minusYears(30));
            new Select(page.findElement(By.id("sex"))).selectByValue("MALE");
            type(page, "nationalities", "VE");
            Select documentType = new Select(page.findElement(By.id("documentType")));
            assertThat(documentType.getOptions()).extracting(WebElement::getText)
                    .as("a choice in words, never a code to type").contains("Passport").doesNotContain("PASSPORT");
            documentType.selectByValue("PASSPORT");
            type(page, "documentNumber", ReferralBodies.unique("P"));
            type(page, "documentCountry", "VE");
            type(page, "biometricReference", ReferralBodies.unique("FBI"));
            type(page, "c0-court", "U.S. District Court, Southern District of Texas");
            type(page, "c0-country", "US");
            type(page, "c0-caseNumber", ReferralBodies.unique("4:24-cr"));
            type(page, "c0-offenceCode", "21 USC 841");
            type(page, "c0-offenceDescription", "Possession with intent to distribute");
            date(page, "c0-convictionDate", today.minusYears(2));
            new Select(page.findElement(By.id("c0-judgmentFinal"))).selectByValue("true");
            date(page, "c0-finalSince", today.minusYears(1));
            type(page, "c0-years", "10");
            date(page, "c0-sentenceStartDate", today.minusYears(2));
            type(page, "c0-jailCreditDays", "90");
            type(page, "orderReference", ReferralBodies.unique("CO"));
            type(page, "orderAuthority", "U.S. District Court, S.D. Tex.");
            date(page, "orderIssuedOn", today.minusMonths(1));
            new Select(page.findElement(By.id("fitToTravel"))).selectByValue("true");
            page.findElement(By.id("consularNotificationRequested")).click();
            org.custodia.support.TestClock.get().advance(Duration.ofSeconds(1)); // the newest referral of the list
            page.findElement(By.id("submit-referral")).click();

            // The given names were left out: the page says so, keeps what was typed, and links to the field.
            WebElement errors = page.findElement(By.id("form-errors"));
            assertThat(errors.getText()).contains("Given names: is required");
            assertThat(page.findElement(By.id("givenNames")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.findElement(By.id("familyNames")).getAttribute("value")).isEqualTo("Rojas Blanco");
            assertThat(new Select(page.findElement(By.id("documentType"))).getFirstSelectedOption().getAttribute("value"))
                    .as("the choice is kept on a refused form").isEqualTo("PASSPORT");
            assertThat(page.findElement(By.id("c0-years")).getAttribute("value")).isEqualTo("10");
            type(page, "givenNames", "Carlos Andrés");
            page.findElement(By.id("submit-referral")).click();

            assertThat(page.findElement(By.id("notice")).getText()).contains("Referral submitted");
            assertThat(page.findElement(By.id("referral-status")).getAttribute("data-status")).isEqualTo("SUBMITTED");
            assertThat(page.findElement(By.id("finding-FINAL_CONVICTION_REQUIRED")).getText()).contains("Pass");
            assertThat(page.findElements(By.id("accept"))).as("the agency does not decide").isEmpty();
            String url = page.getCurrentUrl();
            page.findElement(By.id("logout")).click();
            new WebDriverWait(page, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/login"));

            signIn(page, "intake");
            page.findElement(By.linkText("Remisiones")).click();
            assertThat(page.findElement(By.id("pipeline-chart")).getAttribute("role")).isEqualTo("img");
            assertThat(page.findElement(By.id("count-SUBMITTED")).getText()).matches("Presentada \\d+");
            browser.screenshot("referral-pipeline");
            page.findElement(By.linkText(reference)).click();
            new WebDriverWait(page, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(url));
            for (WebElement finding : page.findElements(By.cssSelector("#findings .finding"))) {
                assertThat(finding.getAttribute("data-outcome")).isIn("PASS", "WARN");
            }
            assertThat(page.findElement(By.id("finding-MIN_REMAINING_SENTENCE_DAYS")).getText()).contains("Cumple", "Quedan");
            page.findElement(By.id("accept")).click();
            assertThat(page.findElement(By.id("decision-error")).getAttribute("data-code"))
                    .as("the reason is required").isEqualTo("VALIDATION_FAILED");
            assertThat(page.findElement(By.id("decision-error")).getText()).contains("El motivo es obligatorio");
            type(page, "accept-reason", "Cumple el acuerdo");
            page.findElement(By.id("accept")).click();
            assertThat(page.findElement(By.id("notice")).getText()).contains("aceptada");
            assertThat(page.findElement(By.id("referral-status")).getText()).isEqualTo("Aceptada");
            assertThat(page.findElement(By.id("decision")).getText()).contains("Cumple el acuerdo", "intake");
        }
        assertThat(jdbc.sql("SELECT status FROM referral WHERE external_reference = ?").param(reference)
                .query(String.class).single()).isEqualTo("ACCEPTED");
    }

    @Test
    void aPersonWithoutAFinalConvictionShowsARedFailAndNoWayToAccept() throws Exception {
        Map<String, Object> body = ReferralBodies.eligible(today, "US-SV-2025");
        ReferralBodies.convictions(body).set(0, ReferralBodies.conviction(today, false));
        Api.Response response = as("us-agency").post("/api/v1/referrals", body);
        String id = response.json().get("id").asString();
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            signIn(page, "intake");
            page.get(baseUrl + "/referrals/" + id);
            WebElement finding = page.findElement(By.id("finding-FINAL_CONVICTION_REQUIRED"));
            assertThat(finding.getAttribute("data-outcome")).isEqualTo("FAIL");
            assertThat(finding.getAttribute("class")).contains("error");
            assertThat(finding.getText()).contains("No cumple", "Ninguna condena es firme");
            assertThat(finding.findElement(By.className("outcome")).getCssValue("color")).isEqualTo("rgba(164, 22, 26, 1)");
            assertThat(page.findElement(By.id("referral-status")).getText()).isEqualTo("No admisible");
            assertThat(page.findElements(By.id("accept"))).isEmpty();
            assertThat(page.findElements(By.id("accept-form"))).isEmpty();
            browser.screenshot("referral-ineligible");

            // Not even a hand-made POST with the page's CSRF token accepts it.
            ((JavascriptExecutor) page).executeScript("""
                    const form = document.createElement('form');
                    form.method = 'post';
                    form.action = '/referrals/' + arguments[0] + '/decision';
                    for (const [name, value] of [['decision', 'ACCEPT'], ['reason', 'forced'],
                            ['_csrf', document.querySelector('meta[name=_csrf]').content]]) {
                        const input = document.createElement('input');
                        input.type = 'hidden'; input.name = name; input.value = value;
                        form.appendChild(input);
                    }
                    document.body.appendChild(form);
                    form.submit();""", id);
            assertThat(page.findElement(By.id("decision-error")).getAttribute("data-code")).isEqualTo("REFERRAL_NOT_ELIGIBLE");
            assertThat(page.findElement(By.id("referral-status")).getText()).isEqualTo("No admisible");
        }
        assertThat(jdbc.sql("SELECT status FROM referral WHERE id = ?::uuid").param(id).query(String.class).single())
                .isEqualTo("INELIGIBLE");
    }

    private void signIn(WebDriver page, String user) {
        page.get(baseUrl + "/login");
        page.findElement(By.id("username")).sendKeys(user);
        page.findElement(By.id("password")).sendKeys("demo");
        page.findElement(By.id("sign-in")).click();
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private static void type(WebDriver page, String id, String text) {
        WebElement input = page.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static void date(WebDriver page, String id, LocalDate value) {
        ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1]", page.findElement(By.id(id)),
                value.toString());
    }
}
