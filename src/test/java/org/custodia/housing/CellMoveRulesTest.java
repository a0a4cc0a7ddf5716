package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodia.support.TestClock;
import org.custodia.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every hard rule refuses a cell move (409 HOUSING_RULE_VIOLATION naming the rule and the people), through the API. */
class CellMoveRulesTest extends HousingTestSupport {

    @Test
    void rivalGangsNeverShareAModuleAndTheRefusalNamesThePeople() {
        String facility = facilityWithRivals(2, 3, 10);
        String ms13 = person(facility, "MS13");
        String tren = person(facility, "TREN_DE_ARAGUA");
        String ms13b = person(facility, "MS13");
        moved(ms13, "M1-C01");
        Api.Response refused = move("classification", tren, "M1-C02");
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("HOUSING_RULE_VIOLATION");
        assertThat(rules(refused)).containsExactly("RIVAL_GANG");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains(ms13).contains("MS13");
        assertThat(move("custody", tren, "M2-C01").status()).isEqualTo(201);
        assertThat(move("custody", ms13b, "M1-C01").status()).as("one gang may share").isEqualTo(201);
        assertThat(move("us-agency", ms13, "M1-C03").status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT action FROM ledger_entry WHERE subject_id = ? ORDER BY sequence").param(ms13)
                .query(String.class).list()).contains("PRISONER_CELL_MOVED");
        assertThat(as("custody").get("/api/v1/prisoners/" + ms13).json().get("cell").asString()).isEqualTo("M1-C01");
    }

