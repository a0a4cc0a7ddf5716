package org.custodia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of the live OpenAPI document x every role, against the reviewed table in
 * {@code security/authorization-matrix.txt}: an operation with no row fails, a role outside its row gets 403
 * before anything is read, a role inside it is never refused for its role, anonymous gets 401, and nobody gets
 * a 5xx from an empty or bogus request.
 */
public class AuthorizationMatrixTest extends IntegrationTest {

    /** One demo user per role (password {@code demo}). */
    public static final Map<Role, String> USERS = Map.of(
            Role.SENDING_AGENCY, "us-agency", Role.INTAKE_OFFICER, "intake", Role.RECEPTION_OFFICER, "reception",
            Role.CLASSIFICATION_OFFICER, "classification", Role.CUSTODY_OFFICER, "custody", Role.FINANCE, "finance",
            Role.OVERSIGHT, "oversight", Role.CONSULAR, "ve-consul", Role.ADMIN, "admin");

    public record Row(String method, String path, Set<Role> allowed) {
        public String operation() {
            return method + " " + path;
        }
    }

    public static Map<String, Row> matrix() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/security/authorization-matrix.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|");
                String[] operation = parts[0].trim().split(" ");
                Set<Role> allowed = EnumSet.noneOf(Role.class);
                for (String role : parts[1].trim().split("\\s+")) {
                    if (role.equals("ALL")) {
                        allowed.addAll(EnumSet.allOf(Role.class));
                    } else {
                        allowed.add(Role.valueOf(role));
                    }
                }
                Row row = new Row(operation[0], operation[1], allowed);
                assertThat(rows.put(row.operation(), row)).as("row %s twice", row.operation()).isNull();
            }
        }
        return rows;
    }

    private Set<String> liveOperations() {
        JsonNode paths = as("admin").get("/v3/api-docs").json().path("paths");
        Set<String> operations = new TreeSet<>();
        for (var path : paths.properties()) {
            for (var method : path.getValue().propertyNames()) {
                operations.add(method.toUpperCase() + " " + path.getKey());
            }
        }
        return operations;
    }

    @Test
    void everyOperationOfTheLiveDocumentHasARowAndEveryRowAnOperation() throws IOException {
        Set<String> live = liveOperations();
        Set<String> inMatrix = new TreeSet<>(matrix().keySet());
        Set<String> missing = new TreeSet<>(live);
        missing.removeAll(inMatrix);
        Set<String> stale = new TreeSet<>(inMatrix);
        stale.removeAll(live);
        assertThat(missing).as("operations with no row in security/authorization-matrix.txt").isEmpty();
        assertThat(stale).as("rows whose operation is no longer published").isEmpty();
    }

    @Test
    void eachRoleGetsExactlyWhatItsRowSays() throws IOException {
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        for (Row row : matrix().values()) {
            String path = concrete(row.path());
            Object body = row.method().equals("GET") ? null : "{}";
            Api.Response anonymous = anonymous().send(row.method(), path, body, Map.of());
            requests++;
            if (anonymous.status() != 401) {
                wrong.add(row.operation() + " anonymous: " + anonymous.status());
            }
            for (Role role : Role.values()) {
                Api.Response response = as(USERS.get(role)).send(row.method(), path, body, Map.of());
                requests++;
                int status = response.status();
                if (status >= 500) {
                    wrong.add(row.operation() + " " + role + ": " + status + " " + response.text());
                } else if (row.allowed().contains(role) && (status == 401 || status == 403)) {
                    wrong.add(row.operation() + " " + role + ": refused (" + status + ") but its row allows it");
                } else if (!row.allowed().contains(role) && status != 403) {
                    wrong.add(row.operation() + " " + role + ": " + status + " but its row denies it (403)");
                }
            }
        }
        assertThat(requests).isGreaterThan(300);
        assertThat(wrong).as("role checks that differ from the matrix").isEmpty();
    }

    /** Path variables filled with values that name no record, so that nothing is changed. */
    private static String concrete(String template) {
        return template.replace("{code}", "NO-SUCH-CODE")
                .replace("{id}", UUID.randomUUID().toString())
                .replace("{number}", "NO-SUCH-PRISONER")
                .replace("{sequence}", "999999999")
                .replace("{treeSize}", "999999999")
                .replace("{prisonerNumber}", "NO-SUCH-PRISONER")
                .replace("{line}", "1")
                .replace("{location}", "NO-SUCH-LOCATION")
                .replaceAll("\\{[^}]+}", "NO-SUCH-RECORD");
    }
}
