package org.custodia.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published contract is a reviewed file: {@code docs/openapi.json}. When the live document drifts from it
 * (a renamed or removed field, a new endpoint), this test fails and names the paths and schemas that differ;
 * after reviewing the change, write the file anew with
 * {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true} and commit it with the change.
 */
class OpenApiDocumentTest extends IntegrationTest {

    static final Path COMMITTED = Path.of("docs/openapi.json");
    private static final JsonMapper PRETTY = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** The live document without what depends on the run (the server's port). */
    private JsonNode live() {
        Api.Response response = as("admin").get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        ObjectNode document = (ObjectNode) response.json();
        document.remove("servers");
        return PRETTY.readTree(PRETTY.writeValueAsString(PRETTY.treeToValue(document, Map.class)));
    }

    @Test
    void theLiveDocumentIsTheCommittedOne() throws Exception {
        JsonNode live = live();
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, PRETTY.writeValueAsString(PRETTY.treeToValue(live, Map.class)) + "\n");
        }
        assertThat(COMMITTED).as("docs/openapi.json is committed").exists();
        JsonNode committed = PRETTY.readTree(Files.readString(COMMITTED));
        List<String> differences = new ArrayList<>();
        compare("paths", committed.path("paths"), live.path("paths"), differences);
        compare("components.schemas", committed.path("components").path("schemas"),
                live.path("components").path("schemas"), differences);
        assertThat(differences)
                .as("the live OpenAPI document differs from docs/openapi.json; review, then rerun with "
                        + "-Dopenapi.write=true and commit")
                .isEmpty();
        assertThat(live).isEqualTo(committed);
    }

    @Test
    void everyOperationIsDescribedAndAnswersProblemsAsProblems() {
        JsonNode paths = live().path("paths");
        assertThat(paths.size()).isGreaterThan(10);
        Map<String, String> undescribed = new TreeMap<>();
        for (var path : paths.properties()) {
            for (var operation : path.getValue().properties()) {
                if (operation.getValue().path("summary").asString("").isBlank()) {
                    undescribed.put(operation.getKey().toUpperCase() + " " + path.getKey(), "no summary");
                }
            }
        }
        assertThat(undescribed).as("operations without a summary").isEmpty();
    }

    private static void compare(String where, JsonNode committed, JsonNode live, List<String> differences) {
        TreeMap<String, Boolean> names = new TreeMap<>();
        committed.propertyNames().forEach(n -> names.put(n, true));
        live.propertyNames().forEach(n -> names.put(n, true));
        for (String name : names.keySet()) {
            if (!committed.has(name)) {
                differences.add(where + " " + name + ": new in the live document");
            } else if (!live.has(name)) {
                differences.add(where + " " + name + ": removed from the live document");
            } else if (!committed.get(name).equals(live.get(name))) {
                differences.add(where + " " + name + ": changed");
            }
        }
    }
}
