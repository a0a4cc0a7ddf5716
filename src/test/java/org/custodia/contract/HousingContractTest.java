package org.custodia.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.custodia.custody.CustodyTestSupport;
import org.custodia.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * DESIGN.md's examples, verbatim (ids replaced by placeholders): a cell move and a housing plan request, with the
 * answers DESIGN.md documents.
 */
class HousingContractTest extends CustodyTestSupport {

    private static String example(String name) throws IOException {
        try (InputStream in = HousingContractTest.class.getResourceAsStream("/contract/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Api.Response postJson(String user, String path, String json) {
        return as(user).send("POST", path, Api.JSON.readTree(json), java.util.Map.of());
    }

    @Test
    void theCellMoveOfDesignMdMovesThePrisoner() throws IOException {
        String number = admit(command("CECOT", "Contrato", "Celda " + unique(), List.of("SV"), null));
        Api.Response moved = postJson("classification", "/api/v1/prisoners/" + number + "/cell-moves", example("cell-move.json"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(201);
        assertThat(moved.json().get("prisonerNumber").asString()).isEqualTo(number);
        assertThat(moved.json().get("cell").asString()).isEqualTo("M1-C01");
        assertThat(as("custody").get("/api/v1/prisoners/" + number).json().get("cell").asString()).isEqualTo("M1-C01");
    }

    @Test
    void theHousingPlanRequestOfDesignMdAnswersWithIdPlacementsScoreAndUnplaced() throws IOException {
        String number = admit(command("CECOT", "Contrato", "Plan " + unique(), List.of("SV"), null));
        Api.Response planned = postJson("classification", "/api/v1/housing/plans",
                example("housing-plan.json").replace("{prisonerNumber}", number));
        assertThat(planned.status()).as(planned.text()).isEqualTo(201);
        JsonNode plan = planned.json();
        assertThat(plan.get("id").asString()).isNotBlank();
        assertThat(plan.get("score").asString()).contains("hard");
        assertThat(plan.get("unplaced").isArray()).isTrue();
        assertThat(plan.get("placements")).hasSize(1);
        assertThat(plan.get("placements").get(0).get("prisonerNumber").asString()).isEqualTo(number);
        assertThat(plan.get("placements").get(0).get("cell").asString()).matches("M\\d-C\\d{2}");
        Api.Response applied = as("classification").post("/api/v1/housing/plans/" + plan.get("id").asString() + "/apply",
                java.util.Map.of());
        assertThat(applied.status()).as(applied.text()).isEqualTo(200);
    }
}
