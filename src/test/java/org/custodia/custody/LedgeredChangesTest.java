package org.custodia.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.junit.jupiter.api.Test;

/** Rule 6: every change of a prisoner file is in the ledger, under the user who made it, and the chain verifies. */
class LedgeredChangesTest extends CustodyTestSupport {

    private String ago(int minutes) {
        return now().minus(minutes, ChronoUnit.MINUTES).toString();
    }

    @Test
    void everyChangeIsLedgeredUnderItsAuthor() {
        String number = admit(command("CECOT", "Libro", "Mayor", List.of("VE"), "MS13", now().minus(5, ChronoUnit.HOURS)));
        String base = "/api/v1/prisoners/" + number;
        List<Api.Response> changes = List.of(
                as("classification").post(base + "/cell-moves", Map.of("cell", "M8-C32", "reason", "Placement", "occurredAt", ago(250))),
                as("classification").post(base + "/events", Map.of("type", "CLASSIFICATION", "occurredAt", ago(240),
                        "securityLevel", "HIGH", "reason", "Review")),
                as("custody").post(base + "/events", Map.of("type", "COMPLAINT", "occurredAt", ago(230), "subject", "Guards",
                        "text", "Pushed", "allegesIllTreatment", true)),
                as("custody").post(base + "/movements", Map.of("direction", "OUT", "reason", "COURT", "destination",
                        "Juzgado", "occurredAt", ago(200))),
                as("custody").post(base + "/movements", Map.of("direction", "IN", "occurredAt", ago(100))),
                as("custody").post(base + "/releases", Map.of("type", "RETURN_TO_SENDING_STATE", "effectiveAt", ago(10),
                        "receivedBy", "USMS")));
        changes.forEach(r -> assertThat(r.status()).as(r.text()).isEqualTo(201));
        List<String> entries = jdbc.sql("""
                        SELECT actor || ':' || action FROM ledger_entry WHERE subject_type = 'PRISONER' AND subject_id = ?
                        ORDER BY sequence""")
                .param(number).query(String.class).list();
        assertThat(entries).containsExactly(
                "system:NOTIFICATION_CREATED", "system:NOTIFICATION_CREATED", "system:PRISONER_ADMITTED",
                "classification:PRISONER_CELL_MOVED", "classification:PRISONER_ENTRY_RECORDED",
                "custody:OVERSIGHT_ALERT_RAISED", "custody:PRISONER_ENTRY_RECORDED", "custody:PRISONER_MOVED_OUT",
                "custody:PRISONER_RETURNED", "custody:NOTIFICATION_CREATED", "custody:PRISONER_RELEASED");
        Api.Response verification = as("oversight").get("/api/v1/ledger/verification");
        assertThat(verification.json().get("valid").asBoolean()).isTrue();
    }
}
