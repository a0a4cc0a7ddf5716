package org.custodia.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Bad input never gets a 500 or a stack trace: always a problem with a stable code. */
class ProblemResponseTest extends IntegrationTest {

    @Test
    void malformedJsonIsAProblem() {
        Api.Response response = as("admin").post("/api/v1/agreements", "{not json");
        assertProblem(response, 400, "MALFORMED_REQUEST");
    }

    @Test
    void aWrongTypeNamesTheField() {
        Api.Response response = as("admin").post("/api/v1/agreements", "{\"capacityQuota\": \"many\"}");
        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("capacityQuota");
    }

    @Test
    void unknownPathsMethodsAndMediaTypesAreProblems() {
        assertProblem(as("admin").get("/api/v1/no-such-thing"), 404, "NOT_FOUND");
        assertProblem(as("admin").delete("/api/v1/agreements/US-SV-2025"), 405, "METHOD_NOT_ALLOWED");
        assertProblem(as("admin").send("POST", "/api/v1/agreements", "code=x",
                Map.of("Content-Type", "application/x-www-form-urlencoded")), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(as("admin").get("/api/v1/agreements/NOPE"), 404, "AGREEMENT_NOT_FOUND");
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
