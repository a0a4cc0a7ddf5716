package org.custodia.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodia.support.Api;
import org.custodia.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The prisoner page as each role works on it: the custody officer records a temporary absence and the return, a
 * complaint and a release (refused first, keeping what was typed); classification moves the person to a cell; the
 * consulate records a visit. The file shows every recorded fact as a labelled, translated field, the same on the page
 * and in the official PDF copy, never a JSON key or an enum code.
 */
class PrisonerFileFormsBrowserTest extends CustodyTestSupport {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** What a timeline printing raw data showed: none of it may appear on the page or in the PDF. */
    private static final List<String> RAW = List.of("verificationMethod", "referralId", "commitmentOrder",
            "complaintOfIllTreatment", "injuriesObserved", "propertyItems", "FINGERPRINT", "{issuedOn", "issuedOn=",
            "HOSPITAL", "RETURN_TO_SENDING_STATE", "IMPRISONMENT", "PASSPORT", "allegesIllTreatment");

    @Test
    void custodyRecordsAnAbsenceTheReturnAComplaintAndARefusedThenAcceptedRelease() throws Exception {
        String number = admit(command("CECOT", "Ramiro", "Formularios Custodia", List.of("VE"), "TREN_DE_ARAGUA",
                now().minus(3, ChronoUnit.HOURS)));
        LocalDateTime local = LocalDateTime.ofInstant(now(), zoneOf("CECOT")).truncatedTo(ChronoUnit.MINUTES);
        try (Browser browser = Browser.start()) {
            ChromeDriver page = browser.driver();
            browser.signIn(baseUrl, "custody", "demo");
            page.get(baseUrl + "/prisoners/" + number);

            // the file: the handover's facts, labelled and in Spanish
            String file = page.findElement(By.id("file")).getText();
            assertThat(file).contains("Entrega a la llegada", "Pertenencias", "1 × wristwatch", "Ana Pérez",
                    "Luisa Martínez (hija, 7 años, Maracay, VE, with her grandmother)", "Contacto de emergencia",
                    "Informado del derecho a la notificación consular", "Pasaporte", "Tren de Aragua");
            assertThat(page.findElement(By.id("handover-identity")).getText()).isEqualTo("Sí (huella dactilar)");
            String admission = page.findElement(By.cssSelector("#timeline li[data-type=ADMISSION]")).getText();
            assertThat(admission).contains("Verificada mediante", "huella dactilar", "Orden de internamiento",
                    "Denuncia malos tratos previos", "Pertenencias inventariadas");

            // a temporary absence, then the return
            page.findElement(By.cssSelector("#movement summary")).click();
            setValue(page, "occurredAt-movement", local.minusMinutes(50).format(LOCAL));
            new Select(page.findElement(By.id("reason-movement"))).selectByValue("HOSPITAL");
            page.findElement(By.id("destination-movement")).sendKeys("Hospital Rosales");
            page.findElement(By.id("record-movement")).click();
            browser.await(d -> d.findElement(By.id("prisoner-status")).getText().equals("Fuera temporalmente"));
            assertThat(page.findElement(By.cssSelector("#timeline li[data-type=MOVEMENT_OUT]")).getText())
                    .contains("Salida temporal", "Motivo", "Hospital", "Destino", "Hospital Rosales");
            page.findElement(By.cssSelector("#movement summary")).click();
            setValue(page, "occurredAt-movement", local.minusMinutes(40).format(LOCAL));
            page.findElement(By.id("record-movement")).click();
            browser.await(d -> d.findElement(By.id("prisoner-status")).getText().equals("En custodia"));

            // a complaint alleging ill-treatment
            page.findElement(By.cssSelector("#entry-COMPLAINT summary")).click();
            setValue(page, "occurredAt-COMPLAINT", local.minusMinutes(30).format(LOCAL));
            page.findElement(By.id("subject-COMPLAINT")).sendKeys("Trato en el módulo");
            page.findElement(By.id("text-COMPLAINT")).sendKeys("Dice que un guardia lo golpeó");
            page.findElement(By.id("allegesIllTreatment-COMPLAINT")).click();
            page.findElement(By.id("record-entry-COMPLAINT")).click();
            browser.await(d -> !d.findElements(By.cssSelector("#timeline li[data-type=COMPLAINT]")).isEmpty());
            assertThat(page.findElement(By.cssSelector("#timeline li[data-type=COMPLAINT]")).getText())
                    .contains("Queja", "Asunto", "Trato en el módulo", "Denuncia malos tratos", "Sí");

            // a release the rules refuse: a transfer to a third state cannot go to the sending state
            page.findElement(By.cssSelector("#release summary")).click();
            new Select(page.findElement(By.id("type-release"))).selectByValue("TRANSFER_TO_THIRD_STATE");
            setValue(page, "effectiveAt-release", local.minusMinutes(10).format(LOCAL));
            page.findElement(By.id("receivedBy-release")).sendKeys("U.S. Marshals Service, agente Pérez");
            page.findElement(By.id("destinationState-release")).sendKeys("US");
            page.findElement(By.id("record-release")).click();
            WebElement summary = browser.await(d -> d.findElement(By.id("form-problems-release")));
            assertThat(summary.getText()).contains("Estado de destino (código ISO, p. ej. US): Un traslado a un tercer Estado",
                    "Motivo: Complete este campo.");
            assertThat(page.findElement(By.id("destinationState-release-error")).getText())
                    .startsWith("Un traslado a un tercer Estado no puede ir al Estado remitente");
            assertThat(page.findElement(By.id("main")).getText()).doesNotContain("destinationState", "SENDING_STATE",
                    "is required", "cannot go");
            assertThat(new Select(page.findElement(By.id("type-release"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("TRANSFER_TO_THIRD_STATE");
            assertThat(page.findElement(By.id("receivedBy-release")).getAttribute("value"))
                    .isEqualTo("U.S. Marshals Service, agente Pérez");
            assertThat(page.findElement(By.id("destinationState-release")).getAttribute("value")).isEqualTo("US");
            assertThat(page.findElement(By.id("effectiveAt-release")).getAttribute("value"))
                    .isEqualTo(local.minusMinutes(10).format(LOCAL));
            browser.screenshot("prisoner-refused-release");

            new Select(page.findElement(By.id("type-release"))).selectByValue("RETURN_TO_SENDING_STATE");
            page.findElement(By.id("record-release")).click();
            browser.await(d -> d.findElement(By.id("prisoner-status")).getText().equals("Excarcelado"));
            assertThat(page.findElement(By.id("section-release")).getText())
                    .contains("Devolución al Estado remitente", "U.S. Marshals Service, agente Pérez");
            String whole = page.findElement(By.id("main")).getText();
            assertThat(whole).contains("Notificaciones", "Ingreso en prisión", "Traslado");
            for (String raw : RAW) {
                assertThat(whole).as("the page prints no %s", raw).doesNotContain(raw);
            }
            assertThat(page.findElements(By.id("record"))).as("no forms on a closed file").isEmpty();
        }

        // the official copy: the same labelled facts with the same words
        Api.Response pdf = as("custody").get("/api/v1/prisoners/" + number + "/file",
                Map.of("Accept", "application/pdf", "Accept-Language", "es"));
        assertThat(pdf.status()).isEqualTo(200);
        String text = text(pdf.bytes()).replaceAll("\\s+", " ");
        assertThat(text).contains("Identidad verificada: Sí (huella dactilar)", "Pertenencias: 1 × wristwatch",
                "Verificada mediante: huella dactilar", "Destino: Hospital Rosales", "Motivo: Hospital",
                "Asunto: Trato en el módulo", "Tipo: Devolución al Estado remitente", "Ingreso en prisión",
                "Informado del derecho a la notificación consular: Sí");
        for (String raw : RAW) {
            assertThat(text).as("the PDF prints no %s", raw).doesNotContain(raw);
        }
        String english = text(as("custody").get("/api/v1/prisoners/" + number + "/file?lang=en",
                Map.of("Accept", "application/pdf")).bytes()).replaceAll("\\s+", " ");
        assertThat(english).contains("Verified by: fingerprint", "Property: 1 × wristwatch", "Reason: Hospital",
                "Kind: Return to the sending state");
    }

    @Test
    void classificationMovesThePrisonerToACellAndTheConsulateRecordsAVisit() throws Exception {
        String number = admit(command("CECOT", "Teodoro", "Formularios Celda", List.of("VE"), "TREN_DE_ARAGUA"));
        String cell = as("classification").get("/api/v1/housing/recommendations?prisoner=" + number).json()
                .get("cells").get(0).get("cell").asString();
        LocalDateTime local = LocalDateTime.ofInstant(now(), zoneOf("CECOT")).truncatedTo(ChronoUnit.MINUTES);
        try (Browser browser = Browser.start()) {
            ChromeDriver page = browser.driver();
            browser.signIn(baseUrl, "classification", "demo");
            page.get(baseUrl + "/prisoners/" + number);
            page.findElement(By.cssSelector("#cell-move summary")).click();
            page.findElement(By.id("cell-cellmove")).sendKeys(cell);
            page.findElement(By.id("reason-cellmove")).sendKeys("Ubicación tras el ingreso");
            page.findElement(By.id("record-cell-move")).click();
            browser.await(d -> d.findElement(By.id("cell")).getText().equals(cell));
            assertThat(page.findElement(By.cssSelector("#timeline li[data-type=CELL_MOVE]")).getText())
                    .contains("Cambio de celda", "A la celda", cell, "Motivo", "Ubicación tras el ingreso");

            // the same cell again: refused, the reason kept, the problem next to the cell in Spanish
            page.findElement(By.cssSelector("#cell-move summary")).click();
            page.findElement(By.id("cell-cellmove")).sendKeys(cell);
            page.findElement(By.id("reason-cellmove")).sendKeys("Otra vez");
            page.findElement(By.id("record-cell-move")).click();
            browser.await(d -> d.findElement(By.id("cell-cellmove-error")).getText()
                    .equals("La persona ya está en esa celda."));
            assertThat(page.findElement(By.id("reason-cellmove")).getAttribute("value")).isEqualTo("Otra vez");
            assertThat(page.findElement(By.id("cell-cellmove")).getAttribute("value")).isEqualTo(cell);
        }
        try (Browser browser = Browser.start()) {
            ChromeDriver page = browser.driver();
            browser.signIn(baseUrl, "ve-consul", "demo");
            page.get(baseUrl + "/prisoners/" + number);
            assertThat(page.findElements(By.cssSelector("#record details")))
                    .extracting(e -> e.getAttribute("id")).containsExactly("entry-VISIT");
            page.findElement(By.cssSelector("#entry-VISIT summary")).click();
            assertThat(new Select(page.findElement(By.id("visitType-VISIT"))).getOptions())
                    .extracting(WebElement::getText).containsExactly("Visita consular");
            setValue(page, "occurredAt-VISIT", local.minusMinutes(15).format(LOCAL));
            page.findElement(By.id("visitor-VISIT")).sendKeys("Cónsul Elena Ríos");
            page.findElement(By.id("record-entry-VISIT")).click();
            browser.await(d -> !d.findElements(By.cssSelector("#timeline li[data-type=VISIT]")).isEmpty());
            assertThat(page.findElement(By.cssSelector("#timeline li[data-type=VISIT]")).getText())
                    .contains("Visita", "Visita consular", "Cónsul Elena Ríos", "ve-consul");
        }
    }

    private static void setValue(ChromeDriver page, String id, String value) {
        page.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
