package org.custodia.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReleaseTest extends CustodyTestSupport {

    private String minuteAgo() {
        return now().minus(1, ChronoUnit.MINUTES).toString();
    }

    private Api.Response release(String number, Map<String, Object> body) {
        return as("custody").post("/api/v1/prisoners/" + number + "/releases", body);
    }

    private List<String> errors(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString() + ":" + e.get("code").asString()));
        return fields;
    }

    private List<String> notifications(String number) {
        return jdbc.sql("""
                        SELECT n.recipient_kind || ':' || n.subject FROM notification n JOIN prisoner p ON p.id = n.prisoner_id
                        WHERE p.prisoner_number = ? ORDER BY n.created_at, n.subject""")
                .param(number).query(String.class).list();
    }

    @Test
    void anEmptyReleaseListsEveryMissingField() {
        String number = admit(command("CECOT", "Vacio", "Campos", List.of("SV"), null));
        Api.Response none = release(number, Map.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(errors(none)).contains("type:REQUIRED", "effectiveAt:REQUIRED");
        Api.Response death = release(number, Map.of("type", "DEATH"));
        assertThat(death.status()).isEqualTo(400);
        assertThat(errors(death)).containsExactlyInAnyOrder("effectiveAt:REQUIRED", "circumstances:REQUIRED",
                "cause:REQUIRED", "remainsDisposition:REQUIRED");
        Api.Response transfer = release(number, Map.of("type", "TRANSFER_TO_THIRD_STATE", "effectiveAt",
                now().plus(1, ChronoUnit.DAYS).toString()));
        assertThat(errors(transfer)).containsExactlyInAnyOrder("effectiveAt:IN_FUTURE", "receivedBy:REQUIRED",
                "destinationState:REQUIRED", "reason:REQUIRED");
        Api.Response toSender = release(number, Map.of("type", "TRANSFER_TO_THIRD_STATE", "effectiveAt", minuteAgo(),
                "receivedBy", "x", "destinationState", "US", "reason", "r"));
        assertThat(errors(toSender)).containsExactly("destinationState:SENDING_STATE");
        Api.Response returnElsewhere = release(number, Map.of("type", "RETURN_TO_SENDING_STATE", "effectiveAt", minuteAgo(),
                "receivedBy", "x", "destinationState", "VE"));
        assertThat(errors(returnElsewhere)).containsExactly("destinationState:NOT_SENDING_STATE");
        assertThat(as("custody").get("/api/v1/prisoners/" + number).json().get("status").asString()).isEqualTo("IN_CUSTODY");
        assertThat(as("reception").post("/api/v1/prisoners/" + number + "/releases", Map.of("type", "SENTENCE_COMPLETED",
                "effectiveAt", minuteAgo(), "receivedBy", "Himself")).status()).as("custody officers release").isEqualTo(403);
    }

    @Test
    void aReturnToTheSendingStateHandsOverAndTellsTheFamily() {
        String number = admit(command("CECOT", "Retorno", "Al Norte", List.of("VE"), null));
        Api.Response r = release(number, Map.of("type", "RETURN_TO_SENDING_STATE", "effectiveAt", minuteAgo(),
                "receivedBy", "US Marshals Service, Deputy J. Smith", "reason", "End of the agreement"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("destinationState").asString()).isEqualTo("US");
        JsonNode p = as("custody").get("/api/v1/prisoners/" + number).json();
        assertThat(p.get("status").asString()).isEqualTo("RELEASED");
        assertThat(p.get("release").get("receivedBy").asString()).isEqualTo("US Marshals Service, Deputy J. Smith");
        assertThat(p.get("events").get(p.get("events").size() - 1).get("type").asString()).isEqualTo("RELEASE");
        assertThat(notifications(number)).contains("FAMILY:TRANSFER");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE subject_id = ? AND action = 'PRISONER_RELEASED'")
                .param(number).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTransferToAThirdStateNeedsItsDestination() {
        String number = admit(command("CECOT", "Canje", "Venezuela", List.of("VE"), null));
        Api.Response r = release(number, Map.of("type", "TRANSFER_TO_THIRD_STATE", "effectiveAt", minuteAgo(),
                "receivedBy", "Venezuelan authorities, Maiquetía", "destinationState", "VE", "reason", "Prisoner exchange"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(as("custody").get("/api/v1/prisoners/" + number).json().get("release").get("destinationState").asString())
                .isEqualTo("VE");
        assertThat(notifications(number)).contains("FAMILY:TRANSFER");
    }

    @Test
    void aCompletedSentenceReleasesThePerson() {
        String number = admit(command("CECOT", "Cumplido", "Libre", List.of("SV"), null));
        Api.Response r = release(number, Map.of("type", "SENTENCE_COMPLETED", "effectiveAt", minuteAgo(),
                "receivedBy", "Himself, at the gate"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(notifications(number)).doesNotContain("FAMILY:TRANSFER");
    }

    @Test
    void aDeathRecordsCircumstancesCauseAndRemainsAndTellsFamilyAndConsulate() {
        String number = admit(command("CECOT", "Fallecido", "En Custodia", List.of("VE"), null));
        Map<String, Object> body = new HashMap<>();
        body.put("type", "DEATH");
        body.put("effectiveAt", minuteAgo());
        body.put("circumstances", "Found unresponsive in cell M1-C01 at the morning count");
        body.put("cause", "Cardiac arrest (autopsy pending)");
        body.put("remainsDisposition", "Handed to the Instituto de Medicina Legal, then to the family");
        Api.Response r = release(number, body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode release = as("oversight").get("/api/v1/prisoners/" + number).json().get("release");
        assertThat(release.get("type").asString()).isEqualTo("DEATH");
        assertThat(release.get("cause").asString()).startsWith("Cardiac arrest");
        assertThat(release.get("remainsDisposition").asString()).contains("Medicina Legal");
        assertThat(notifications(number)).contains("FAMILY:DEATH", "CONSULATE:DEATH");
    }

    @Test
    void aReleasedPrisonersFileIsReadOnly() {
        String number = admit(command("CECOT", "Solo", "Lectura", List.of("SV"), null));
        assertThat(release(number, Map.of("type", "SENTENCE_COMPLETED", "effectiveAt", minuteAgo(), "receivedBy", "Himself"))
                .status()).isEqualTo(201);
        String base = "/api/v1/prisoners/" + number;
        List<Api.Response> attempts = List.of(
                as("custody").post(base + "/events", Map.of("type", "REQUEST", "occurredAt", minuteAgo(), "subject", "s", "text", "t")),
                as("classification").post(base + "/events", Map.of("type", "CLASSIFICATION", "occurredAt", minuteAgo(),
                        "securityLevel", "HIGH", "reason", "r")),
                as("custody").post(base + "/movements", Map.of("direction", "OUT", "reason", "COURT",
                        "destination", "Court", "occurredAt", minuteAgo())),
                as("custody").post(base + "/cell-moves", Map.of("cell", "M1-C01", "reason", "r")),
                as("custody").post(base + "/releases", Map.of("type", "SENTENCE_COMPLETED", "effectiveAt", minuteAgo(),
                        "receivedBy", "Himself")));
        for (Api.Response attempt : attempts) {
            assertThat(attempt.status()).as(attempt.text()).isEqualTo(409);
            assertThat(attempt.json().get("code").asString()).isEqualTo("PRISONER_RELEASED");
        }
        assertThat(as("custody").get(base).status()).isEqualTo(200);
        assertThat(as("custody").get(base + "/file").status()).isEqualTo(200);
    }
}
