package org.custodia.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The entries of Rule 8: each dated, authored, ledgered; roles per type; confidential medical notes (Rule 9). */
class FileEntriesTest extends CustodyTestSupport {

    private static Map<String, Object> entry(String type, Instant occurredAt, Object... fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("occurredAt", occurredAt.toString());
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    private Instant minutesAgo(int minutes) {
        return now().minus(minutes, ChronoUnit.MINUTES);
    }

    @Test
    void everyTypeIsRecordedDatedAuthoredAndLedgeredInTheTimeline() {
        String number = admit(command("CECOT", "Carlos", "Rivas", List.of("VE"), "TREN_DE_ARAGUA",
                now().minus(3, ChronoUnit.DAYS)));
        Api custody = as("custody");
        List<Api.Response> answers = new ArrayList<>();
        answers.add(as("classification").post("/api/v1/prisoners/" + number + "/events",
                entry("CLASSIFICATION", minutesAgo(600), "securityLevel", "HIGH", "reason", "Initial assessment")));
        answers.add(custody.post("/api/v1/prisoners/" + number + "/events",
                entry("REQUEST", minutesAgo(500), "subject", "Telephone call", "text", "Asks to call his mother")));
        answers.add(custody.post("/api/v1/prisoners/" + number + "/events",
                entry("INJURY", minutesAgo(400), "circumstances", "Fell in the yard", "cause", "Wet floor")));
        answers.add(custody.post("/api/v1/prisoners/" + number + "/events",
                entry("VISIT", minutesAgo(300), "visitType", "LEGAL", "visitor", "Lic. Ana Gómez", "organisation", "Defensoría")));
        answers.add(custody.post("/api/v1/prisoners/" + number + "/events",
                entry("COURT", minutesAgo(200), "court", "U.S. District Court", "hearingDate", "2026-12-15",
                        "legalRepresentation", "Federal Public Defender")));
        answers.add(custody.post("/api/v1/prisoners/" + number + "/events",
                entry("DISCIPLINE", minutesAgo(100), "offence", "Possession of a phone", "finding", "NOT_GUILTY")));
        answers.forEach(a -> assertThat(a.status()).as(a.text()).isEqualTo(201));
        assertThat(answers.get(0).json().get("recordedBy").asString()).isEqualTo("classification");
        assertThat(answers.get(1).json().get("recordedBy").asString()).isEqualTo("custody");
        assertThat(answers.get(1).json().get("recordedAt").asString()).isNotBlank();

        JsonNode p = custody.get("/api/v1/prisoners/" + number).json();
        assertThat(p.get("securityLevel").asString()).isEqualTo("HIGH");
        List<String> types = new ArrayList<>();
        p.get("events").forEach(e -> types.add(e.get("type").asString()));
        assertThat(types).containsExactly("ADMISSION", "CLASSIFICATION", "REQUEST", "INJURY", "VISIT", "COURT", "DISCIPLINE");
        List<String> ledgered = jdbc.sql("""
                        SELECT payload::jsonb ->> 'type' FROM ledger_entry
                        WHERE subject_type = 'PRISONER' AND subject_id = ? AND action = 'PRISONER_ENTRY_RECORDED' ORDER BY sequence""")
                .param(number).query(String.class).list();
        assertThat(ledgered).containsExactly("CLASSIFICATION", "REQUEST", "INJURY", "VISIT", "COURT", "DISCIPLINE");
    }

    @Test
    void entriesInTheFutureAreRefusedEntriesInThePastAreKeptWithBothTimes() {
        String number = admit(command("CECOT", "Mario", "Tiempo", List.of("SV"), null,
                now().minus(400, ChronoUnit.DAYS)));
        Api.Response future = as("custody").post("/api/v1/prisoners/" + number + "/events",
                entry("REQUEST", now().plus(10, ChronoUnit.MINUTES), "subject", "s", "text", "t"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("occurredAt");
        assertThat(future.json().get("errors").get(0).get("code").asString()).isEqualTo("IN_FUTURE");

        Instant monthsAgo = now().minus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Api.Response past = as("custody").post("/api/v1/prisoners/" + number + "/events",
                entry("REQUEST", monthsAgo, "subject", "Old request", "text", "Written after the fact"));
        assertThat(past.status()).as(past.text()).isEqualTo(201);
        assertThat(Instant.parse(past.json().get("occurredAt").asString())).isEqualTo(monthsAgo);
        assertThat(Instant.parse(past.json().get("recordedAt").asString())).isAfter(now().minus(1, ChronoUnit.MINUTES));

        Api.Response beforeAdmission = as("custody").post("/api/v1/prisoners/" + number + "/events",
                entry("REQUEST", now().minus(500, ChronoUnit.DAYS), "subject", "s", "text", "t"));
        assertThat(beforeAdmission.status()).isEqualTo(400);
        assertThat(beforeAdmission.text()).contains("BEFORE_ADMISSION");
        Api.Response futureMove = as("custody").post("/api/v1/prisoners/" + number + "/movements", Map.of("direction", "OUT",
                "reason", "HOSPITAL", "destination", "Hospital Rosales", "occurredAt", now().plus(1, ChronoUnit.HOURS).toString()));
        assertThat(futureMove.status()).isEqualTo(400);
        assertThat(futureMove.text()).contains("IN_FUTURE");
    }

    @Test
    void eachTypeHasItsRolesAndItsRequiredFields() {
        String number = admit(command("CECOT", "Roles", "Por Tipo", List.of("SV"), null));
        String path = "/api/v1/prisoners/" + number + "/events";
        Api.Response custodyClassifies = as("custody").post(path, entry("CLASSIFICATION", minutesAgo(5),
                "securityLevel", "MEDIUM", "reason", "r"));
        assertThat(custodyClassifies.status()).isEqualTo(403);
        assertThat(custodyClassifies.json().get("code").asString()).isEqualTo("ENTRY_TYPE_NOT_ALLOWED");
        assertThat(as("oversight").post(path, entry("REQUEST", minutesAgo(5), "subject", "s", "text", "t")).status())
                .as("oversight changes nothing").isEqualTo(403);
        assertThat(as("us-agency").post(path, entry("REQUEST", minutesAgo(5), "subject", "s", "text", "t")).status())
                .isEqualTo(403);
        Api.Response empty = as("custody").post(path, entry("DISCIPLINE", minutesAgo(5), "finding", "GUILTY",
                "gctForfeitedDays", -3));
        assertThat(empty.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        empty.json().get("errors").forEach(e -> fields.add(e.get("field").asString() + ":" + e.get("code").asString()));
        assertThat(fields).contains("offence:REQUIRED", "sanction:REQUIRED", "gctForfeitedDays:OUT_OF_RANGE");
        Api.Response unknown = as("custody").post(path, entry("GOSSIP", minutesAgo(5)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("INVALID_VALUE");
    }

    @Test
    void aForfeitureBySanctionMovesTheReleaseLater() {
        String number = admit(command("CECOT", "Sancionado", "Tarde", List.of("SV"), null));
        JsonNode before = as("custody").get("/api/v1/prisoners/" + number + "/sentence").json();
        LocalDate releaseBefore = LocalDate.parse(before.get("projectedReleaseDate").asString());
        Api.Response sanction = as("custody").post("/api/v1/prisoners/" + number + "/events", entry("DISCIPLINE",
                minutesAgo(30), "offence", "Assault on another prisoner", "finding", "GUILTY",
                "sanction", "30 days in segregation", "gctForfeitedDays", 27));
        assertThat(sanction.status()).as(sanction.text()).isEqualTo(201);
        JsonNode after = as("custody").get("/api/v1/prisoners/" + number + "/sentence").json();
        assertThat(after.get("gctForfeitedDays").asInt()).isEqualTo(27);
        assertThat(LocalDate.parse(after.get("projectedReleaseDate").asString())).isEqualTo(releaseBefore.plusDays(27));
        assertThat(after.get("breakdown").size()).isGreaterThan(2);
        assertThat(after.get("forfeitures").get(0).get("days").asInt()).isEqualTo(27);
        assertThat(as("us-agency").get("/api/v1/prisoners/" + number + "/sentence?lang=es").json().get("breakdown")
                .toString()).containsIgnoringCase("conducta");
        String stored = jdbc.sql("SELECT release_date::text FROM prisoner WHERE prisoner_number = ?").param(number)
                .query(String.class).single();
        assertThat(stored).isEqualTo(after.get("releaseDate").asString());
    }

    @Test
    void aComplaintOfIllTreatmentAlertsOversightAndASeriousInjuryNotifiesTheFamily() {
        String number = admit(command("CECOT", "Queja", "Maltrato", List.of("VE"), null));
        String path = "/api/v1/prisoners/" + number + "/events";
        assertThat(as("custody").post(path, entry("COMPLAINT", minutesAgo(20), "subject", "Food", "text",
                "Cold food", "allegesIllTreatment", false)).status()).isEqualTo(201);
        assertThat(as("custody").post(path, entry("COMPLAINT", minutesAgo(10), "subject", "Beating", "text",
                "Beaten by guards in module 3", "allegesIllTreatment", true)).status()).isEqualTo(201);
        List<String> alerts = new ArrayList<>();
        as("oversight").get("/api/v1/oversight/alerts").json().forEach(a -> {
            if (a.get("prisonerNumber").asString().equals(number)) {
                alerts.add(a.get("kind").asString() + ":" + a.get("details").asString());
            }
        });
        assertThat(alerts).containsExactly("ILL_TREATMENT_COMPLAINT:Beating: Beaten by guards in module 3");

        // the family's notices are listed in the order they were raised: the injury's a second after the admission's
        TestClock.get().advance(Duration.ofSeconds(1));
        assertThat(as("custody").post(path, entry("INJURY", minutesAgo(5), "circumstances", "Fight", "cause",
                "Stab wound", "serious", true)).status()).isEqualTo(201);
        List<String> notified = jdbc.sql("""
                        SELECT n.subject FROM notification n JOIN prisoner p ON p.id = n.prisoner_id
                        WHERE p.prisoner_number = ? AND n.recipient_kind = 'FAMILY' ORDER BY n.created_at""")
                .param(number).query(String.class).list();
        assertThat(notified).containsExactly("IMPRISONMENT", "SERIOUS_ILLNESS_OR_INJURY");
    }

    @Test
    void aPrisonerWhoDeclinesFamilyNotificationIsRespected() {
        String number = admit(command("CECOT", "Discreto", "Sin Aviso", List.of("SV"), null));
        assertThat(as("custody").post("/api/v1/prisoners/" + number + "/events", entry("REQUEST", minutesAgo(15),
                "subject", "Family", "text", "Do not tell my family anything", "familyNotification", "DECLINED"))
                .status()).isEqualTo(201);
        assertThat(as("custody").post("/api/v1/prisoners/" + number + "/events", entry("MEDICAL_NOTE", minutesAgo(5),
                "summary", "Hospital admission", "note", "Acute appendicitis", "serious", true)).status()).isEqualTo(201);
        long family = jdbc.sql("""
                        SELECT count(*) FROM notification n JOIN prisoner p ON p.id = n.prisoner_id
                        WHERE p.prisoner_number = ? AND n.subject = 'SERIOUS_ILLNESS_OR_INJURY'""")
                .param(number).query(Long.class).single();
        assertThat(family).isZero();
    }

    @Test
    void aMedicalNoteIsReadInFullOnlyByAdminAndOversight() {
        String number = admit(command("CECOT", "Paciente", "Reservado", List.of("VE"), null));
        assertThat(as("custody").post("/api/v1/prisoners/" + number + "/events", entry("MEDICAL_NOTE", minutesAgo(5),
                "summary", "Seen by the doctor; fit for the regime", "note", "HIV positive, antiretroviral therapy"))
                .status()).isEqualTo(201);
        Map<String, JsonNode> seen = new HashMap<>();
        for (String user : List.of("custody", "oversight", "admin", "us-agency", "ve-consul")) {
            Api.Response r = as(user).get("/api/v1/prisoners/" + number);
            assertThat(r.status()).as(user).isEqualTo(200);
            r.json().get("events").forEach(e -> {
                if (e.get("type").asString().equals("MEDICAL_NOTE")) {
                    seen.put(user, e.get("details"));
                }
            });
        }
        assertThat(seen.get("custody").has("summary")).isTrue();
        assertThat(seen.get("custody").has("note")).isFalse();
        assertThat(seen.get("oversight").get("note").asString()).contains("antiretroviral");
        assertThat(seen.get("admin").get("note").asString()).contains("antiretroviral");
        assertThat(seen.get("us-agency").has("summary")).isFalse();
        assertThat(seen.get("ve-consul").has("note")).isFalse();
        assertThat(seen.get("ve-consul").get("confidential").asBoolean()).isTrue();
        String ledger = jdbc.sql("SELECT string_agg(payload, ' ') FROM ledger_entry WHERE subject_id = ?").param(number)
                .query(String.class).single();
        assertThat(ledger).as("the ledger, which every role may verify, keeps no medical detail")
                .doesNotContain("antiretroviral");
    }

    @Test
    void aConsulRecordsConsularVisitsForItsOwnNationalsOnly() {
        String venezuelan = admit(command("CECOT", "Nacional", "Venezolano", List.of("VE"), null));
        String salvadoran = admit(command("CECOT", "Nacional", "Salvadoreño", List.of("SV"), null));
        Api consul = as("ve-consul");
        Api.Response visit = consul.post("/api/v1/prisoners/" + venezuelan + "/events", entry("VISIT", minutesAgo(30),
                "visitType", "CONSULAR", "visitor", "Cónsul Pedro Díaz"));
        assertThat(visit.status()).as(visit.text()).isEqualTo(201);
        assertThat(visit.json().get("details").get("organisation").asString()).isEqualTo("Consulate of VE");
        assertThat(consul.post("/api/v1/prisoners/" + venezuelan + "/events", entry("VISIT", minutesAgo(30),
                "visitType", "FAMILY", "visitor", "Someone")).status()).isEqualTo(403);
        assertThat(consul.post("/api/v1/prisoners/" + venezuelan + "/events", entry("REQUEST", minutesAgo(30),
                "subject", "s", "text", "t")).status()).isEqualTo(403);
        Api.Response other = consul.post("/api/v1/prisoners/" + salvadoran + "/events", entry("VISIT", minutesAgo(30),
                "visitType", "CONSULAR", "visitor", "Cónsul Pedro Díaz"));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().get("code").asString()).isEqualTo("PRISONER_NOT_FOUND");
    }
}
