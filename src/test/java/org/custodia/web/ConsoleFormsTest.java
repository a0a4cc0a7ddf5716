package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodia.custody.CustodyTestSupport;
import org.custodia.support.Api;
import org.custodia.support.ConsoleHttp;
import org.custodia.support.Dossiers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11, through the console as a browser without JavaScript uses it: forms refused by the rules keep what was
 * typed and say in the page's language what to change; consular rights are asked only of foreign nationals; the
 * formal count has a line for the people not yet in a cell; every time is the facility's; the prisoner file's page and
 * its PDF show the same labelled facts of the handover.
 */
class ConsoleFormsTest extends CustodyTestSupport {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Test
    void consularRightsAreAskedOnlyOfAForeignNationalAndASalvadoranIsAdmittedWithoutThem() throws Exception {
        Instant now = now().truncatedTo(ChronoUnit.SECONDS);
        String venezuelan = Dossiers.accepted(this, Dossiers.eligible("Extranjero", "Con Derechos", "VE"));
        String salvadoran = Dossiers.accepted(this, Dossiers.eligible("Nacional", "Sin Consulado", "SV"));
        String manifestId = departedManifest(now, venezuelan, salvadoran);

        Session reception = Session.signIn(baseUrl, "reception");
        for (String lang : List.of("es", "en")) {
            String page = reception.get("/reception/manifests/" + manifestId + "?lang=" + lang).body();
            assertThat(page).contains("id=\"informed-" + venezuelan + "\"", "id=\"consul-" + venezuelan + "\"");
            assertThat(page).as("no consular question for a national of the receiving state")
                    .doesNotContain("id=\"informed-" + salvadoran + "\"", "id=\"consul-" + salvadoran + "\"");
            assertThat(text(page)).contains("es".equals(lang) ? "Nacional del Estado receptor: no procede"
                    : "A national of the receiving state: no consular notification applies");
        }
        ZoneId zone = zoneOf("CECOT");
        String page = reception.get("/reception/manifests/" + manifestId + "?lang=es").body();
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("_csrf", ConsoleHttp.csrf(page));
        form.put("referralId", salvadoran);
        form.put("arrivedAt", LOCAL.format(now.minus(Duration.ofHours(2)).atZone(zone)));
        form.put("identityVerified", "yes");
        form.put("verificationMethod", "FINGERPRINT");
        form.put("injuriesObserved", "ninguna");
        form.put("property", "1 x reloj");
        form.put("familyName", "Rosa Nacional");
        form.put("familyRelationship", "madre");
        form.put("emergencyName", "Rosa Nacional");
        form.put("emergencyPhone", "+503 7000 0000");
        HttpResponse<String> handed = reception.post("/reception/manifests/" + manifestId + "/arrivals", form);
        assertThat(handed.statusCode()).isEqualTo(302);
        JsonNode referral = as("intake").get("/api/v1/referrals/" + salvadoran).json();
        assertThat(referral.get("status").asString()).as("admitted without consular rights").isEqualTo("ADMITTED");
        String number = referral.get("prisonerNumber").asString();
        String file = text(Session.signIn(baseUrl, "custody").get("/prisoners/" + number + "?lang=es").body());
        assertThat(file).contains("Informado del derecho a la notificación consular no procede (nacional del Estado receptor)").doesNotContain("CONSULAR");
    }

