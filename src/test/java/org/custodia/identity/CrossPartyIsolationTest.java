package org.custodia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.support.Api;
import org.custodia.support.Dossiers;
import org.custodia.support.IntegrationTest;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestAgreements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Two sending states and two consulates: none of them ever reads the other's records, through any GET of the
 * live OpenAPI document — lists and searches never mention them, and a direct read of one is 404 (or 403).
 */
class CrossPartyIsolationTest extends IntegrationTest {

    @Autowired
    Clock clock;

    @Autowired
    PasswordEncoder encoder;

    record Held(String agreement, String referralId, String manifestId, String prisonerNumber) {
        List<String> identifiers() {
            return java.util.stream.Stream.of(agreement, referralId, manifestId, prisonerNumber)
                    .filter(java.util.Objects::nonNull).toList();
        }

        /** What a consulate must not see of another nationality; agreements between states it may read. */
        Held ofPeopleOnly() {
            return new Held(null, referralId, manifestId, prisonerNumber);
        }
    }

    private String otherAgency;
    private String otherConsul;
    private Held us;
    private Held other;

    @BeforeEach
    void twoStatesTwoConsulates() {
        String state = TestAgreements.party(as("admin"), "GT");
        otherAgency = ("agency-" + state).toLowerCase();
        otherConsul = ("consul-hn-" + state).toLowerCase();
        String hash = encoder.encode("demo");
        jdbc.sql("INSERT INTO app_user (id, username, display_name, password_hash, role, party_code, nationality, locale,"
                        + " created_at) VALUES (?, ?, 'Other agency', ?, 'SENDING_AGENCY', ?, NULL, 'en', now()),"
                        + " (?, ?, 'Other consul', ?, 'CONSULAR', NULL, 'HN', 'es', now())")
                .params(UUID.randomUUID(), otherAgency, hash, state, UUID.randomUUID(), otherConsul, hash).update();
        us = held("us-agency", TestAgreements.create(as("admin"), "US", 10, TestAgreements.demoPolicy()), "VE");
        other = held(otherAgency, TestAgreements.create(as("admin"), state, 10, TestAgreements.demoPolicy()), "HN");
    }

    @Test
    void noStateAndNoConsulateReadsTheOthersRecords() {
        List<String> leaks = new ArrayList<>();
        JsonNode paths = as("admin").get("/v3/api-docs").json().path("paths");
        int reads = 0;
        for (var path : paths.properties()) {
            if (!path.getValue().has("get")) {
                continue;
            }
            String template = path.getKey();
            for (var reader : List.of(Map.entry("us-agency", other), Map.entry(otherAgency, us),
                    Map.entry("ve-consul", other.ofPeopleOnly()), Map.entry(otherConsul, us.ofPeopleOnly()))) {
                Held foreign = reader.getValue();
                if (!template.contains("{")) {
                    Api.Response list = as(reader.getKey()).get(template);
                    reads++;
                    for (String id : foreign.identifiers()) {
                        if (list.status() == 200 && list.text().contains(id)) {
                            leaks.add(reader.getKey() + " sees " + id + " in GET " + template);
                        }
                    }
                    continue;
                }
                for (String concrete : concrete(template, foreign)) {
                    Api.Response read = as(reader.getKey()).get(concrete);
                    reads++;
                    if (read.status() == 200) {
                        leaks.add(reader.getKey() + " reads GET " + concrete);
                    }
                }
            }
        }
        // The own records stay readable: the test would pass vacuously if every read failed.
        assertThat(as("us-agency").get("/api/v1/referrals/" + us.referralId()).status()).isEqualTo(200);
        assertThat(as(otherAgency).get("/api/v1/referrals/" + other.referralId()).status()).isEqualTo(200);
        assertThat(as(otherAgency).get("/api/v1/prisoners/" + other.prisonerNumber()).status()).isEqualTo(200);
        assertThat(as(otherConsul).get("/api/v1/prisoners/" + other.prisonerNumber() + "/file").status()).isEqualTo(200);
        assertThat(as("ve-consul").get("/api/v1/prisoners/" + us.prisonerNumber()).status()).isEqualTo(200);
        assertThat(reads).isGreaterThan(40);
        assertThat(leaks).as("reads across states or consulates").isEmpty();
    }

    /** The template filled with each of the foreign records that fits its variable. */
    private static List<String> concrete(String template, Held foreign) {
        List<String> filled = new ArrayList<>();
        if (template.contains("{number}") || template.contains("{prisonerNumber}")) {
            filled.add(template.replace("{number}", foreign.prisonerNumber())
                    .replace("{prisonerNumber}", foreign.prisonerNumber()));
        } else if (template.contains("{id}")) {
            filled.add(template.replace("{id}", foreign.referralId()));
            filled.add(template.replace("{id}", foreign.manifestId()));
        } else if (template.startsWith("/api/v1/agreements/{code}") && foreign.agreement() != null) {
            filled.add(template.replace("{code}", foreign.agreement()));
        }
        return filled;
    }

    /** A person of the given nationality referred by the agency, accepted, flown and admitted. */
    private Held held(String agency, String agreement, String nationality) {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Api.Response submitted = as(agency).post("/api/v1/referrals",
                ReferralBodies.eligible(today, agreement, ReferralBodies.unique("REF"), nationality),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        String referral = submitted.json().get("id").asString();
        Api.Response accepted = as("intake").post("/api/v1/referrals/" + referral + "/decision",
                Map.of("decision", "ACCEPT", "reason", "Meets the agreement"));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        Api.Response manifest = as("reception").post("/api/v1/manifests", Map.of("agreementCode", agreement,
                "carrier", "Carrier", "transportReference", "T-" + UUID.randomUUID(),
                "scheduledDeparture", now.minusSeconds(7200).toString(),
                "scheduledArrival", now.minusSeconds(900).toString(), "referralIds", List.of(referral)));
        assertThat(manifest.status()).as(manifest.text()).isEqualTo(201);
        String manifestId = manifest.json().get("id").asString();
        assertThat(as("reception").post("/api/v1/manifests/" + manifestId + "/departure",
                Map.of("departedAt", now.minusSeconds(7000).toString())).status()).isEqualTo(200);
        Api.Response arrival = as("reception").post("/api/v1/manifests/" + manifestId + "/arrivals",
                Dossiers.handover(referral, now.minusSeconds(600).toString()));
        assertThat(arrival.status()).as(arrival.text()).isEqualTo(201);
        return new Held(agreement, referral, manifestId, arrival.json().get("prisonerNumber").asString());
    }
}
