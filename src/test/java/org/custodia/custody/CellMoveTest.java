package org.custodia.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.junit.jupiter.api.Test;

/** The hard housing rules that can be checked now: the cell exists and is active, it has room, rivals never share. */
class CellMoveTest extends CustodyTestSupport {

    private Api.Response move(String user, String number, String cell) {
        return as(user).post("/api/v1/prisoners/" + number + "/cell-moves", Map.of("cell", cell, "reason", "Placement"));
    }

    private static List<String> rules(Api.Response response) {
        List<String> rules = new ArrayList<>();
        response.json().get("errors").forEach(e -> rules.add(e.get("code").asString()));
        return rules;
    }

    @Test
    void rivalGangsNeverShareACell() {
        String facility = newFacility(1, 3, 10);
        String ms13 = admit(command(facility, "Uno", "Mara", List.of("SV"), "MS13"));
        String surenos = admit(command(facility, "Dos", "Sureño", List.of("SV"), "BARRIO_18_SURENOS"));
        String revolucionarios = admit(command(facility, "Tres", "Revolucionario", List.of("SV"), "BARRIO_18_REVOLUCIONARIOS"));
        String ms13b = admit(command(facility, "Cuatro", "Mara", List.of("SV"), "MS13"));
        String tren = admit(command(facility, "Cinco", "Tren", List.of("VE"), "TREN_DE_ARAGUA"));
        assertThat(move("classification", ms13, "M1-C01").status()).isEqualTo(201);
        assertThat(move("classification", surenos, "M1-C02").status()).isEqualTo(201);
        for (String[] attempt : new String[][] {{surenos, "M1-C01"}, {revolucionarios, "M1-C01"}, {revolucionarios, "M1-C02"}}) {
            Api.Response r = move("classification", attempt[0], attempt[1]);
            assertThat(r.status()).as(r.text()).isEqualTo(409);
            assertThat(r.json().get("code").asString()).isEqualTo("HOUSING_RULE_VIOLATION");
            assertThat(rules(r)).containsExactly("RIVAL_GANG");
            assertThat(r.json().get("detail").asString()).contains("RIVAL_GANG");
        }
        assertThat(move("custody", ms13b, "M1-C01").status()).as("members of one gang may share").isEqualTo(201);
        assertThat(move("custody", tren, "M1-C01").status()).as("not a rival of MS13").isEqualTo(201);
        assertThat(move("custody", revolucionarios, "M1-C03").status()).isEqualTo(201);
        assertThat(as("custody").get("/api/v1/prisoners/" + ms13).json().get("cell").asString()).isEqualTo("M1-C01");
        assertThat(move("us-agency", ms13, "M1-C03").status()).isEqualTo(403);
        List<String> ledgered = jdbc.sql("SELECT action FROM ledger_entry WHERE subject_id = ? ORDER BY sequence")
                .param(ms13).query(String.class).list();
        assertThat(ledgered).contains("PRISONER_ADMITTED", "PRISONER_CELL_MOVED");
    }

    @Test
    void aFullCellAnInactiveCellAndAnUnknownCellAreRefused() {
        String facility = newFacility(1, 2, 2);
        jdbc.sql("UPDATE location SET active = FALSE, inactive_reason = 'Flooded' WHERE facility_code = ? AND code = 'M1-C02'")
                .param(facility).update();
        String a = admit(command(facility, "Primero", "Lleno", List.of("SV"), null));
        String b = admit(command(facility, "Segundo", "Lleno", List.of("SV"), null));
        String c = admit(command(facility, "Tercero", "Lleno", List.of("SV"), null));
        assertThat(move("custody", a, "M1-C01").status()).isEqualTo(201);
        assertThat(move("custody", b, "M1-C01").status()).isEqualTo(201);
        Api.Response full = move("custody", c, "M1-C01");
        assertThat(full.status()).isEqualTo(409);
        assertThat(rules(full)).containsExactly("CELL_FULL");
        assertThat(rules(move("custody", c, "M1-C02"))).containsExactly("CELL_INACTIVE");
        assertThat(rules(move("custody", c, "M7-C99"))).containsExactly("CELL_NOT_IN_FACILITY");
        assertThat(rules(move("custody", c, "M1-C01"))).as("a cell of CECOT is not a cell of this facility")
                .containsExactly("CELL_FULL");
        Api.Response same = move("custody", a, "M1-C01");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.text()).contains("SAME_CELL");
        // moving out frees the bed
        assertThat(as("custody").post("/api/v1/prisoners/" + a + "/releases", Map.of("type", "SENTENCE_COMPLETED",
                "effectiveAt", java.time.Instant.now().toString(), "receivedBy", "Himself")).status()).isEqualTo(201);
        assertThat(move("custody", c, "M1-C01").status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT cell_code FROM prisoner WHERE prisoner_number = ?").param(a).query(String.class)
                .optional()).isEmpty();
    }

    @Test
    void concurrentMovesNeverOverfillACell() throws Exception {
        String facility = newFacility(1, 1, 3);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            numbers.add(admit(command(facility, "Carrera", "Numero " + i, List.of("SV"), null)));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (String n : numbers) {
                results.add(pool.submit(() -> move("custody", n, "M1-C01").status()));
            }
            int placed = 0;
            for (var r : results) {
                placed += r.get() == 201 ? 1 : 0;
            }
            assertThat(placed).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM prisoner WHERE facility_code = ? AND cell_code = 'M1-C01'").param(facility)
                .query(Long.class).single()).isEqualTo(3);
    }
}
