package org.custodia.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.custodia.support.Browser;
import org.custodia.support.Dossiers;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** A whole arrival in the console: manifest, departure, three handovers with one refused, admission, the file. */
class ReceptionBrowserTest extends IntegrationTest {

    @Autowired
    private Clock clock;

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Test
    void receptionPlansDispatchesAndHandsOverThreePeopleOneRefused() throws Exception {
        String first = Dossiers.accepted(this, Dossiers.eligible("Alberto", "Primero Gómez", "VE"));
        String second = Dossiers.accepted(this, Dossiers.eligible("Bruno", "Segundo Díaz", "VE"));
        String third = Dossiers.accepted(this, Dossiers.eligible("César", "Tercero Ruiz", "VE"));
        // the console reads times in the facility's zone (a field of the facility)
        ZoneId zone = ZoneId.of(jdbc.sql("SELECT time_zone FROM facility WHERE code = 'CECOT'").query(String.class).single());
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.MINUTES);

        try (Browser browser = Browser.start()) {
            ChromeDriver page = browser.driver();
            browser.signIn(baseUrl, "reception", "demo");
            page.get(baseUrl + "/reception");
            page.findElement(By.id("new-manifest")).click();
            browser.await(d -> d.findElement(By.id("manifest-form")).isDisplayed());
            page.get(baseUrl + "/reception/manifests/new?agreement=" + Dossiers.AGREEMENT);
            browser.await(d -> d.findElement(By.id("manifest-form")).isDisplayed());
            page.findElement(By.id("carrier")).sendKeys("ICE Air");
            page.findElement(By.id("transportReference")).sendKeys("GXA-" + System.nanoTime());
            setValue(page, "scheduledDeparture", now.minusHours(6).format(LOCAL));
            setValue(page, "scheduledArrival", now.minusHours(2).format(LOCAL));
            for (String id : List.of(first, second, third)) {
                page.findElement(By.id("ref-" + id)).click();
            }
            page.findElement(By.id("plan-manifest")).click();
            browser.await(d -> d.findElement(By.id("manifest-status")).getText().equals("Planificado"));

            setValue(page, "departedAt", now.minusHours(6).format(LOCAL));
            page.findElement(By.id("record-departure")).click();
            browser.await(d -> d.findElement(By.id("manifest-status")).getText().equals("En camino"));

            handOver(browser, first, now.minusHours(2), true, "1 x reloj\n2 x camisa");
            assertThat(page.findElement(By.id("handover-result")).getText()).contains("Admitido con el número");
            String number = page.findElement(By.id("admitted-number")).getText();
            handOver(browser, second, now.minusHours(2), false, "");
            assertThat(page.findElement(By.id("handover-result")).getText()).contains("Entrega rechazada");
            handOver(browser, third, now.minusMinutes(90), true, "");
            browser.screenshot("reception-checklist");

            assertThat(outcome(page, first)).isEqualTo("Admitido");
            assertThat(outcome(page, second)).isEqualTo("Entrega rechazada");
            assertThat(outcome(page, third)).isEqualTo("Admitido");
            page.findElement(By.id("close-manifest")).click();
            browser.await(d -> d.findElement(By.id("manifest-status")).getText().equals("Cerrado"));

            // the referrals say what became of them: the refusal's reason and its manifest, the prisoner number a link
            String manifestUrl = page.getCurrentUrl().replaceAll("#.*$", "");
            page.get(baseUrl + "/referrals/" + second);
            assertThat(page.findElement(By.id("referral-refusal")).getText())
                    .isEqualTo("La identidad no se verificó: La huella no coincide con el registro del FBI");
            assertThat(page.findElement(By.id("referral-manifest")).getAttribute("href")).isEqualTo(manifestUrl);
            page.get(baseUrl + "/referrals/" + first);
            assertThat(page.findElement(By.id("referral-prisoner")).getText()).isEqualTo(number);
            page.findElement(By.id("referral-prisoner")).click();
            browser.await(d -> d.getCurrentUrl().endsWith("/prisoners/" + number));

            page.get(baseUrl + "/prisoners/" + number);
            String file = page.findElement(By.tagName("main")).getText();
            assertThat(file).contains(number, "Primero Gómez");
            browser.screenshot("prisoner-file-after-arrival");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM prisoner WHERE referral_id::text IN (?, ?, ?)")
                .params(first, second, third).query(Long.class).single()).isEqualTo(2);
    }

    /**
     * A handover the rules refuse (no emergency contact, a family member without the relationship) comes back with everything typed, the injuries and the complaint included, and says next to each
     * field, in Spanish and with the field's label, what to change; then, corrected, it admits the person.
     */
    @Test
    void aRefusedHandoverKeepsWhatWasTypedAndSaysPerFieldWhatToChangeInSpanish() throws Exception {
        String referral = Dossiers.accepted(this, Dossiers.eligible("Darío", "Rechazo Formulario", "VE"));
        ZoneId zone = ZoneId.of(jdbc.sql("SELECT time_zone FROM facility WHERE code = 'CECOT'").query(String.class).single());
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.MINUTES);
        try (Browser browser = Browser.start()) {
            ChromeDriver page = browser.driver();
            browser.signIn(baseUrl, "reception", "demo");
            page.get(baseUrl + "/reception/manifests/new?agreement=" + Dossiers.AGREEMENT);
            page.findElement(By.id("carrier")).sendKeys("ICE Air");
            page.findElement(By.id("transportReference")).sendKeys("GXA-" + System.nanoTime());
            setValue(page, "scheduledDeparture", now.minusHours(6).format(LOCAL));
            setValue(page, "scheduledArrival", now.minusHours(2).format(LOCAL));
            page.findElement(By.id("ref-" + referral)).click();
            page.findElement(By.id("plan-manifest")).click();
            browser.await(d -> d.findElement(By.id("manifest-status")).getText().equals("Planificado"));
            setValue(page, "departedAt", now.minusHours(6).format(LOCAL));
            page.findElement(By.id("record-departure")).click();
            browser.await(d -> d.findElement(By.id("manifest-status")).getText().equals("En camino"));

            page.findElement(By.id("person-" + referral)).findElement(By.tagName("summary")).click();
            setValue(page, "arrivedAt-" + referral, now.minusHours(2).format(LOCAL));
            page.findElement(By.id("idyes-" + referral)).click();
            new org.openqa.selenium.support.ui.Select(page.findElement(By.id("method-" + referral))).selectByValue("FINGERPRINT");
            page.findElement(By.id("injuries-" + referral)).sendKeys("Hematoma en el antebrazo izquierdo");
            page.findElement(By.id("complaint-" + referral)).click();
            page.findElement(By.id("illtreatment-" + referral)).sendKeys("Golpeado durante el vuelo");
            page.findElement(By.id("property-" + referral)).sendKeys("1 x reloj");
            page.findElement(By.id("familyName-" + referral)).sendKeys("Rosa Rechazo");
            page.findElement(By.id("informed-" + referral)).click();
            page.findElement(By.id("handover-" + referral)).click();
            WebElement summary = browser.await(d -> d.findElement(By.id("form-problems-" + referral)));

            String text = summary.getText();
            assertThat(text).contains("Corrija los 2 campos indicados", "Parentesco: Complete este campo.",
                    "Contacto de emergencia: Complete este campo.");
            assertThat(page.findElement(By.id("main")).getText()).doesNotContain("emergencyContact",
                    "familyMembers", "handover.", "Rule 7", "is required", "VALIDATION_FAILED");
            assertThat(page.findElement(By.id("familyRelationship-" + referral + "-error")).getText())
                    .isEqualTo("Complete este campo.");
            assertThat(page.findElement(By.id("emergencyName-" + referral + "-error")).getText())
                    .isEqualTo("Complete este campo.");
            assertThat(page.findElement(By.id("informed-" + referral)).isSelected()).isTrue();
            assertThat(page.findElement(By.id("familyName-" + referral)).getAttribute("value")).isEqualTo("Rosa Rechazo");
            assertThat(page.findElement(By.id("injuries-" + referral)).getAttribute("value"))
                    .isEqualTo("Hematoma en el antebrazo izquierdo");
            assertThat(page.findElement(By.id("complaint-" + referral)).isSelected()).isTrue();
            assertThat(page.findElement(By.id("illtreatment-" + referral)).getAttribute("value"))
                    .isEqualTo("Golpeado durante el vuelo");
            assertThat(page.findElement(By.id("property-" + referral)).getAttribute("value")).isEqualTo("1 x reloj");
            assertThat(page.findElement(By.id("idyes-" + referral)).isSelected()).isTrue();
            assertThat(new org.openqa.selenium.support.ui.Select(page.findElement(By.id("method-" + referral)))
                    .getFirstSelectedOption().getAttribute("value")).isEqualTo("FINGERPRINT");
            assertThat(page.findElement(By.id("arrivedAt-" + referral)).getAttribute("value"))
                    .isEqualTo(now.minusHours(2).format(LOCAL));
            browser.screenshot("reception-refused-handover");

            page.findElement(By.id("familyRel-" + referral)).sendKeys("MADRE");
            page.findElement(By.id("emName-" + referral)).sendKeys("Rosa Rechazo");
            page.findElement(By.id("handover-" + referral)).click();
            browser.await(d -> d.findElements(By.id("handover-result")).size() == 1);
            assertThat(page.findElement(By.id("handover-result")).getText()).contains("Admitido con el número");
        }
    }

    private void handOver(Browser browser, String referralId, LocalDateTime arrivedAt, boolean verified, String property) {
        WebDriver page = browser.driver();
        WebElement person = page.findElement(By.id("person-" + referralId));
        person.findElement(By.tagName("summary")).click();
        setValue((ChromeDriver) page, "arrivedAt-" + referralId, arrivedAt.format(LOCAL));
        if (verified) {
            page.findElement(By.id("idyes-" + referralId)).click();
            new org.openqa.selenium.support.ui.Select(page.findElement(By.id("method-" + referralId)))
                    .selectByValue("FINGERPRINT");
            page.findElement(By.id("condition-" + referralId)).sendKeys("Cansado, tranquilo");
            page.findElement(By.id("injuries-" + referralId)).sendKeys("ninguna");
            page.findElement(By.id("property-" + referralId)).sendKeys(property);
            page.findElement(By.id("familyName-" + referralId)).sendKeys("María Gómez");
            page.findElement(By.id("familyRel-" + referralId)).sendKeys("MADRE");
            page.findElement(By.id("emName-" + referralId)).sendKeys("María Gómez");
            page.findElement(By.id("emPhone-" + referralId)).sendKeys("+58 412 1111111");
            page.findElement(By.id("informed-" + referralId)).click();
            page.findElement(By.id("consul-" + referralId)).click();
        } else {
            page.findElement(By.id("idno-" + referralId)).click();
            page.findElement(By.id("discrepancy-" + referralId)).sendKeys("La huella no coincide con el registro del FBI");
        }
        page.findElement(By.id("handover-" + referralId)).click();
        browser.await(d -> d.findElements(By.id("handover-result")).size() == 1
                || d.findElements(By.className("form-summary")).size() == 1);
        assertThat(page.findElements(By.className("form-summary")).stream().map(WebElement::getText).toList())
                .as("no problem shown").isEmpty();
    }

    private static String outcome(WebDriver page, String referralId) {
        return page.findElement(By.id("person-" + referralId)).findElement(By.className("outcome")).getText();
    }

    private static void setValue(ChromeDriver page, String id, String value) {
        page.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }
}
