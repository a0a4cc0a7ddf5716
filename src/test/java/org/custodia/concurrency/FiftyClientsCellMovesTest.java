package org.custodia.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.custodia.housing.HousingTestSupport;
import org.custodia.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Fifty clients moving fifty prisoners between cells at once, through the real API, round after round, into too few
 * places (36 for 50 people), with rival gangs that the facility's matrix keeps apart by module and keep-apart records
 * by cell and by module. Every answer is a move done (201) or refused with the rule it would break (409
 * HOUSING_RULE_VIOLATION, or 400 for the cell the person is already in); afterwards no cell is over its working
 * capacity, no rivals share a module, no keep-apart pair shares what it may not, each prisoner is in the cell of
 * their last acknowledged move, the occupancy figures equal the prisoners table, and the ledger has exactly one
 * {@code PRISONER_CELL_MOVED} per move done, in one gapless chain that verifies.
 */
class FiftyClientsCellMovesTest extends HousingTestSupport {

    static final int CLIENTS = 50;
    static final int ROUNDS = 4;

    @Test
    void fiftyClientsMovingPrisonersAtOnceNeverBreakCapacityRivalriesOrKeepAparts() throws Exception {
        String facility = facilityWithRivals(3, 4, 3);
        List<String> cells = new ArrayList<>();
        for (int m = 1; m <= 3; m++) {
            for (int c = 1; c <= 4; c++) {
                cells.add("M%d-C%02d".formatted(m, c));
            }
        }
        List<String> gangs = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            gangs.add(i < 12 ? "MS13" : i < 24 ? "BARRIO_18_SURENOS" : i < 30 ? "TREN_DE_ARAGUA" : null);
        }
        List<String> people = new ArrayList<>();
        for (String gang : gangs) {
            people.add(person(facility, gang));
        }
        assertThat(people).hasSize(CLIENTS);
        // Keep-apart records among the unaffiliated (30..49): five pairs by cell, three by module.
        for (int k = 0; k < 5; k++) {
            keepApart(people.get(30 + 2 * k), people.get(31 + 2 * k), "CELL");
        }
        for (int k = 0; k < 3; k++) {
            keepApart(people.get(40 + 2 * k), people.get(41 + 2 * k), "MODULE");
        }
        long movesBefore = ledgered(people);