    @Test
    void aFullCellAnInactiveCellAnUnknownCellAndTheSameCellAreRefused() {
        String facility = facilityWithRivals(1, 2, 2);
        Api.Response closed = as("admin").put("/api/v1/facilities/" + facility + "/locations/M1-C02",
                Map.of("active", false, "inactiveReason", "DAMAGED"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        String a = person(facility, null);
        String b = person(facility, null);
        String c = person(facility, null);
        moved(a, "M1-C01");
        moved(b, "M1-C01");
        assertThat(rules(move("custody", c, "M1-C01"))).containsExactly("CELL_FULL");
        assertThat(rules(move("custody", c, "M1-C02"))).containsExactly("CELL_INACTIVE");
        assertThat(rules(move("custody", c, "M7-C99"))).containsExactly("CELL_NOT_IN_FACILITY");
        Api.Response same = move("custody", a, "M1-C01");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.text()).contains("SAME_CELL");
        Api.Response below = as("admin").put("/api/v1/facilities/" + facility + "/locations/M1-C01", Map.of("workingCapacity", 1));
        assertThat(below.status()).as(below.text()).isEqualTo(409);
        assertThat(below.json().get("code").asString()).isEqualTo("CAPACITY_BELOW_OCCUPANCY");
        assertThat(as("custody").post("/api/v1/prisoners/" + a + "/releases", Map.of("type", "SENTENCE_COMPLETED",
                "effectiveAt", TestClock.get().instant().toString(), "receivedBy", "Himself")).status()).isEqualTo(201);
        assertThat(move("custody", c, "M1-C01").status()).as("a release frees the bed").isEqualTo(201);
        Api.Response released = move("custody", a, "M1-C01");
        assertThat(released.status()).isEqualTo(409);
        assertThat(released.json().get("code").asString()).isEqualTo("PRISONER_RELEASED");
    }

    @Test
    void keepApartRecordsSecurityLevelsCategoriesAndNeedsAreRules() {
        String facility = facilityWithRivals(2, 2, 5);
        addMedicalBlock(facility);
        String victim = person(facility, null);
        String aggressor = person(facility, null);
        moved(victim, "M1-C01");
        String record = keepApart(victim, aggressor, "MODULE");
        Api.Response apart = move("classification", aggressor, "M1-C02");
        assertThat(rules(apart)).containsExactly("KEEP_APART");
        assertThat(apart.json().get("errors").get(0).get("message").asString()).contains(victim);
        assertThat(as("classification").post("/api/v1/keep-aparts/" + record + "/closure", Map.of("reason", "Transferred gang"))
                .status()).isEqualTo(200);
        assertThat(move("classification", aggressor, "M1-C02").status()).as("a closed record no longer holds").isEqualTo(201);

        Api.Response medium = as("admin").put("/api/v1/facilities/" + facility + "/locations/M2", Map.of("securityLevel", "MEDIUM"));
        assertThat(medium.status()).as(medium.text()).isEqualTo(200);
        String maximum = person(facility, null);
        assertThat(rules(move("classification", maximum, "M2-C01"))).containsExactly("SECURITY_LEVEL");

        String woman = admit(ofSex(command(facility, "Ana", "Mujer " + unique(), List.of("SV"), null), "FEMALE"));
        Api.Response category = move("classification", woman, "M1-C01");
        assertThat(rules(category)).as("a male facility, and men in the cell").containsOnly("CATEGORY").hasSize(2);

        String patient = person(facility, null);
        needs(patient, "MEDICAL");
        assertThat(rules(move("classification", patient, "M1-C01"))).containsExactly("NEEDS");
        assertThat(move("classification", patient, "MED-C01").status()).isEqualTo(201);
        assertThat(rules(move("classification", maximum, "MED-C01"))).as("the ward is for patients").containsExactly("NEEDS");
        Api.Response spanish = as("classification").post("/api/v1/prisoners/" + maximum + "/cell-moves",
                Map.of("cell", "MED-C01", "reason", "Placement"), Map.of("Accept-Language", "es"));
        assertThat(spanish.json().get("errors").get(0).get("message").asString()).contains("reservada");
    }

    @Test
    void concurrentMovesIntoANearlyFullCellNeverExceedItsCapacity() throws Exception {
        String facility = facilityWithRivals(1, 1, 4);
        moved(person(facility, null), "M1-C01");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            numbers.add(person(facility, null));
        }
        var pool = Executors.newFixedThreadPool(8);
        int placed = 0;
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String n : numbers) {
                results.add(pool.submit(() -> move("custody", n, "M1-C01").status()));
            }
            for (Future<Integer> r : results) {
                int status = r.get();
                assertThat(status).isIn(201, 409);
                placed += status == 201 ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(placed).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM prisoner WHERE facility_code = ? AND cell_code = 'M1-C01'").param(facility)
                .query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void occupancyShowsAffiliationsAndOvercrowdingBeyondCertifiedCapacity() {
        String facility = facilityWithRivals(1, 2, 3);
        Api.Response certified = as("admin").put("/api/v1/facilities/" + facility + "/locations/M1-C01",
                Map.of("certifiedNormalAccommodation", 2));
        assertThat(certified.status()).as(certified.text()).isEqualTo(200);
        moved(person(facility, "MS13"), "M1-C01");
        moved(person(facility, "MS13"), "M1-C01");
        moved(person(facility, null), "M1-C01");
        JsonNode occupancy = as("oversight").get("/api/v1/facilities/" + facility + "/occupancy").json();
        assertThat(occupancy.get("facilityCode").asString()).isEqualTo(facility);
        assertThat(occupancy.get("certifiedNormalAccommodation").asInt()).isEqualTo(5);
        assertThat(occupancy.get("occupancyPercent").asInt()).isEqualTo(60);
        JsonNode module = occupancy.get("modules").get(0);
        assertThat(module.get("code").asString()).isEqualTo("M1");
        assertThat(module.get("workingCapacity").asInt()).isEqualTo(6);
        assertThat(module.get("occupied").asInt()).isEqualTo(3);
        JsonNode cell = module.get("cells").get(0);
        assertThat(cell.get("code").asString()).isEqualTo("M1-C01");
        assertThat(cell.get("occupied").asInt()).isEqualTo(3);
        assertThat(cell.get("overcrowding").asInt()).isEqualTo(1);
        assertThat(cell.get("affiliations").toString()).contains("MS13").contains("NONE");
        assertThat(as("us-agency").get("/api/v1/facilities/" + facility + "/occupancy").status()).isEqualTo(403);
        assertThat(as("custody").get("/api/v1/facilities/NOPE/occupancy").json().get("code").asString())
                .isEqualTo("FACILITY_NOT_FOUND");
    }
}
