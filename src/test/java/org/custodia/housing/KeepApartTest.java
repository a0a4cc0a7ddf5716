package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.Dossiers;
import org.custodia.support.ReferralBodies;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Keep-apart records: opened, closed and reopened with who, when and why; and from referrals' requests. */
class KeepApartTest extends HousingTestSupport {

    @Test
    void aRecordIsOpenedClosedAndReopenedEachTimeWithWhoAndWhy() {
        String facility = facilityWithRivals(1, 2, 5);
        String a = person(facility, null);
        String b = person(facility, null);
        String c = person(facility, null);
        String id = keepApart(a, b, "CELL");
        Api.Response duplicate = as("classification").post("/api/v1/keep-aparts", Map.of(
                "first", Map.of("prisonerNumber", b, "role", "UNKNOWN"), "second", Map.of("prisonerNumber", a, "role", "UNKNOWN"),
                "reason", "THREAT", "scope", "MODULE", "authorisedBy", "Director"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("code").asString()).isEqualTo("KEEP_APART_EXISTS");
        Api.Response invalid = as("classification").post("/api/v1/keep-aparts", Map.of(
                "first", Map.of("prisonerNumber", a, "role", "UNKNOWN"), "second", Map.of("prisonerNumber", a, "role", "UNKNOWN"),
                "reason", "THREAT", "scope", "CELL", "authorisedBy", "Director"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text()).contains("SAME_PERSON");
        assertThat(as("custody").post("/api/v1/keep-aparts", Map.of(
                "first", Map.of("prisonerNumber", a, "role", "UNKNOWN"), "second", Map.of("prisonerNumber", c, "role", "UNKNOWN"),
                "reason", "THREAT", "scope", "CELL", "authorisedBy", "Director")).status())
                .as("custody officers do not record them").isEqualTo(403);

        assertThat(as("classification").post("/api/v1/keep-aparts/" + id + "/closure", Map.of("reason", "Reconciled")).status())
                .isEqualTo(200);
        assertThat(as("classification").post("/api/v1/keep-aparts/" + id + "/closure", Map.of("reason", "Again"))
                .json().get("code").asString()).isEqualTo("KEEP_APART_STATE");
        JsonNode reopened = as("classification").post("/api/v1/keep-aparts/" + id + "/reopening",
                Map.of("reason", "New threat reported")).json();
        assertThat(reopened.get("status").asString()).isEqualTo("OPEN");
        List<String> actions = new java.util.ArrayList<>();
        reopened.get("history").forEach(e -> {
            actions.add(e.get("action").asString());
            assertThat(e.get("by").asString()).isNotBlank();
            assertThat(e.get("why").asString()).isNotBlank();
        });
        assertThat(actions).containsExactly("OPENED", "CLOSED", "REOPENED");
        assertThat(as("custody").get("/api/v1/keep-aparts?between=" + a + "," + b + "," + c).json()).hasSize(1);
        assertThat(as("custody").get("/api/v1/keep-aparts?between=" + a + "," + c).json()).isEmpty();
        assertThat(as("custody").get("/api/v1/keep-aparts?involving=" + b).json().get(0).get("id").asString()).isEqualTo(id);
        assertThat(jdbc.sql("SELECT action FROM ledger_entry WHERE subject_id = ? ORDER BY sequence").param(id)
                .query(String.class).list()).containsExactly("KEEP_APART_OPENED", "KEEP_APART_CLOSED", "KEEP_APART_REOPENED");
    }

    @Test
    void aReferralsKeepApartRequestBecomesARecordOnceBothAreAdmitted() throws Exception {
        String facility = facilityWithRivals(1, 2, 5);
        String referenceB = ReferralBodies.unique("DHS");
        Map<String, Object> dossierA = Dossiers.eligible("Primero " + unique(), "Pide", "SV");
        dossierA.put("keepApart", List.of(Map.of("externalReference", referenceB, "reason", "VIOLENCE")));
        String referralA = Dossiers.accepted(this, dossierA);
        Map<String, Object> dossierB = Dossiers.eligible("Segundo " + unique(), "Temido", "SV");
        dossierB.put("externalReference", referenceB);
        String referralB = Dossiers.accepted(this, dossierB);
        String a = admit(withReferral(command(facility, "Primero", "Pide", List.of("SV"), null), referralA));
        Thread.sleep(500);
        assertThat(as("custody").get("/api/v1/keep-aparts?involving=" + a).json()).as("the other is not here yet").isEmpty();
        String b = admit(withReferral(command(facility, "Segundo", "Temido", List.of("SV"), null), referralB));
        JsonNode records = null;
        for (int i = 0; i < 60; i++) {
            records = as("custody").get("/api/v1/keep-aparts?involving=" + a).json();
            if (!records.isEmpty()) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(records).hasSize(1);
        JsonNode record = records.get(0);
        assertThat(record.get("source").asString()).isEqualTo("REFERRAL");
        assertThat(record.get("reason").asString()).isEqualTo("VIOLENCE");
        assertThat(record.toString()).contains(a).contains(b);
        moved(a, "M1-C01");
        assertThat(rules(move("classification", b, "M1-C02"))).containsExactly("KEEP_APART");
    }
}
