package org.custodia.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.FiftyClientsScenario;
import org.custodia.support.IntegrationTest;
import org.custodia.support.TestAgreements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Fifty clients at once through the real API ({@link FiftyClientsScenario}): submitting, accepting against a quota
 * smaller than the crowd, dispatching, admitting. No quota overrun, no duplicate prisoner number, no gap or fork in the
 * ledger; two administrators amending the same agreement from the same version: one wins,
 * the other is told {@code STALE_VERSION}.
 */
class FiftyClientsTest extends IntegrationTest {


    @Autowired
    Clock clock;

    @Test
    void fiftyClientsAtOnceNeverBreakTheQuotaTheNumbersOrTheLedger() throws Exception {
        new FiftyClientsScenario((user, call) -> as(user),
                (sql, parameters) -> jdbc.sql(sql).params(parameters).query(Long.class).single(),
                LocalDate.now(clock), clock.instant().truncatedTo(ChronoUnit.SECONDS)).run();
    }

    @Test
    void twoAdministratorsAmendingTheSameVersionOneIsToldStale() throws Exception {
        String code = TestAgreements.create(as("admin"), "US", 10, TestAgreements.demoPolicy());
        JsonNode read = as("admin").get("/api/v1/agreements/" + code).json();
        int version = read.get("version").asInt();
        List<Integer> statuses = together(2, i -> {
            Map<String, Object> body = TestAgreements.body(code, "US", 10 + i + 1, TestAgreements.demoPolicy());
            body.put("version", version);
            return as("admin").put("/api/v1/agreements/" + code, body).status();
        });
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        Map<String, Object> stale = TestAgreements.body(code, "US", 99, TestAgreements.demoPolicy());
        stale.put("version", version);
        Api.Response refused = as("admin").put("/api/v1/agreements/" + code, stale);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("STALE_VERSION");
        assertThat(as("admin").get("/api/v1/agreements/" + code).json().get("version").asInt()).isEqualTo(version + 1);
    }

    /** Runs {@code n} clients at once behind a start gate and returns their answers in order. */
    static <T> List<T> together(int n, FiftyClientsScenario.Step<T> step) throws Exception {
        return FiftyClientsScenario.together(n, step);
    }

}
