package org.custodia.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodia.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Rule 9: the whole file as JSON and as an official PDF copy, in Spanish or English. */
class PrisonerFileTest extends CustodyTestSupport {

    @Test
    void theFileIsGivenWholeAsJson() {
        String number = admit(command("CECOT", "Expediente", "Completo", List.of("VE"), "TREN_DE_ARAGUA"));
        as("custody").post("/api/v1/prisoners/" + number + "/events", Map.of("type", "REQUEST", "occurredAt",
                now().minus(5, ChronoUnit.MINUTES).toString(), "subject", "Mail", "text", "Wants to write home"));
        JsonNode file = as("custody").get("/api/v1/prisoners/" + number + "/file").json();
        assertThat(file.get("prisonerNumber").asString()).isEqualTo(number);
        assertThat(file.get("events").size()).isEqualTo(2);
        assertThat(file.get("notifications").size()).isEqualTo(2);
        assertThat(file.get("sentence").get("breakdown").size()).isGreaterThan(2);
        assertThat(file.get("handover").get("property").get(0).get("description").asString()).isEqualTo("wristwatch");
        Api.Response anything = as("custody").get("/api/v1/prisoners/" + number + "/file", Map.of("Accept", "*/*"));
        assertThat(anything.status()).isEqualTo(200);
        assertThat(anything.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void theOfficialCopyIsAPdfInSpanishOrEnglish() throws Exception {
        String number = admit(command("CECOT", "Núñez ☃ Ünïcode", "Peña 李", List.of("VE"), "TREN_DE_ARAGUA"));
        as("custody").post("/api/v1/prisoners/" + number + "/events", Map.of("type", "COMPLAINT", "occurredAt",
                now().minus(5, ChronoUnit.MINUTES).toString(), "subject", "Trato", "text", "Golpes — “fuertes”"));

        Api.Response spanish = as("custody").get("/api/v1/prisoners/" + number + "/file",
                Map.of("Accept", "application/pdf", "Accept-Language", "es-SV,es;q=0.9"));
        assertThat(spanish.status()).as(spanish.text()).isEqualTo(200);
        assertThat(spanish.header("Content-Type")).startsWith("application/pdf");
        String es = text(spanish.bytes());
        assertThat(es).contains(number, "Copia oficial del expediente", "Identidad", "Custodia", "Cronología", "Peña",
                "Núñez");

        Api.Response english = as("custody").get("/api/v1/prisoners/" + number + "/file?lang=en",
                Map.of("Accept", "application/pdf"));
        assertThat(english.status()).isEqualTo(200);
        String en = text(english.bytes());
        assertThat(en).contains(number, "Official copy of the prisoner file", "Identity", "Custody", "Timeline",
                "Sentence", "Complaint");

        Api.Response hidden = as("ve-consul").get("/api/v1/prisoners/" + admit(command("CECOT", "Otro", "Salvadoreño",
                List.of("SV"), null)) + "/file", Map.of("Accept", "application/pdf"));
        assertThat(hidden.status()).isEqualTo(404);
    }

    @Test
    void theOfficialCopyPrintsNamesInLatinCyrillicAndArabicAsWritten() throws Exception {
        String vietnamese = "Nguyễn Thị Ánh";
        String cyrillic = "Дмитрий Смирнов";
        String arabic = "محمد عبد الله";
        String number = admit(command("CECOT", vietnamese, cyrillic, List.of("VE"), null));
        as("custody").post("/api/v1/prisoners/" + number + "/events", Map.of("type", "REQUEST", "occurredAt",
                now().minus(5, ChronoUnit.MINUTES).toString(), "subject", "Carta", "text", arabic));
        Api.Response pdf = as("custody").get("/api/v1/prisoners/" + number + "/file",
                Map.of("Accept", "application/pdf"));
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        String text = text(pdf.bytes());
        assertThat(text).contains(vietnamese, cyrillic, arabic).doesNotContain("Nguy?n", "??????");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            List<String> fonts = new java.util.ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                fonts.add(document.getPage(0).getResources().getFont(name).getName());
            }
            assertThat(fonts).as("the Unicode font shipped in the jar is embedded")
                    .anySatisfy(f -> assertThat(f).contains("DejaVuSans"));
        }
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