        Map<String, String> lastAcknowledged = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        int requests = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int seed = round;
            List<String> answers = FiftyClientsTest.together(CLIENTS, i -> {
                Random random = new Random(1000L * seed + i);
                // half the clients crowd into three hot cells, the others anywhere
                String cell = i % 2 == 0 ? cells.get(random.nextInt(3)) : cells.get(random.nextInt(cells.size()));
                String number = people.get(i);
                Api.Response r = move(i % 3 == 0 ? "custody" : "classification", number, cell);
                String outcome = r.status() + " " + (r.status() == 201 ? "MOVED" : r.json().path("code").asString());
                if (r.status() == 201) {
                    lastAcknowledged.put(number, cell);
                } else if (r.status() == 409) {
                    List<String> rules = rules(r);
                    assertThat(rules).as(r.text()).isNotEmpty()
                            .allMatch(rule -> List.of("CELL_FULL", "RIVAL_GANG", "KEEP_APART").contains(rule));
                }
                return outcome;
            });
            requests += answers.size();
            answers.forEach(a -> outcomes.computeIfAbsent(a, k -> new AtomicInteger()).incrementAndGet());
        }
        System.out.printf("FiftyClientsCellMovesTest: %d clients × %d rounds = %d moves requested; outcomes %s%n",
                CLIENTS, ROUNDS, requests, outcomes);
        assertThat(outcomes.keySet()).as("only moves done and rule refusals, never a 5xx")
                .allMatch(o -> o.equals("201 MOVED") || o.equals("409 HOUSING_RULE_VIOLATION")
                        || o.equals("400 VALIDATION_FAILED"));
        int moved = outcomes.getOrDefault("201 MOVED", new AtomicInteger()).get();
        assertThat(moved).as("moves were done").isPositive();
        assertThat(outcomes.getOrDefault("409 HOUSING_RULE_VIOLATION", new AtomicInteger()).get())
                .as("and refused: 50 people do not fit in 36 places").isPositive();

        // Capacity: no cell over its working capacity.
        List<Map<String, Object>> over = jdbc.sql("""
                        SELECT p.cell_code, count(*) AS n, l.working_capacity FROM prisoner p
                        JOIN location l ON l.facility_code = p.facility_code AND l.code = p.cell_code
                        WHERE p.facility_code = ? AND p.cell_code IS NOT NULL
                        GROUP BY p.cell_code, l.working_capacity HAVING count(*) > l.working_capacity""")
                .param(facility).query().listOfRows();
        assertThat(over).as("cells over capacity").isEmpty();
        // Rivals: never two rival affiliations where the matrix forbids it (by module here; by cell if so scoped).
        List<Map<String, Object>> rivals = jdbc.sql("""
                        SELECT a.prisoner_number AS a, b.prisoner_number AS b, r.scope FROM prisoner a
                        JOIN prisoner b ON b.facility_code = a.facility_code AND a.prisoner_number < b.prisoner_number
                        JOIN housing_rivalry r ON r.facility_code = a.facility_code
                             AND ((r.affiliation_a = a.gang_group AND r.affiliation_b = b.gang_group)
                               OR (r.affiliation_a = b.gang_group AND r.affiliation_b = a.gang_group))
                        WHERE a.facility_code = ? AND a.cell_code IS NOT NULL AND b.cell_code IS NOT NULL
                          AND ((r.scope = 'MODULE' AND a.module_code = b.module_code)
                            OR (r.scope = 'CELL' AND a.cell_code = b.cell_code))""")
                .param(facility).query().listOfRows();
        assertThat(rivals).as("rivals together").isEmpty();
        // Keep-apart: no open pair together at its scope.
        List<Map<String, Object>> together = jdbc.sql("""
                        SELECT k.prisoner_a, k.prisoner_b, k.scope FROM keep_apart k
                        JOIN prisoner a ON a.prisoner_number = k.prisoner_a
                        JOIN prisoner b ON b.prisoner_number = k.prisoner_b
                        WHERE a.facility_code = ? AND k.status = 'OPEN'
                          AND a.cell_code IS NOT NULL AND b.cell_code IS NOT NULL
                          AND ((k.scope = 'CELL' AND a.cell_code = b.cell_code)
                            OR (k.scope = 'MODULE' AND a.module_code = b.module_code))""")
                .param(facility).query().listOfRows();
        assertThat(together).as("keep-apart pairs together").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM keep_apart k JOIN prisoner a ON a.prisoner_number = k.prisoner_a "
                + "WHERE a.facility_code = ? AND k.status = 'OPEN'").param(facility).query(Long.class).single())
                .isEqualTo(8);

        // Every prisoner is where their last acknowledged move put them (or nowhere, never moved).
        for (String number : people) {
            assertThat(cellOf(number)).as(number).isEqualTo(lastAcknowledged.get(number));
        }

        // The occupancy figures are the prisoners table's.
        Map<String, Long> byCell = new HashMap<>();
        jdbc.sql("SELECT cell_code, count(*) AS n FROM prisoner WHERE facility_code = ? AND cell_code IS NOT NULL "
                        + "GROUP BY cell_code").param(facility).query()
                .listOfRows().forEach(r -> byCell.put((String) r.get("cell_code"), ((Number) r.get("n")).longValue()));
        JsonNode occupancy = as("oversight").get("/api/v1/facilities/" + facility + "/occupancy").json();
        long total = 0;
        for (JsonNode module : occupancy.get("modules")) {
            long moduleSum = 0;
            for (JsonNode cell : module.get("cells")) {
                long expected = byCell.getOrDefault(cell.get("code").asString(), 0L);
                assertThat(cell.get("occupied").asLong()).as(cell.get("code").asString()).isEqualTo(expected);
                assertThat(cell.get("occupied").asInt()).isLessThanOrEqualTo(cell.get("workingCapacity").asInt());
                moduleSum += expected;
            }
            assertThat(module.get("occupied").asLong()).as(module.get("code").asString()).isEqualTo(moduleSum);
            total += moduleSum;
        }
        assertThat(occupancy.get("occupied").asLong()).isEqualTo(total);
        assertThat(total).isEqualTo(byCell.values().stream().mapToLong(Long::longValue).sum());

        // The ledger: one entry per move done, in a gapless chain that verifies.
        assertThat(ledgered(people) - movesBefore).as("one PRISONER_CELL_MOVED per 201").isEqualTo(moved);
        assertThat(as("oversight").get("/api/v1/ledger/verification").json().get("valid").asBoolean()).isTrue();
        Map<String, Object> range = jdbc.sql("SELECT count(*) AS n, min(sequence) AS lo, max(sequence) AS hi "
                + "FROM ledger_entry").query().singleRow();
        assertThat(((Number) range.get("hi")).longValue() - ((Number) range.get("lo")).longValue() + 1)
                .as("no gap in the sequence").isEqualTo(((Number) range.get("n")).longValue());
    }

    private long ledgered(List<String> people) {
        return jdbc.sql("SELECT count(*) FROM ledger_entry WHERE action = 'PRISONER_CELL_MOVED' AND subject_id IN (:p)")
                .param("p", people).query(Long.class).single();
    }
}
