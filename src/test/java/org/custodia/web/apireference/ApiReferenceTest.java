package org.custodia.web.apireference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.custodia.identity.Role;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The API reference page: every operation of the live OpenAPI document, grouped by tag, with the roles that may call
 * it as the authorization matrix (security/authorization-matrix.txt, which AuthorizationMatrixTest proves against the
 * running app) says; rendered in Spanish and in English with roles as words.
 */
class ApiReferenceTest extends IntegrationTest {

    @Autowired
    ApiReference reference;

    @Autowired
    org.springframework.context.MessageSource messages;

    @Test
    void everyOperationIsListedWithTheRolesTheAuthorizationMatrixGivesIt() throws Exception {
        Api.Response document = as("admin").get("/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        Map<String, Set<String>> shown = new LinkedHashMap<>();
        for (ApiReference.Tag tag : reference.tags(document.bytes())) {
            for (ApiReference.Operation op : tag.operations()) {
                shown.put(op.method() + " " + op.path(), op.roles().isEmpty() ? Set.of("ALL")
                        : op.roles().stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
            }
        }
        Map<String, Set<String>> matrix = new LinkedHashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/security/authorization-matrix.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|");
                Set<String> roles = new TreeSet<>(Arrays.asList(parts[1].trim().split("\\s+")));
                matrix.put(parts[0].trim(), roles.equals(allRoles()) ? Set.of("ALL") : roles);
            }
        }
        assertThat(shown).as("the page's operations and roles against the authorization matrix").isEqualTo(matrix);
    }

    @Test
    void thePageExplainsTheApiInBothLanguagesWithRolesAsWords() {
        String intake = messages.getMessage("role.INTAKE_OFFICER", null, java.util.Locale.forLanguageTag("es"));
        String es = as("oversight").get("/api-reference?lang=es", Map.of("Accept", "text/html")).text();
        assertThat(es).contains("<html lang=\"es\"", "Referencia de la API", "href=\"/v3/api-docs\"",
                intake, "Todo usuario autenticado", "id=\"tag-referrals\"")
                .doesNotContain("??", "INTAKE_OFFICER", "(ADMIN)");
        assertThat(es).as("the decision row names intake as the only role")
                .containsPattern("/api/v1/referrals/\\{id\\}/decision</code></td>\\s*<td lang=\"en\">Accept or reject a "
                        + "referral</td>\\s*<td><span>" + java.util.regex.Pattern.quote(intake) + "</span></td>");
        String en = as("us-agency").get("/api-reference?lang=en", Map.of("Accept", "text/html")).text();
        assertThat(en).contains("<html lang=\"en\"", "API reference",
                messages.getMessage("role.INTAKE_OFFICER", null, java.util.Locale.ENGLISH), "Every signed-in user",
                "<code class=\"api-literal\">RETURN_TO_SENDING_STATE</code>").doesNotContain("??");
        assertThat(anonymous().get("/api-reference", Map.of("Accept", "text/html")).status())
                .as("signed-in users only").isIn(302, 401);
    }

    @Test
    void rolesInASummaryGoAndTheContractsValuesAreMarkedAsLiterals() {
        assertThat(ApiReference.segments("Amend an agreement (ADMIN); the version goes up by one")).containsExactly(
                new ApiReference.Segment("Amend an agreement; the version goes up by one", false));
        assertThat(ApiReference.segments("Release: RETURN_TO_SENDING_STATE or DEATH (as JSON)")).containsExactly(
                new ApiReference.Segment("Release: ", false), new ApiReference.Segment("RETURN_TO_SENDING_STATE", true),
                new ApiReference.Segment(" or ", false), new ApiReference.Segment("DEATH", true),
                new ApiReference.Segment(" (as JSON)", false));
    }

    private static Set<String> allRoles() {
        return Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

}
