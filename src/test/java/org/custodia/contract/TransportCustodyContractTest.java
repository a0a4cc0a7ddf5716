package org.custodia.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.support.Api;
import org.custodia.support.Dossiers;
import org.custodia.support.IntegrationTest;
import org.custodia.support.ReferralBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The published examples of DESIGN.md (manifest, departure, arrival handover, release), sent as printed, with only
 * their ids and times replaced by live ones, get the documented answers: a client written against the examples works.
 * The bodies are in {@code src/test/resources/contract/}.
 */
class TransportCustodyContractTest extends IntegrationTest {

    /** The agreement the examples name. */
    private static final String AGREEMENT = "US-SV-2025";

    @Autowired
    private Clock clock;

    @Test
    void theExampleBodiesWalkAPersonFromReferralToRelease() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String referralId = Dossiers.accepted(this, ReferralBodies.eligible(today, AGREEMENT));

        Api.Response manifest = as("reception").post("/api/v1/manifests", body("manifest", Map.of(
                        "scheduledDeparture", now.minus(Duration.ofHours(6)), "scheduledArrival", now.minus(Duration.ofMinutes(40)),
                        "referralId", referralId)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(manifest.status()).as(manifest.text()).isEqualTo(201);
        assertThat(manifest.json().get("id").asString()).isNotBlank();
        assertThat(manifest.json().get("status").asString()).isEqualTo("PLANNED");
        String manifestId = manifest.json().get("id").asString();

        Api.Response departure = as("us-agency").post("/api/v1/manifests/" + manifestId + "/departure",
                body("departure", Map.of("departedAt", now.minus(Duration.ofHours(5)))));
        assertThat(departure.status()).as(departure.text()).isEqualTo(200);
        assertThat(departure.json().get("status").asString()).isEqualTo("DEPARTED");

        // the handover as published: no conditionOnArrival (a field added after publication is optional)
        Api.Response arrival = as("reception").post("/api/v1/manifests/" + manifestId + "/arrivals",
                body("arrival", Map.of("referralId", referralId, "arrivedAt", now.minus(Duration.ofMinutes(30)))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(arrival.status()).as(arrival.text()).isEqualTo(201);
        String number = arrival.json().get("prisonerNumber").asString();
        assertThat(number).matches("CECOT-\\d{4}-\\d{6}");

        Api.Response read = as("custody").get("/api/v1/prisoners/" + number);
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        JsonNode prisoner = read.json();
        List<String> fields = new ArrayList<>();
        prisoner.propertyNames().forEach(fields::add);
        assertThat(fields).contains("prisonerNumber", "status", "legalCustodian", "physicalCustodian", "cell", "person",
                "sentence", "events");
        assertThat(prisoner.get("prisonerNumber").asString()).isEqualTo(number);
        assertThat(prisoner.get("status").asString()).isEqualTo("IN_CUSTODY");
        assertThat(prisoner.get("legalCustodian").asString()).isEqualTo("US");
        assertThat(prisoner.get("physicalCustodian").asString()).isEqualTo("CECOT");
        assertThat(prisoner.get("person").get("givenNames").asString()).isEqualTo("José Luis");
        assertThat(prisoner.get("sentence").get("releaseDate").isNull()).isFalse();
        assertThat(prisoner.get("events").get(0).get("type").asString()).isEqualTo("ADMISSION");

        Api.Response release = as("custody").post("/api/v1/prisoners/" + number + "/releases",
                body("release", Map.of("effectiveAt", now.minus(Duration.ofMinutes(1)))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(release.status()).as(release.text()).isEqualTo(201);
        assertThat(release.json().get("status").asString()).isEqualTo("RELEASED");
        assertThat(release.json().get("destinationState").asString()).isEqualTo("US");
        assertThat(as("custody").get("/api/v1/prisoners/" + number).json().get("status").asString()).isEqualTo("RELEASED");
    }

    @Test
    void theOpenApiDocumentDescribesThePublishedShapes() {
        Api.Response docs = as("oversight").get("/v3/api-docs");
        assertThat(docs.status()).as(docs.text()).isEqualTo(200);
        JsonNode schemas = docs.json().get("components").get("schemas");
        List<String> prisoner = new ArrayList<>();
        schemas.get("Prisoner").get("properties").propertyNames().forEach(prisoner::add);
        assertThat(prisoner).contains("prisonerNumber", "status", "legalCustodian", "physicalCustodian", "cell", "person",
                "sentence", "events");
        JsonNode arrival = schemas.get("ArrivalHandover");
        List<String> required = new ArrayList<>();
        arrival.path("required").forEach(r -> required.add(r.asString()));
        assertThat(required).contains("referralId", "arrivedAt", "identityVerified").doesNotContain("conditionOnArrival");
        assertThat(schemas.has("Manifest")).isTrue();
        assertThat(schemas.has("RollCount")).isTrue();
        assertThat(docs.json().get("paths").get("/api/v1/prisoners/{number}").get("get").get("responses").get("200")
                .toString()).contains("#/components/schemas/Prisoner");
    }

    /** A published body with its {@code {{placeholders}}} replaced by the live values given. */
    private static String body(String name, Map<String, Object> values) {
        String text;
        try (InputStream in = TransportCustodyContractTest.class.getResourceAsStream("/contract/" + name + ".json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (var value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue().toString());
        }
        assertThat(text).as("every placeholder of " + name + " filled").doesNotContain("{{");
        return text;
    }
}
