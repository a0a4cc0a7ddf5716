package org.custodia.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Rule 10: the roll count agrees with the prisoners table after a day of comings and goings. */
class MovementsAndRollCountTest extends CustodyTestSupport {

    private String ago(int minutes) {
        return now().minus(minutes, ChronoUnit.MINUTES).toString();
    }

    @Test
    void theRollCountMatchesThePrisonersAfterADayOfAdmissionsAbsencesReturnsAndReleases() {
        String facility = newFacility(2, 3, 4);
        // two people held since last year, six admitted today
        String old1 = admit(command(facility, "Viejo", "Uno", List.of("SV"), null, now().minus(300, ChronoUnit.DAYS)));
        String old2 = admit(command(facility, "Viejo", "Dos", List.of("SV"), null, now().minus(300, ChronoUnit.DAYS)));
        List<String> today = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            today.add(admit(command(facility, "Nuevo", "Numero " + i, List.of("VE"), null,
                    now().minus(200 - i, ChronoUnit.MINUTES))));
        }
        Api custody = as("custody");
        // houses five of them: M1 gets three, M2 two
        String[][] placements = {{old1, "M1-C01"}, {old2, "M1-C01"}, {today.get(0), "M1-C02"}, {today.get(1), "M2-C01"},
                {today.get(2), "M2-C03"}};
        for (String[] p : placements) {
            Api.Response move = custody.post("/api/v1/prisoners/" + p[0] + "/cell-moves", Map.of("cell", p[1], "reason", "Placement",
                    "occurredAt", ago(170)));
            assertThat(move.status()).as(move.text()).isEqualTo(201);
        }
        // old1 to hospital and back; today[1] to court (still out); today[3] out and back
        move(old1, "OUT", "HOSPITAL", ago(150));
        move(old1, "IN", null, ago(120));
        move(today.get(1), "OUT", "COURT", ago(100));
        move(today.get(3), "OUT", "OTHER", ago(90));
        move(today.get(3), "IN", null, ago(80));
        Api.Response outTwice = custody.post("/api/v1/prisoners/" + today.get(1) + "/movements", Map.of("direction", "OUT",
                "reason", "COURT", "destination", "Court", "occurredAt", ago(70)));
        assertThat(outTwice.status()).isEqualTo(409);
        assertThat(outTwice.json().get("code").asString()).isEqualTo("MOVEMENT_NOT_ALLOWED");
        // two releases today
        assertThat(custody.post("/api/v1/prisoners/" + old2 + "/releases", Map.of("type", "RETURN_TO_SENDING_STATE",
                "effectiveAt", ago(60), "receivedBy", "USMS")).status()).isEqualTo(201);
        assertThat(custody.post("/api/v1/prisoners/" + today.get(5) + "/releases", Map.of("type", "SENTENCE_COMPLETED",
                "effectiveAt", ago(50), "receivedBy", "Himself")).status()).isEqualTo(201);

        Api.Response response = custody.get("/api/v1/facilities/" + facility + "/roll-count");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode roll = response.json();
        // what the prisoners table says
        long onRoll = sql("status <> 'RELEASED'", facility);
        long out = sql("status = 'TEMPORARILY_OUT'", facility);
        long unhoused = sql("status <> 'RELEASED' AND cell_code IS NULL", facility);
        String zone = zoneOf(facility).getId();
        long arrived = sql("(admitted_at AT TIME ZONE '" + zone + "')::date = (now() AT TIME ZONE '" + zone + "')::date", facility);
        long released = sql("(released_at AT TIME ZONE '" + zone + "')::date = (now() AT TIME ZONE '" + zone + "')::date", facility);
        assertThat(roll.get("population").asLong()).isEqualTo(onRoll).isEqualTo(6);
        assertThat(roll.get("temporarilyOut").asLong()).isEqualTo(out).isEqualTo(1);
        assertThat(roll.get("unhoused").asLong()).isEqualTo(unhoused).isEqualTo(2);
        assertThat(roll.get("arrivedToday").asLong()).isEqualTo(arrived);
        assertThat(roll.get("releasedToday").asLong()).isEqualTo(released);
        assertThat(roll.get("enRoute").asInt()).isZero();
        JsonNode m1 = roll.get("modules").get(0);
        JsonNode m2 = roll.get("modules").get(1);
        assertThat(m1.get("code").asString()).isEqualTo("M1");
        assertThat(m1.get("bedsInUse").asInt()).as("old2 left M1-C01").isEqualTo(2);
        assertThat(m1.get("workingCapacity").asInt()).isEqualTo(12);
        assertThat(m1.get("netVacancies").asInt()).isEqualTo(10);
        assertThat(m2.get("bedsInUse").asInt()).as("today[1] is out at court but keeps the bed").isEqualTo(2);
        assertThat(m2.get("present").asInt()).isEqualTo(1);
        long housed = sql("status <> 'RELEASED' AND cell_code IS NOT NULL", facility);
        assertThat(m1.get("bedsInUse").asInt() + m2.get("bedsInUse").asInt()).isEqualTo((int) housed);

