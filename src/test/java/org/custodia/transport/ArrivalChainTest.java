package org.custodia.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.support.Api;
import org.custodia.support.Dossiers;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The whole chain through the real API: referral, acceptance, manifest, departure, handover, absence, release. */
class ArrivalChainTest extends IntegrationTest {

    @Autowired
    private Clock clock;

    @Test
    void fromReferralToAdmissionToAbsenceToReturnTheFileShowsEveryStep() throws Exception {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String referralId = Dossiers.accepted(this, Dossiers.eligible("José Luis", "Martínez Pérez", "VE"));

        Api.Response manifest = as("reception").post("/api/v1/manifests", Map.of(
                "agreementCode", Dossiers.AGREEMENT, "carrier", "ICE Air", "transportReference", "GXA-" + UUID.randomUUID(),
                "scheduledDeparture", now.minus(Duration.ofHours(8)).toString(),
                "scheduledArrival", now.minus(Duration.ofHours(3)).toString(),
                "escortOfficers", List.of("Officer Smith", "Officer Jones"),
                "referralIds", List.of(referralId)), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(manifest.status()).as(manifest.text()).isEqualTo(201);
        String manifestId = manifest.json().get("id").asString();
        assertThat(manifest.json().get("status").asString()).isEqualTo("PLANNED");

        Api.Response departed = as("us-agency").post("/api/v1/manifests/" + manifestId + "/departure",
                Map.of("departedAt", now.minus(Duration.ofHours(8)).toString()));
        assertThat(departed.status()).as(departed.text()).isEqualTo(200);
        assertThat(departed.json().get("status").asString()).isEqualTo("DEPARTED");
        assertThat(as("intake").get("/api/v1/referrals/" + referralId).json().get("status").asString())
                .isEqualTo("IN_TRANSIT");

        Api.Response handover = as("reception").post("/api/v1/manifests/" + manifestId + "/arrivals",
                Dossiers.handover(referralId, now.minus(Duration.ofHours(3)).toString()),
                Map.of("Idempotency-Key", "arrival-" + referralId));
        assertThat(handover.status()).as(handover.text()).isEqualTo(201);
        String number = handover.json().get("prisonerNumber").asString();
        assertThat(number).matches("CECOT-\\d{4}-\\d{6}");
        assertThat(handover.json().get("outcome").asString()).isEqualTo("ADMITTED");

        JsonNode prisoner = as("custody").get("/api/v1/prisoners/" + number).json();
        assertThat(prisoner.get("status").asString()).isEqualTo("IN_CUSTODY");
        assertThat(prisoner.get("legalCustodian").asString()).isEqualTo("US");
        assertThat(prisoner.get("physicalCustodian").asString()).isEqualTo("CECOT");
        assertThat(as("intake").get("/api/v1/referrals/" + referralId).json().get("status").asString())
                .isEqualTo("ADMITTED");

        Api.Response out = as("custody").post("/api/v1/prisoners/" + number + "/movements", Map.of(
                "direction", "OUT", "reason", "HOSPITAL", "destination", "Hospital Nacional Zacatecoluca",
                "occurredAt", now.minus(Duration.ofHours(2)).toString()));
        assertThat(out.status()).as(out.text()).isIn(200, 201);
        assertThat(as("custody").get("/api/v1/prisoners/" + number).json().get("status").asString())
                .isEqualTo("TEMPORARILY_OUT");
        Api.Response back = as("custody").post("/api/v1/prisoners/" + number + "/movements", Map.of(
                "direction", "IN", "reason", "HOSPITAL", "destination", "CECOT",
                "occurredAt", now.minus(Duration.ofHours(1)).toString()));
        assertThat(back.status()).as(back.text()).isIn(200, 201);

        Api.Response release = as("custody").post("/api/v1/prisoners/" + number + "/releases", Map.of(
                "type", "RETURN_TO_SENDING_STATE", "effectiveAt", now.minus(Duration.ofMinutes(30)).toString(),
                "receivedBy", "US Marshals Service, Deputy R. Diaz", "destinationState", "US",
                "reason", "Returned at the request of the sending state"));
        assertThat(release.status()).as(release.text()).isIn(200, 201);

        JsonNode file = as("oversight").get("/api/v1/prisoners/" + number + "/file").json();
        List<String> steps = new ArrayList<>();
        for (JsonNode event : file.get("events")) {
            steps.add(event.get("type").asString() + " by " + event.get("recordedBy").asString());
            assertThat(event.get("occurredAt").isNull()).as("every step has its time").isFalse();
            assertThat(event.get("recordedAt").isNull()).isFalse();
        }
        assertThat(steps).containsSubsequence("ADMISSION by reception", "MOVEMENT_OUT by custody",
                "MOVEMENT_IN by custody", "RELEASE by custody");
        assertThat(as("custody").get("/api/v1/prisoners/" + number).json().get("status").asString()).isEqualTo("RELEASED");

        // The release reaches the referral through the event publication registry (after commit): its quota place frees.
        awaitReferralStatus(referralId, "RELEASED");

        List<String> manifestActions = jdbc.sql("SELECT action FROM ledger_entry WHERE subject_type = 'MANIFEST' "
                + "AND subject_id = ? ORDER BY sequence").param(manifestId).query(String.class).list();
        assertThat(manifestActions).containsExactly("MANIFEST_PLANNED", "MANIFEST_DEPARTED", "HANDOVER_COMPLETED");
        Api.Response closed = as("reception").post("/api/v1/manifests/" + manifestId + "/closure", Map.of());
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(as("oversight").get("/api/v1/ledger/verification").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aRetriedHandoverWithTheSameKeyAdmitsOnce() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String referralId = Dossiers.accepted(this, Dossiers.eligible("Carlos", "Rivas", "VE"));
        String manifestId = dispatched(List.of(referralId), now);
        Map<String, Object> body = Dossiers.handover(referralId, now.minusSeconds(600).toString());
        String key = "retry-" + referralId;
        Api.Response first = as("reception").post("/api/v1/manifests/" + manifestId + "/arrivals", body,
                Map.of("Idempotency-Key", key));
        Api.Response second = as("reception").post("/api/v1/manifests/" + manifestId + "/arrivals", body,
                Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("prisonerNumber").asString()).isEqualTo(first.json().get("prisonerNumber").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM prisoner WHERE referral_id = ?").param(UUID.fromString(referralId))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theHandoverIsCheckedOnceTripFactsByTransportAndTheAdmissionRecordByCustodyInOneAnswer() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String foreign = Dossiers.accepted(this, Dossiers.eligible("Víctor", "Sin Contacto", "VE"));
        String national = Dossiers.accepted(this, Dossiers.eligible("Salvador", "Nacional", "SV"));
        String manifestId = dispatched(List.of(foreign, national), now);
        String path = "/api/v1/manifests/" + manifestId + "/arrivals";

        Map<String, Object> bad = Dossiers.handover(foreign, now.plusSeconds(3600).toString());
        bad.remove("emergencyContact");
        bad.remove("complaintOfIllTreatment");
        bad.put("informedOfConsularRights", false);
        Api.Response refused = as("reception").post(path, bad);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString() + ":" + e.get("code").asString()));
        // the trip's facts (transport) and the admission record (custody), each named once, in one answer
        assertThat(fields).containsExactlyInAnyOrder("arrivedAt:IN_FUTURE", "complaintOfIllTreatment:REQUIRED",
                "emergencyContact:REQUIRED", "informedOfConsularRights:CONSULAR_RIGHTS_NOT_INFORMED");

        // a contact known by name only is enough (Rule 7 g), and a national of the receiving state is not asked
        // about consular rights (Vienna Art. 36 concerns foreign nationals)
        Map<String, Object> nationalBody = Dossiers.handover(national, now.minusSeconds(600).toString());
        nationalBody.remove("conditionOnArrival");
        nationalBody.put("emergencyContact", Map.of("name", "none given"));
        nationalBody.put("informedOfConsularRights", false);
        nationalBody.remove("consularNotificationRequested");
        Api.Response admitted = as("reception").post(path, nationalBody);
        assertThat(admitted.status()).as(admitted.text()).isEqualTo(201);
        assertThat(admitted.json().get("outcome").asString()).isEqualTo("ADMITTED");
    }

    String dispatched(List<String> referralIds, Instant now) {
        Api.Response manifest = as("reception").post("/api/v1/manifests", Map.of(
                "agreementCode", Dossiers.AGREEMENT, "carrier", "ICE Air", "transportReference", "GXA-" + UUID.randomUUID(),
                "scheduledDeparture", now.minusSeconds(7200).toString(),
                "scheduledArrival", now.minusSeconds(900).toString(), "referralIds", referralIds));
        assertThat(manifest.status()).as(manifest.text()).isEqualTo(201);
        String id = manifest.json().get("id").asString();
        Api.Response departure = as("reception").post("/api/v1/manifests/" + id + "/departure",
                Map.of("departedAt", now.minusSeconds(7000).toString()));
        assertThat(departure.status()).as(departure.text()).isEqualTo(200);
        return id;
    }

    private void awaitReferralStatus(String referralId, String status) throws InterruptedException {
        String seen = null;
        for (int i = 0; i < 50; i++) {
            seen = as("intake").get("/api/v1/referrals/" + referralId).json().get("status").asString();
            if (status.equals(seen)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(seen).isEqualTo(status);
    }
}
