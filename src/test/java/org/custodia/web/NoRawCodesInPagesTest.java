package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodia.custody.AdmissionCommand;
import org.custodia.custody.CustodyTestSupport;
import org.custodia.custody.VerificationMethod;
import org.custodia.support.Api;
import org.custodia.support.Dossiers;
import org.custodia.support.ReferralBodies;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the referral, reception and custody pages (and the prisoner file's PDF copy) render, in Spanish and in
 * English, data that has every value of the enums they show, and none of them prints a raw enum constant
 * ({@code TREN_DE_ARAGUA}, {@code PASSPORT}, {@code FINGERPRINT}, {@code DIPLOMATIC_NOTE}, {@code PENDING}, ...) or a
 * missing-message marker ({@code ??key_es??}).
 */
class NoRawCodesInPagesTest extends CustodyTestSupport {

    /** The enums the pages show, by class name (several are internal to their module). */
    private static final List<String> ENUMS = List.of(
            "org.custodia.referral.ReferralStatus", "org.custodia.referral.GangAffiliation$Group",
            "org.custodia.referral.Person$Sex", "org.custodia.referral.Consent", "org.custodia.referral.SecurityLevel",
            "org.custodia.referral.Conviction$Relation", "org.custodia.referral.KeepApart$Reason",
            "org.custodia.referral.Finding$Outcome", "org.custodia.agreement.RuleType",
            "org.custodia.transport.ManifestStatus", "org.custodia.transport.internal.Manifest$PassengerOutcome",
            "org.custodia.transport.internal.ManifestRequests$DiscrepancyKind",
            "org.custodia.custody.VerificationMethod", "org.custodia.custody.internal.PrisonerStatus",
            "org.custodia.custody.internal.ReleaseType", "org.custodia.custody.internal.EntryType",
            "org.custodia.custody.internal.Requests$MovementReason", "org.custodia.custody.internal.SecurityLevel",
            "org.custodia.custody.internal.FileEntry$Finding", "org.custodia.custody.internal.FileEntry$VisitType",
            "org.custodia.custody.internal.FileEntry$FamilyNotification");

    /** Codes that travel as strings, not enums: documents, notifications, events. */
    private static final List<String> STRING_CODES = List.of("PASSPORT", "NATIONAL_ID", "ID_CARD", "DRIVING_LICENCE",
            "BIRTH_CERTIFICATE", "DIPLOMATIC_NOTE", "PHONE", "EMAIL", "LETTER", "PENDING", "SENT", "FAMILY", "CONSULATE",
            "IMPRISONMENT", "CONSULAR_NOTIFICATION", "TRANSFER", "SERIOUS_ILLNESS_OR_INJURY", "ADMISSION",
            "MOVEMENT_OUT", "MOVEMENT_IN", "RELEASE", "CELL_MOVE", "MOTHER", "DAUGHTER", "IDENTITY_NOT_VERIFIED",
            "NOT_ARRIVED", "HANDOVER_REFUSED", "VALIDATION_FAILED", "US_FEDERAL_FSA", "NO_CREDITS", "CONCURRENT", "UNHOUSED");

    private static final Pattern MISSING = Pattern.compile("\\?\\?[\\w.\\-]+_[a-zA-Z]{2,}\\?\\?");

    @Test
    void referralReceptionAndCustodyPagesShowWordsInBothLanguages() throws Exception {
        Set<String> codes = constants();
        Instant now = now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> pages = new LinkedHashMap<>(); // path -> user

        // referrals: every affiliation, every kind of identity document, a woman (ineligible for a men's prison)
        String[] groups = {"MS13", "BARRIO_18_SURENOS", "BARRIO_18_REVOLUCIONARIOS", "TREN_DE_ARAGUA", "OTHER", "NONE"};
        String[] documents = {"PASSPORT", "NATIONAL_ID", "ID_CARD", "DRIVING_LICENCE", "BIRTH_CERTIFICATE", "PASSPORT"};
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            Map<String, Object> dossier = Dossiers.eligible("Grupo " + i, "Palabras Sin Códigos", "VE");
            dossier.put("gangAffiliation", "OTHER".equals(groups[i])
                    ? Map.of("group", groups[i], "text", "Los Zetas", "source", "FBI gang database")
                    : Map.of("group", groups[i], "source", "FBI gang database"));
            ReferralBodies.person(dossier).put("identityDocuments", List.of(Map.of("type", documents[i], "number",
                    ReferralBodies.unique("D"), "issuingCountry", "VE")));
            if (i == 5) {
                ReferralBodies.person(dossier).put("sex", "FEMALE");
                dossier.put("keepApart", List.of(Map.of("externalReference", "DHS-OTHER-1", "reason", "VIOLENCE")));
            }
            submitted.add(Dossiers.submitted(this, dossier));
        }
        String rejected = submitted.get(0);
        assertThat(as("intake").post("/api/v1/referrals/" + rejected + "/decision",
                Map.of("decision", "REJECT", "reason", "Not in the agreement")).status()).isEqualTo(200);
        assertThat(as("us-agency").post("/api/v1/referrals/" + submitted.get(1) + "/withdrawal",
                Map.of("reason", "Sent in error")).status()).isEqualTo(200);
        submitted.forEach(id -> pages.put("/referrals/" + id, "intake"));
        for (String g : groups) {
            pages.put("/referrals?affiliation=" + g + "&agreement=" + Dossiers.AGREEMENT, "intake");
        }
        pages.put("/referrals?status=INELIGIBLE", "intake");
        pages.put("/referrals/new", "us-agency");

        // a flight: one admitted (Venezuelan), one Salvadoran, one refused at the gate, one not boarded
        String admitted = Dossiers.accepted(this, Dossiers.eligible("Llegó", "Bien Recibido", "VE"));
        String national = Dossiers.accepted(this, Dossiers.eligible("Nacional", "De El Salvador", "SV"));
        String refused = Dossiers.accepted(this, Dossiers.eligible("Identidad", "No Verificada", "VE"));
        String missing = Dossiers.accepted(this, Dossiers.eligible("No", "Embarcó", "VE"));
        Api.Response manifest = as("reception").post("/api/v1/manifests", Map.of("agreementCode", Dossiers.AGREEMENT,
                "carrier", "ICE Air", "transportReference", "GXA-" + UUID.randomUUID(),
                "scheduledDeparture", now.minus(Duration.ofHours(8)).toString(),
                "scheduledArrival", now.minus(Duration.ofHours(3)).toString(),
                "referralIds", List.of(admitted, national, refused, missing)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(manifest.status()).as(manifest.text()).isEqualTo(201);
        String manifestId = manifest.json().get("id").asString();
        assertThat(as("us-agency").post("/api/v1/manifests/" + manifestId + "/departure",
                Map.of("departedAt", now.minus(Duration.ofHours(8)).toString())).status()).isEqualTo(200);
        Api.Response handover = as("reception").post("/api/v1/manifests/" + manifestId + "/arrivals",
                Dossiers.handover(admitted, now.minus(Duration.ofHours(3)).toString()),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(handover.status()).as(handover.text()).isEqualTo(201);
        String fromFlight = handover.json().get("prisonerNumber").asString();
        Map<String, Object> notVerified = new LinkedHashMap<>(Dossiers.handover(refused,
                now.minus(Duration.ofHours(3)).toString()));
        notVerified.put("identityVerified", false);
        notVerified.remove("verificationMethod");
        notVerified.put("identityDiscrepancy", "Fingerprints do not match the record");
        Api.Response refusal = as("reception").post("/api/v1/manifests/" + manifestId + "/arrivals", notVerified,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(refusal.status()).as(refusal.text()).isIn(200, 201);
        assertThat(as("reception").post("/api/v1/manifests/" + manifestId + "/discrepancies", Map.of("referralId", missing,
                "kind", "NOT_BOARDED", "details", "Stayed in Texas for a hearing",
                "occurredAt", now.minus(Duration.ofHours(8)).toString())).status()).isIn(200, 201);
        pages.put("/reception/manifests/" + manifestId, "reception");
        pages.put("/reception", "reception");
        pages.put("/referrals/" + refused, "intake");
        pages.put("/referrals/" + missing, "intake");
        pages.put("/referrals/" + admitted, "intake");

        // prisoners: every verification method, every release, every entry and movement
        List<String> numbers = new ArrayList<>();
        numbers.add(fromFlight);
        for (VerificationMethod method : VerificationMethod.values()) {
            numbers.add(admit(withMethod(command("CECOT", "Método " + method.ordinal(), "Sin Códigos", List.of("VE"),
                    "MS13", now.minus(Duration.ofDays(3))), method)));
        }
        String withEntries = numbers.get(1);
        String path = "/api/v1/prisoners/" + withEntries;
        List<Api.Response> answers = new ArrayList<>();
        answers.add(as("classification").post(path + "/events", entry("CLASSIFICATION", now.minus(Duration.ofHours(50)),
                "securityLevel", "HIGH", "reason", "Initial assessment")));
        answers.add(as("custody").post(path + "/events", entry("REQUEST", now.minus(Duration.ofHours(49)),
                "subject", "Family", "text", "Do not tell my family", "familyNotification", "DECLINED")));
        answers.add(as("custody").post(path + "/events", entry("COMPLAINT", now.minus(Duration.ofHours(48)),
                "subject", "Beating", "text", "Beaten in module 3", "allegesIllTreatment", true)));
        answers.add(as("custody").post(path + "/events", entry("INJURY", now.minus(Duration.ofHours(47)),
                "circumstances", "Fell in the yard", "cause", "Wet floor", "serious", true)));
        answers.add(as("custody").post(path + "/events", entry("MEDICAL_NOTE", now.minus(Duration.ofHours(46)),
                "summary", "Seen by the doctor", "note", "Fit for the regime")));
        for (String visit : List.of("LEGAL", "CONSULAR", "FAMILY")) {
            answers.add(as("custody").post(path + "/events", entry("VISIT", now.minus(Duration.ofHours(45)),
                    "visitType", visit, "visitor", "Lic. Ana Gómez", "organisation", "Defensoría")));
        }
        answers.add(as("custody").post(path + "/events", entry("COURT", now.minus(Duration.ofHours(44)),
                "court", "U.S. District Court", "hearingDate", "2026-12-15", "legalRepresentation", "Public Defender")));
        for (String finding : List.of("GUILTY", "NOT_GUILTY", "DISMISSED")) {
            answers.add(as("custody").post(path + "/events", entry("DISCIPLINE", now.minus(Duration.ofHours(43)),
                    "offence", "Possession of a phone", "finding", finding, "sanction", "Loss of visits",
                    "gctForfeitedDays", 0)));
        }
        int hour = 40;
        for (String reason : List.of("HOSPITAL", "COURT", "OTHER")) {
            answers.add(as("custody").post(path + "/movements", Map.of("direction", "OUT", "reason", reason,
                    "destination", "Hospital Rosales", "occurredAt", now.minus(Duration.ofHours(hour--)).toString())));
            answers.add(as("custody").post(path + "/movements", Map.of("direction", "IN", "reason", reason,
                    "destination", "CECOT", "occurredAt", now.minus(Duration.ofHours(hour--)).toString())));
        }
        answers.forEach(a -> assertThat(a.status()).as(a.text()).isIn(200, 201));
        List<Map<String, Object>> releases = List.of(
                Map.of("type", "RETURN_TO_SENDING_STATE", "effectiveAt", now.minus(Duration.ofHours(1)).toString(),
                        "receivedBy", "US Marshals Service", "destinationState", "US", "reason", "Returned"),
                Map.of("type", "TRANSFER_TO_THIRD_STATE", "effectiveAt", now.minus(Duration.ofHours(1)).toString(),
                        "receivedBy", "Venezuelan authorities", "destinationState", "VE", "reason", "Prisoner exchange"),
                Map.of("type", "SENTENCE_COMPLETED", "effectiveAt", now.minus(Duration.ofHours(1)).toString(),
                        "receivedBy", "Himself, at the gate"),
                Map.of("type", "DEATH", "effectiveAt", now.minus(Duration.ofHours(1)).toString(),
                        "circumstances", "Found unresponsive", "cause", "Cardiac arrest",
                        "remainsDisposition", "Instituto de Medicina Legal"));
        for (Map<String, Object> release : releases) {
            String number = admit(command("CECOT", "Salida", "Sin Códigos", List.of("VE"), "BARRIO_18_SURENOS",
                    now.minus(Duration.ofDays(2))));
            Api.Response r = as("custody").post("/api/v1/prisoners/" + number + "/releases", release);
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            numbers.add(number);
        }
        for (String number : numbers) {
            pages.put("/prisoners/" + number, "custody");
        }
        pages.put("/prisoners/" + withEntries, "oversight");
        pages.put("/prisoners?q=" + enc("Sin Códigos"), "custody");
        pages.put("/prisoners?days=180", "custody");
        pages.put("/roll-count", "custody");
        pages.put("/oversight/alerts", "oversight");

        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            for (String lang : List.of("es", "en")) {
                String url = page.getKey() + (page.getKey().contains("?") ? "&" : "?") + "lang=" + lang;
                Api.Response r = as(page.getValue()).get(url, Map.of("Accept", "text/html"));
                assertThat(r.status()).as(url + " as " + page.getValue()).isEqualTo(200);
                found.addAll(raw(url, visibleText(r.text()), codes));
            }
        }
        for (String number : List.of(withEntries, fromFlight, numbers.get(numbers.size() - 1))) {
            for (String lang : List.of("es", "en")) {
                String url = "/prisoners/" + number + "/copy.pdf?lang=" + lang;
                Api.Response r = as("oversight").get(url, Map.of("Accept", "application/pdf"));
                assertThat(r.status()).as(url).isEqualTo(200);
                found.addAll(raw(url, pdfText(r.bytes()), codes));
            }
        }
        assertThat(found).as("raw codes or missing messages on the pages").isEmpty();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Set<String> constants() throws Exception {
        Set<String> codes = new LinkedHashSet<>(STRING_CODES);
        for (String name : ENUMS) {
            for (Object constant : Class.forName(name).getEnumConstants()) {
                codes.add(((Enum<?>) constant).name());
            }
        }
        codes.removeIf(c -> c.length() < 3); // IN, OUT are words of both languages' abbreviations; too short to tell
        return codes;
    }

    /** What a reader sees or hears: the text of the elements, and the labels and titles of attributes. */
    static String visibleText(String html) {
        String s = html.replaceAll("(?is)<script\\b.*?</script>", " ").replaceAll("(?is)<style\\b.*?</style>", " ")
                .replaceAll("(?is)<head\\b.*?</head>", " ");
        StringBuilder out = new StringBuilder();
        Matcher attrs = Pattern.compile("(?i)\\s(?:aria-label|title|placeholder|alt)=\"([^\"]*)\"").matcher(s);
        while (attrs.find()) {
            out.append(' ').append(attrs.group(1));
        }
        out.append(' ').append(s.replaceAll("(?s)<[^>]*>", " "));
        return out.toString().replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static List<String> raw(String where, String text, Set<String> codes) {
        List<String> found = new ArrayList<>();
        for (String code : codes) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(code) + "(?![\\p{L}\\p{N}_])").matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 40);
                int to = Math.min(text.length(), m.end() + 40);
                found.add(where + ": " + code + " in «" + text.substring(from, to).replaceAll("\\s+", " ") + "»");
            }
        }
        Matcher missing = MISSING.matcher(text);
        while (missing.find()) {
            found.add(where + ": missing message " + missing.group());
        }
        return found;
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static Map<String, Object> entry(String type, Instant occurredAt, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("occurredAt", occurredAt.toString());
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    private static AdmissionCommand withMethod(AdmissionCommand c, VerificationMethod method) {
        AdmissionCommand.Handover h = c.handover();
        AdmissionCommand.Handover changed = new AdmissionCommand.Handover(h.identityVerified(), method,
                h.conditionOnArrival(), h.injuriesObserved(), h.complaintOfIllTreatment(), h.illTreatmentDetails(),
                h.property(), h.familyMembers(), h.emergencyContact(), h.nextOfKin(), h.informedOfConsularRights(),
                h.consularNotificationRequested(), h.consulateNotifiedAt(), h.familyNotificationDeclined());
        return new AdmissionCommand(c.referralId(), c.agreementCode(), c.legalCustodian(), c.facilityCode(), c.person(),
                c.reasonsForCommitment(), c.convictions(), c.sentenceRegime(), c.gctDaysPerYear(), c.gangAffiliation(),
                c.securityLevel(), c.admittedAt(), changed, c.recordedBy());
    }
}