        JsonNode occupancy = custody.get("/api/v1/facilities/" + facility + "/occupancy").json();
        assertThat(occupancy.get("modules").get(0).get("occupied").asInt()).isEqualTo(2);
        assertThat(occupancy.get("modules").get(0).get("cells").get(0).get("code").asString()).isEqualTo("M1-C01");
        assertThat(occupancy.get("modules").get(0).get("cells").get(0).get("occupied").asInt()).isEqualTo(1);

        // the timeline keeps the absences
        List<String> types = new ArrayList<>();
        custody.get("/api/v1/prisoners/" + old1).json().get("events").forEach(e -> types.add(e.get("type").asString()));
        assertThat(types).containsExactly("ADMISSION", "CELL_MOVE", "MOVEMENT_OUT", "MOVEMENT_IN");
        assertThat(as("us-agency").get("/api/v1/facilities/" + facility + "/roll-count").status()).isEqualTo(403);
        assertThat(as("oversight").get("/api/v1/facilities/" + facility + "/roll-count").status()).isEqualTo(200);
        assertThat(custody.get("/api/v1/facilities/NOPE/roll-count").json().get("code").asString()).isEqualTo("FACILITY_NOT_FOUND");
    }

    @Test
    void aFormalCountFlagsDifferencesUntilResolved() {
        String facility = newFacility(2, 2, 5);
        Api custody = as("custody");
        for (int i = 0; i < 3; i++) {
            String n = admit(command(facility, "Contado", "Numero " + i, List.of("SV"), null));
            custody.post("/api/v1/prisoners/" + n + "/cell-moves", Map.of("cell", i < 2 ? "M1-C01" : "M2-C01", "reason", "Placement"));
            if (i == 1) {
                move(n, "OUT", "HOSPITAL", ago(10));
            }
        }
        Api.Response clear = custody.post("/api/v1/facilities/" + facility + "/counts",
                Map.of("modules", List.of(Map.of("code", "M1", "counted", 1), Map.of("code", "M2", "counted", 1))));
        assertThat(clear.status()).as(clear.text()).isEqualTo(201);
        assertThat(clear.json().get("status").asString()).isEqualTo("CLEAR");

        Api.Response off = custody.post("/api/v1/facilities/" + facility + "/counts",
                Map.of("modules", List.of(Map.of("code", "M1", "counted", 1), Map.of("code", "M2", "counted", 0))));
        assertThat(off.json().get("status").asString()).isEqualTo("DISCREPANCY");
        JsonNode m2 = off.json().get("modules").get(1);
        assertThat(m2.get("expected").asInt()).isEqualTo(1);
        assertThat(m2.get("difference").asInt()).isEqualTo(-1);
        assertThat(m2.get("flagged").asBoolean()).isTrue();
        String id = off.json().get("id").asString();
        JsonNode roll = custody.get("/api/v1/facilities/" + facility + "/roll-count").json();
        assertThat(roll.get("openDiscrepancies").size()).isEqualTo(1);
        assertThat(roll.get("openDiscrepancies").get(0).get("id").asString()).isEqualTo(id);

        Api.Response invalid = custody.post("/api/v1/facilities/" + facility + "/counts",
                Map.of("modules", List.of(Map.of("code", "M9", "counted", -1), Map.of("code", "M1"))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text()).contains("UNKNOWN_MODULE", "OUT_OF_RANGE", "REQUIRED");

        assertThat(custody.post("/api/v1/facilities/" + facility + "/counts/" + id + "/resolution", Map.of()).status())
                .isEqualTo(400);
        Api.Response resolved = custody.post("/api/v1/facilities/" + facility + "/counts/" + id + "/resolution",
                Map.of("reason", "Recounted: one prisoner was in the shower block"));
        assertThat(resolved.status()).as(resolved.text()).isEqualTo(200);
        assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(custody.get("/api/v1/facilities/" + facility + "/roll-count").json().get("openDiscrepancies").size()).isZero();
        assertThat(custody.post("/api/v1/facilities/" + facility + "/counts/" + id + "/resolution",
                Map.of("reason", "again")).json().get("code").asString()).isEqualTo("COUNT_NOT_OPEN");
        List<String> actions = jdbc.sql("SELECT action FROM ledger_entry WHERE subject_type = 'FACILITY_COUNT' AND subject_id = ? ORDER BY sequence")
                .param(id).query(String.class).list();
        assertThat(actions).containsExactly("FACILITY_COUNT_DISCREPANCY", "FACILITY_COUNT_RESOLVED");
    }

    private void move(String number, String direction, String reason, String at) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("direction", direction);
        body.put("occurredAt", at);
        if (reason != null) {
            body.put("reason", reason);
            body.put("destination", "Hospital Nacional Rosales");
        }
        Api.Response r = as("custody").post("/api/v1/prisoners/" + number + "/movements", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    private long sql(String condition, String facility) {
        return jdbc.sql("SELECT count(*) FROM prisoner WHERE facility_code = ? AND " + condition).param(facility)
                .query(Long.class).single();
    }
}