    @Test
    void aRefusedHandoversReferralSaysWhyAndLinksItsManifestAnAdmittedOneLinksItsPrisoner() throws Exception {
        Instant now = now().truncatedTo(ChronoUnit.SECONDS);
        String refused = Dossiers.accepted(this, Dossiers.eligible("Huella", "Que No Coincide", "VE"));
        String admitted = Dossiers.accepted(this, Dossiers.eligible("Huella", "Que Coincide", "VE"));
        String manifestId = departedManifest(now, refused, admitted);
        Map<String, Object> notVerified = new java.util.LinkedHashMap<>(Dossiers.handover(refused,
                now.minus(Duration.ofHours(3)).toString()));
        notVerified.put("identityVerified", false);
        notVerified.remove("verificationMethod");
        notVerified.put("identityDiscrepancy", "Las huellas no coinciden con el registro");
        assertThat(as("reception").post("/api/v1/manifests/" + manifestId + "/arrivals", notVerified,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).status()).isIn(200, 201);
        Api.Response handover = as("reception").post("/api/v1/manifests/" + manifestId + "/arrivals",
                Dossiers.handover(admitted, now.minus(Duration.ofHours(3)).toString()),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(handover.status()).as(handover.text()).isEqualTo(201);
        String number = handover.json().get("prisonerNumber").asString();

        Session intake = Session.signIn(baseUrl, "intake");
        String es = intake.get("/referrals/" + refused + "?lang=es").body();
        assertThat(text(es)).contains("La identidad no se verificó: Las huellas no coinciden con el registro")
                .doesNotContain("IDENTITY_NOT_VERIFIED");
        String en = intake.get("/referrals/" + refused + "?lang=en").body();
        assertThat(text(en)).contains("Las huellas no coinciden con el registro").doesNotContain("IDENTITY_NOT_VERIFIED");
        assertThat(es).contains("href=\"/reception/manifests/" + manifestId + "\"");
        assertThat(intake.get("/referrals/" + admitted + "?lang=es").body())
                .contains("href=\"/prisoners/" + number + "\"");
    }

    @Test
    void aDepartureInTheFutureIsRefusedInThePagesLanguageNextToItsFieldWithWhatWasTyped() throws Exception {
        Instant now = now().truncatedTo(ChronoUnit.SECONDS);
        String referral = Dossiers.accepted(this, Dossiers.eligible("Salida", "Futura", "VE"));
        Api.Response manifest = as("reception").post("/api/v1/manifests", Map.of("agreementCode", Dossiers.AGREEMENT,
                "carrier", "ICE Air", "transportReference", "GXA-" + UUID.randomUUID(),
                "scheduledDeparture", now.plus(Duration.ofHours(8)).toString(),
                "scheduledArrival", now.plus(Duration.ofHours(12)).toString(), "referralIds", List.of(referral)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(manifest.status()).as(manifest.text()).isEqualTo(201);
        String id = manifest.json().get("id").asString();
        String future = LOCAL.format(now.plus(Duration.ofDays(2)).atZone(zoneOf("CECOT")));
        Session reception = Session.signIn(baseUrl, "reception");
        for (String lang : List.of("es", "en")) {
            String page = reception.get("/reception/manifests/" + id + "?lang=" + lang).body();
            HttpResponse<String> refused = reception.post("/reception/manifests/" + id + "/departure",
                    Map.of("_csrf", ConsoleHttp.csrf(page), "departedAt", future));
            String again = reception.follow(refused, lang).body();
            String text = text(again);
            assertThat(text).contains("es".equals(lang) ? "Hora de salida: No puede ser posterior a ahora."
                    : "Departed at: It cannot be later than now.")
                    .doesNotContain("lies in the future", "VALIDATION_FAILED", "1 field is invalid", "departedAt:");
            assertThat(again).contains("id=\"departedAt-error\"", "value=\"" + future + "\"");
        }
    }

    @Test
    void theFormalCountHasALineForPeopleWithoutACellAndARefusedCountKeepsWhatWasTyped() throws Exception {
        String facility = newFacility(1, 1, 10);
        admit(command(facility, "Sin", "Celda", List.of("VE"), null)); // admitted, not yet housed
        Session custody = Session.signIn(baseUrl, "custody");
        String page = custody.get("/roll-count?facility=" + facility + "&lang=es").body();
        assertThat(page).contains("id=\"counted-UNHOUSED\"");
        assertThat(text(page)).contains("Contados sin celda (recepción)", "En custodia sin celda asignada: 1");

        HttpResponse<String> refused = custody.post("/roll-count/counts", Map.of("_csrf", ConsoleHttp.csrf(page),
                "facility", facility, "counted.M1", "0", "counted.UNHOUSED", "tres"));
        String again = custody.follow(refused, "es").body();
        assertThat(again).contains("id=\"form-problems-count\"");
        assertThat(text(again)).contains("Contados sin celda (recepción): El valor no tiene el tipo esperado.")
                .doesNotContain("modules[", "Not a whole number", "VALIDATION_FAILED");
        assertThat(again.replaceAll("\\s+", " ")).contains("name=\"counted.UNHOUSED\" type=\"number\" min=\"0\" inputmode=\"numeric\" value=\"tres\"")
                .contains("name=\"counted.M1\" type=\"number\" min=\"0\" inputmode=\"numeric\" value=\"0\"");

        HttpResponse<String> counted = custody.post("/roll-count/counts", Map.of("_csrf", ConsoleHttp.csrf(again),
                "facility", facility, "counted.M1", "0", "counted.UNHOUSED", "0"));
        String after = custody.follow(counted, "es").body();
        assertThat(text(after)).contains("Recuento registrado: Con diferencias", "Sin celda (recepción)");
        JsonNode counts = as("custody").get("/api/v1/facilities/" + facility + "/counts").json();
        JsonNode latest = counts.get(0);
        assertThat(latest.get("status").asString()).as("one person without a cell was expected").isEqualTo("DISCREPANCY");
        boolean unhousedLine = false;
        for (JsonNode m : latest.get("modules")) {
            if (m.get("code").asString().equals("UNHOUSED")) {
                unhousedLine = true;
                assertThat(m.get("expected").asInt()).isEqualTo(1);
                assertThat(m.get("counted").asInt()).isZero();
            }
        }
        assertThat(unhousedLine).isTrue();
    }

    @Test
    void referralTimesAreTheFacilitysAndTheReferralFormSpeaksSpanish() throws Exception {
        String id = Dossiers.submitted(this, Dossiers.eligible("Hora", "Del Centro", "VE"));
        Instant submittedAt = Instant.parse(as("intake").get("/api/v1/referrals/" + id).json().get("submittedAt").asString());
        String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", java.util.Locale.forLanguageTag("es")).format(submittedAt.atZone(zoneOf("CECOT")));
        Session intake = Session.signIn(baseUrl, "intake");
        String detail = text(intake.get("/referrals/" + id + "?lang=es").body());
        assertThat(detail).contains(local).doesNotContain(" UTC");
        String list = text(intake.get("/referrals?agreement=" + Dossiers.AGREEMENT + "&lang=en").body());
        assertThat(list).doesNotContain(" UTC");

        Session agency = Session.signIn(baseUrl, "us-agency");
        String form = agency.get("/referrals/new?lang=es").body();
        assertThat(form).contains("<option value=\"PASSPORT\">Pasaporte</option>")
                .doesNotContain("PASSPORT o NATIONAL_ID");
        HttpResponse<String> refused = agency.post("/referrals?lang=es", Map.of("_csrf", ConsoleHttp.csrf(form),
                "agreementCode", Dossiers.AGREEMENT, "givenNames", "Tecleado", "documentType", "NATIONAL_ID"));
        String answer = text(refused.body());
        assertThat(answer).contains("Referencia del expediente: complete este campo")
                .doesNotContain("es obligatorio", "is required", "VALIDATION_FAILED");
        assertThat(refused.body()).contains("value=\"Tecleado\"", "<option value=\"NATIONAL_ID\" selected=\"selected\">");
    }

    @Test
    void thePrisonerFilePageAndItsPdfShowTheSameFactsOfTheHandover() throws Exception {
        String number = admit(command("CECOT", "Expediente", "Igual En Ambos", List.of("VE"), "TREN_DE_ARAGUA"));
        Session custody = Session.signIn(baseUrl, "custody");
        for (String lang : List.of("es", "en")) {
            String page = text(custody.get("/prisoners/" + number + "?lang=" + lang).body());
            HttpResponse<byte[]> pdf = custody.client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/prisoners/"
                    + number + "/copy.pdf?lang=" + lang)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            String copy;
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                copy = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            }
            List<String> facts = "es".equals(lang)
                    ? List.of("Pertenencias", "1 × wristwatch", "Ana Pérez (madre, Maracay, VE)", "Contacto de emergencia",
                    "Tren de Aragua", "Huella dactilar", "Pasaporte", "Ley federal de EE. UU. (First Step Act)")
                    : List.of("Property", "1 × wristwatch", "Ana Pérez (mother, Maracay, VE)", "Emergency contact",
                    "Tren de Aragua", "fingerprint", "Passport", "US federal law (First Step Act)");
            for (String fact : facts) {
                assertThat(page).as("%s on the page (%s)", fact, lang).containsIgnoringCase(fact);
                assertThat(copy).as("%s on the PDF (%s)", fact, lang).containsIgnoringCase(fact);
            }
            assertThat(page + copy).doesNotContain("MOTHER", "FINGERPRINT", "TREN_DE_ARAGUA", "PASSPORT", "US_FEDERAL_FSA",
                    "referralId", "verificationMethod");
        }
    }

    private String departedManifest(Instant now, String... referralIds) {
        Api.Response manifest = as("reception").post("/api/v1/manifests", Map.of("agreementCode", Dossiers.AGREEMENT,
                "carrier", "ICE Air", "transportReference", "GXA-" + UUID.randomUUID(),
                "scheduledDeparture", now.minus(Duration.ofHours(8)).toString(),
                "scheduledArrival", now.minus(Duration.ofHours(3)).toString(), "referralIds", List.of(referralIds)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(manifest.status()).as(manifest.text()).isEqualTo(201);
        String id = manifest.json().get("id").asString();
        assertThat(as("us-agency").post("/api/v1/manifests/" + id + "/departure",
                Map.of("departedAt", now.minus(Duration.ofHours(8)).toString())).status()).isEqualTo(200);
        return id;
    }

    /** The text a reader sees, entities decoded and spaces folded. */
    private static String text(String html) {
        return NoRawCodesInPagesTest.visibleText(html).replaceAll("\\s+", " ").replace("&#x27;", "'");
    }

    /** A console session of one user: cookies kept, redirects not followed (so a test sees where a form leads). */
    record Session(String baseUrl, HttpClient client) {

        static Session signIn(String baseUrl, String username) throws Exception {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            Session s = new Session(baseUrl, client);
            String login = s.get("/login").body();
            HttpResponse<String> in = s.post("/login", Map.of("_csrf", ConsoleHttp.csrf(login), "username", username,
                    "password", "demo"));
            assertThat(in.statusCode()).isEqualTo(302);
            assertThat(in.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return s;
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> r = client.send(ConsoleHttp.page(baseUrl, path), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r;
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(ConsoleHttp.enc(k)).append('=')
                    .append(ConsoleHttp.enc(v)));
            return client.send(ConsoleHttp.form(baseUrl, path, body.toString()), HttpResponse.BodyHandlers.ofString());
        }

        /** The page a refused or accepted form redirects to, in the language given. */
        HttpResponse<String> follow(HttpResponse<String> redirect, String lang) throws Exception {
            assertThat(redirect.statusCode()).isEqualTo(302);
            String location = redirect.headers().firstValue("Location").orElseThrow();
            String path = URI.create(location).isAbsolute() ? URI.create(location).getRawPath()
                    + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery()) : location;
            int hash = path.indexOf('#');
            if (hash >= 0) {
                path = path.substring(0, hash);
            }
            return get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
        }
    }
}
