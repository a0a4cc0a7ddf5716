package org.custodia.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.custodia.identity.AuthorizationMatrixTest;
import org.custodia.identity.Role;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated hostile bodies for every POST and PUT of the live OpenAPI document, sent by a role its row of the
 * authorization matrix allows: a plausible body built from the operation's schema, then mutations of it (fields
 * missing, wrong types, huge strings, odd Unicode, impossible dates, negative and enormous numbers, SQL and script
 * fragments, deep nesting, extra fields, not JSON at all). Never a 5xx; every refusal is a problem response; and a
 * refused request leaves the ledger (where every change is recorded) as it was. Seeded, so a failure replays.
 */
class HostileInputTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long SEED = Long.getLong("hostile.seed", 20261202L);
    private static final int MUTATIONS_PER_OPERATION = Integer.getInteger("hostile.mutations", 60);
    private static final List<String> NASTY_STRINGS = List.of(
            "'; DROP TABLE ledger_entry; --", "\" OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
            "\u0000", "\uFEFF\u200B\u202E", "𝕏😀\uD83D", "Ṫ̸̢̛h̷͈̾e̶", "../../etc/passwd", "%00%0d%0a", "NaN", "-0",
            "2025-02-30", "2025-13-01T25:61:00Z", "9999999-01-01", "", " ", "null");

    private JsonNode document;

    @Test
    void noHostileBodyGetsA5xxOrLeavesATrace() throws Exception {
        document = as("admin").get("/v3/api-docs").json();
        Map<String, AuthorizationMatrixTest.Row> matrix = AuthorizationMatrixTest.matrix();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                JsonNode schema = operation.getValue().path("requestBody").path("content")
                        .path("application/json").path("schema");
                if (!(method.equals("POST") || method.equals("PUT")) || schema.isMissingNode()) {
                    continue;
                }
                AuthorizationMatrixTest.Row row = matrix.get(method + " " + path.getKey());
                assertThat(row).as("matrix row for %s %s", method, path.getKey()).isNotNull();
                String user = AuthorizationMatrixTest.USERS.get(pick(row.allowed()));
                String target = path.getKey().replace("{code}", "NO-SUCH-CODE")
                        .replace("{id}", UUID.randomUUID().toString()).replace("{number}", "NO-SUCH-PRISONER")
                        .replace("{treeSize}", "999999999").replace("{sequence}", "999999999")
                        .replace("{location}", "NO-SUCH-LOCATION").replaceAll("\\{[^}]+}", "NO-SUCH-RECORD");
                JsonNode seed = plausible(schema, random, 0);
                List<Object> bodies = new ArrayList<>();
                bodies.add("{not json");
                bodies.add("[]");
                bodies.add(deep(2000));
                for (int i = 0; i < MUTATIONS_PER_OPERATION; i++) {
                    bodies.add(mutate(seed.deepCopy(), random));
                }
                for (Object body : bodies) {
                    long before = ledgerSize();
                    String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                    Api.Response response = as(user).send(method, target, text, Map.of());
                    sent++;
                    int status = response.status();
                    String what = method + " " + path.getKey() + " as " + user + " with " + abbreviate(text);
                    if (status >= 500) {
                        failures.add(what + " -> " + status + " " + abbreviate(response.text()));
                    } else if (status >= 400) {
                        String type = String.valueOf(response.header("Content-Type"));
                        if (!type.startsWith("application/problem+json") || !response.json().has("code")) {
                            failures.add(what + " -> " + status + " without a problem body (" + type + ")");
                        }
                        if (ledgerSize() != before) {
                            failures.add(what + " -> " + status + " but the ledger grew");
                        }
                    }
                }
            }
        }
        assertThat(sent).as("hostile requests sent").isGreaterThan(1000);
        assertThat(failures).as("hostile inputs answered wrongly (seed %d)", SEED).isEmpty();
    }

    private long ledgerSize() {
        return jdbc.sql("SELECT count(*) FROM ledger_entry").query(Long.class).single();
    }

    private static Role pick(Set<Role> allowed) {
        // The most specific role first: the one a real client would use.
        for (Role role : List.of(Role.SENDING_AGENCY, Role.INTAKE_OFFICER, Role.RECEPTION_OFFICER,
                Role.CUSTODY_OFFICER, Role.CLASSIFICATION_OFFICER, Role.FINANCE, Role.OVERSIGHT, Role.ADMIN)) {
            if (allowed.contains(role) && !(allowed.size() == Role.values().length && role != Role.ADMIN)) {
                return role;
            }
        }
        return allowed.iterator().next();
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return document.path("components").path("schemas").path(name);
        }
        return schema;
    }

    /** A body that follows the schema's types and formats, so that mutations start from something readable. */
    private JsonNode plausible(JsonNode schema, Random random, int depth) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            ArrayNode values = (ArrayNode) schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        String type = schema.path("type").asString("object");
        String format = schema.path("format").asString("");
        return switch (type) {
            case "string" -> switch (format) {
                case "date" -> NODES.stringNode("2025-03-15");
                case "date-time" -> NODES.stringNode("2025-03-15T18:00:00Z");
                case "uuid" -> NODES.stringNode(UUID.randomUUID().toString());
                default -> NODES.stringNode("x" + random.nextInt(1000));
            };
            case "integer" -> NODES.numberNode(random.nextInt(10));
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(plausible(schema.path("items"), random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    for (var property : schema.path("properties").properties()) {
                        object.set(property.getKey(), plausible(property.getValue(), random, depth + 1));
                    }
                }
                yield object;
            }
        };
    }

    /** One to three changes somewhere in the tree. */
    private static JsonNode mutate(JsonNode body, Random random) {
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            List<ObjectNode> objects = new ArrayList<>();
            collect(body, objects);
            if (objects.isEmpty()) {
                return body;
            }
            ObjectNode target = objects.get(random.nextInt(objects.size()));
            List<String> names = new ArrayList<>();
            target.propertyNames().forEach(names::add);
            if (names.isEmpty() || random.nextInt(10) == 0) {
                target.put("unexpected" + random.nextInt(100), NASTY_STRINGS.get(random.nextInt(NASTY_STRINGS.size())));
                continue;
            }
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(11)) {
                case 0 -> target.remove(name);
                case 1 -> target.putNull(name);
                case 2 -> target.put(name, NASTY_STRINGS.get(random.nextInt(NASTY_STRINGS.size())));
                case 3 -> target.put(name, "A".repeat(100_000));
                case 4 -> target.put(name, -1 - random.nextInt(1000));
                case 5 -> target.put(name, new java.math.BigDecimal("1e400"));
                case 6 -> target.put(name, Long.MAX_VALUE);
                case 7 -> target.set(name, NODES.arrayNode().add(1).add("two"));
                case 8 -> target.set(name, NODES.objectNode().put("nested", true));
                case 9 -> target.put(name, random.nextBoolean());
                default -> target.put(name, random.nextBoolean() ? "2025-02-30" : "2025-02-29T24:00:00Z");
            }
        }
        return body;
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        for (Iterator<JsonNode> it = node.values().iterator(); it.hasNext(); ) {
            collect(it.next(), objects);
        }
    }

    private static String deep(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
