package org.custodia.sentence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api.Response;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/sentence-calculations through the real HTTP API. */
class SentenceCalculationApiTest extends IntegrationTest {

    private static final String PATH = "/api/v1/sentence-calculations";

    private static Map<String, Object> sixtyMonths() {
        return Map.of("regime", "US_FEDERAL_FSA", "startDate", "2025-01-01",
                "term", Map.of("years", 0, "months", 60, "days", 0, "life", false),
                "jailCreditDays", 0, "gctDaysPerYear", 54);
    }

    @Test
    void theSixtyMonthExample() {
        Response response = as("us-agency").post(PATH, sixtyMonths());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("fullTermDate").asString()).isEqualTo("2029-12-31");
        assertThat(json.get("goodConductTimeDays").asInt()).isEqualTo(270);
        assertThat(json.get("projectedReleaseDate").asString()).isEqualTo("2029-04-05");
        assertThat(json.get("releaseDate").asString()).isEqualTo("2029-04-05");
        assertThat(json.get("life").asBoolean()).isFalse();
        assertThat(json.get("language").asString()).isEqualTo("en");
        JsonNode breakdown = json.get("breakdown");
        assertThat(breakdown.size()).isGreaterThan(5);
        assertThat(breakdown.get(0).get("step").asInt()).isEqualTo(1);
        List<String> codes = new ArrayList<>();
        breakdown.forEach(step -> codes.add(step.get("code").asString()));
        assertThat(codes).contains("FULL_TERM_DATE", "GCT_TOTAL", "PROJECTED_RELEASE_DATE", "RELEASE_DATE");
        JsonNode fullTerm = breakdown.get(codes.indexOf("FULL_TERM_DATE"));
        assertThat(fullTerm.get("date").asString()).isEqualTo("2029-12-31");
        assertThat(fullTerm.get("description").asString()).startsWith("Full term date");
    }

    @Test
    void aSpanishBreakdown() {
        Response response = as("admin").post(PATH, sixtyMonths(), Map.of("Accept-Language", "es"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Language")).isEqualTo("es");
        JsonNode json = response.json();
        assertThat(json.get("language").asString()).isEqualTo("es");
        assertThat(json.get("releaseDate").asString()).isEqualTo("2029-04-05");
        List<String> descriptions = new ArrayList<>();
        json.get("breakdown").forEach(step -> descriptions.add(step.get("description").asString()));
        assertThat(descriptions).contains("Pena impuesta: 60 meses.",
                "Fecha de cumplimiento íntegro = 2030-01-01 - 1 día - 0 días de abono = 2029-12-31.");
    }

    @Test
    void anInvalidRequestListsEveryError() {
        String farAhead = LocalDate.now(org.custodia.support.TestClock.get()).plusYears(20).toString();
        Map<String, Object> body = Map.of("regime", "US_FEDERAL_FSA", "startDate", farAhead,
                "term", Map.of("years", -3, "months", 6, "life", true), "jailCreditDays", 0);

        Response response = as("admin").post(PATH, body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode json = response.json();
        assertThat(json.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        List<String> errors = new ArrayList<>();
        json.get("errors").forEach(e -> errors.add(e.get("field").asString() + " " + e.get("code").asString()));
        assertThat(errors).containsExactlyInAnyOrder("startDate INVALID_DATE", "term.years OUT_OF_RANGE",
                "term.life LIFE_WITH_TERM");
    }

    @Test
    void moreInvalidInputAtOnce() {
        Map<String, Object> body = Map.of("regime", "MARS", "gctDaysPerYear", 60, "language", "fr",
                "terms", List.of(
                        Map.of("startDate", "2025-01-01", "term", Map.of("years", 0), "jailCreditDays", -2),
                        Map.of("term", Map.of("years", 2), "relation", "SIDEWAYS")));

        Response response = as("admin").post(PATH, body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        response.json().get("errors").forEach(e -> errors.add(e.get("field").asString() + " " + e.get("code").asString()));
        assertThat(errors).containsExactlyInAnyOrder("regime INVALID_VALUE", "gctDaysPerYear INVALID_VALUE",
                "language INVALID_VALUE", "terms[0].term ZERO_TERM", "terms[0].jailCreditDays OUT_OF_RANGE",
                "terms[1].relation INVALID_VALUE", "terms[1].startDate REQUIRED");
    }

    @Test
    void severalTermsAndAForfeiture() {
        // 18 + 18 months consecutive from 2025-01-01 = 36 months: full 2027-12-31, GCT 162; 20 days forfeited
        // on 2025-02-01 -> 142; 2027-12-31 - 142 = day 223 of 2027 = 2027-08-11, a Wednesday.
        Map<String, Object> body = Map.of("regime", "US_FEDERAL_FSA", "language", "en",
                "terms", List.of(
                        Map.of("startDate", "2025-01-01", "term", Map.of("months", 18), "jailCreditDays", 0),
                        Map.of("term", Map.of("months", 18), "relation", "CONSECUTIVE")),
                "forfeitures", List.of(Map.of("date", "2025-02-01", "days", 20, "reason", "fighting")));

        Response response = as("custody").post(PATH, body);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("fullTermDate").asString()).isEqualTo("2027-12-31");
        assertThat(json.get("goodConductTimeDays").asInt()).isEqualTo(142);
        assertThat(json.get("forfeitedGoodConductTimeDays").asInt()).isEqualTo(20);
        assertThat(json.get("releaseDate").asString()).isEqualTo("2027-08-11");
    }

    @Test
    void lifeHasNullDates() {
        Map<String, Object> body = Map.of("regime", "US_FEDERAL_FSA", "startDate", "2025-01-01",
                "term", Map.of("life", true));

        JsonNode json = as("oversight").post(PATH, body).json();

        assertThat(json.get("life").asBoolean()).isTrue();
        assertThat(json.get("releaseDate").isNull()).isTrue();
        assertThat(json.get("fullTermDate").isNull()).isTrue();
    }

    @Test
    void isDocumentedInOpenApi() {
        Response response = as("admin").get("/v3/api-docs");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("paths").has(PATH)).isTrue();
    }

    @Test
    void everyRoleMayCalculate() {
        for (String user : List.of("admin", "intake", "reception", "classification", "custody", "finance",
                "us-agency", "oversight", "ve-consul")) {
            assertThat(as(user).post(PATH, sixtyMonths()).status()).as(user).isEqualTo(200);
        }
    }

    @Test
    void noCredentialsIsUnauthorized() {
        Response response = anonymous().post(PATH, sixtyMonths());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.json().has("releaseDate")).isFalse();
    }

    @Test
    void wrongCredentialsAreUnauthorized() {
        Response response = as("no-such-user").post(PATH, sixtyMonths());

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.json().has("releaseDate")).isFalse();
    }
}
