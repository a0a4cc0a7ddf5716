package org.custodia.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.support.Api;
import org.custodia.support.Dossiers;
import org.custodia.support.IntegrationTest;
import org.custodia.support.TestAgreements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mandela Rule 7 and the agreement's promise: nobody is admitted but a person on an arrived manifest as an accepted
 * referral. Each way in is tried.
 */
class NoAdmissionOutsideTheChainTest extends IntegrationTest {

    @Autowired
    private Clock clock;

    private Instant now;

    @BeforeEach
    void now() {
        now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aReferralThatWasNeverAcceptedCannotTravel() {
        String submitted = Dossiers.submitted(this, Dossiers.eligible("Pedro", "Sin Decisión", "VE"));
        Map<String, Object> noFinal = Dossiers.eligible("Luis", "Sin Condena", "VE");
        @SuppressWarnings("unchecked")
        Map<String, Object> conviction = ((List<Map<String, Object>>) noFinal.get("convictions")).get(0);
        conviction.put("judgmentFinal", false);
        conviction.remove("finalSince");
        String ineligible = Dossiers.submitted(this, noFinal);
        assertThat(as("intake").get("/api/v1/referrals/" + ineligible).json().get("status").asString())
                .isEqualTo("INELIGIBLE");

        Api.Response manifest = plan(List.of(submitted, ineligible, UUID.randomUUID().toString()));
        assertThat(manifest.status()).isEqualTo(400);
        List<String> codes = new ArrayList<>();
        manifest.json().get("errors").forEach(e -> codes.add(e.get("field").asString() + ":" + e.get("code").asString()));
        assertThat(codes).containsExactly("referralIds[0]:REFERRAL_NOT_ACCEPTED", "referralIds[1]:REFERRAL_NOT_ACCEPTED",
                "referralIds[2]:REFERRAL_NOT_FOUND");
    }

    @Test
    void nobodyArrivesOnAManifestThatHasNotDeparted() {
        String referral = Dossiers.accepted(this, Dossiers.eligible("Mario", "Antes", "VE"));
        String manifest = plan(List.of(referral)).json().get("id").asString();
        Api.Response arrival = arrive(manifest, referral);
        assertThat(arrival.status()).isEqualTo(409);
        assertThat(arrival.json().get("code").asString()).isEqualTo("MANIFEST_NOT_DEPARTED");
        assertNoPrisoner(referral);
    }

    @Test
    void aPersonNotOnTheManifestIsNotAdmitted() {
        String onBoard = Dossiers.accepted(this, Dossiers.eligible("Juan", "A Bordo", "VE"));
        String elsewhere = Dossiers.accepted(this, Dossiers.eligible("Jorge", "En Tierra", "VE"));
        String manifest = dispatch(List.of(onBoard));
        Api.Response arrival = arrive(manifest, elsewhere);
        assertThat(arrival.status()).isEqualTo(409);
        assertThat(arrival.json().get("code").asString()).isEqualTo("PERSON_NOT_ON_MANIFEST");
        assertNoPrisoner(elsewhere);
    }

    @Test
    void aFailedIdentityCheckRefusesTheHandoverAndRecordsTheDiscrepancy() {
        String referral = Dossiers.accepted(this, Dossiers.eligible("Ramón", "Otro Nombre", "VE"));
        String manifest = dispatch(List.of(referral));
        Map<String, Object> body = Dossiers.handover(referral, now.minusSeconds(600).toString());
        body.put("identityVerified", false);
        body.put("identityDiscrepancy", "Fingerprints do not match the FBI record");
        Api.Response refused = as("reception").post("/api/v1/manifests/" + manifest + "/arrivals", body);
        assertThat(refused.status()).as(refused.text()).isEqualTo(201);
        assertThat(refused.json().get("outcome").asString()).isEqualTo("HANDOVER_REFUSED");
        assertThat(refused.json().get("prisonerNumber").isNull()).isTrue();
        assertNoPrisoner(referral);
        assertThat(as("intake").get("/api/v1/referrals/" + referral).json().get("status").asString())
                .isEqualTo("HANDOVER_REFUSED");
        Api.Response again = arrive(manifest, referral);
        assertThat(again.json().get("code").asString()).isEqualTo("HANDOVER_ALREADY_RECORDED");
        assertNoPrisoner(referral);
        assertThat(as("reception").get("/api/v1/manifests/" + manifest).text())
                .contains("Fingerprints do not match the FBI record");
    }

    @Test
    void aWithdrawnReferralOnAPlannedManifestStopsTheDeparture() {
        String stays = Dossiers.accepted(this, Dossiers.eligible("Andrés", "Se Queda", "VE"));
        String withdrawn = Dossiers.accepted(this, Dossiers.eligible("Tomás", "Retirado", "VE"));
        String manifest = plan(List.of(stays, withdrawn)).json().get("id").asString();
        assertThat(as("us-agency").post("/api/v1/referrals/" + withdrawn + "/withdrawal",
                Map.of("reason", "Appeal pending")).status()).isEqualTo(200);
        Api.Response departure = as("reception").post("/api/v1/manifests/" + manifest + "/departure",
                Map.of("departedAt", now.minusSeconds(3600).toString()));
        assertThat(departure.status()).isEqualTo(409);
        assertThat(departure.json().get("code").asString()).isEqualTo("MANIFEST_REFERRAL_NOT_ACCEPTED");
        assertThat(departure.json().get("errors").get(0).get("field").asString()).isEqualTo("people[1]");
        assertThat(as("intake").get("/api/v1/referrals/" + stays).json().get("status").asString())
                .as("nothing half-written").isEqualTo("ACCEPTED");

        assertThat(as("reception").post("/api/v1/manifests/" + manifest + "/removals",
                Map.of("referralId", withdrawn, "reason", "Withdrawn by the sending state")).status()).isEqualTo(200);
        assertThat(as("reception").post("/api/v1/manifests/" + manifest + "/departure",
                Map.of("departedAt", now.minusSeconds(3600).toString())).status()).isEqualTo(200);
    }

    @Test
    void nobodyTravelsUnderASuspendedAgreement() {
        String state = TestAgreements.party(as("admin"), "GT");
        String code = TestAgreements.create(as("admin"), state, 10, TestAgreements.demoPolicy());
        Map<String, Object> suspended = TestAgreements.body(code, state, 10, TestAgreements.demoPolicy());
        suspended.put("status", "SUSPENDED");
        assertThat(as("admin").put("/api/v1/agreements/" + code, suspended).status()).isEqualTo(200);
        Api.Response manifest = as("reception").post("/api/v1/manifests", Map.of(
                "agreementCode", code, "carrier", "ICE Air", "transportReference", "GXA-" + UUID.randomUUID(),
                "scheduledDeparture", now.minusSeconds(7200).toString(),
                "scheduledArrival", now.minusSeconds(900).toString(), "referralIds", List.of(UUID.randomUUID())));
        assertThat(manifest.status()).isEqualTo(400);
        assertThat(manifest.text()).contains("AGREEMENT_NOT_ACTIVE");
    }

    @Test
    void aReferralSitsOnOneOpenManifestOnly() {
        String referral = Dossiers.accepted(this, Dossiers.eligible("Óscar", "Dos Vuelos", "VE"));
        assertThat(plan(List.of(referral)).status()).isEqualTo(201);
        Api.Response second = plan(List.of(referral));
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().get("errors").get(0).get("code").asString()).isEqualTo("REFERRAL_ON_OPEN_MANIFEST");
    }

    @Test
    void onlyReceptionHandsOverAndThereIsNoOtherWayToCreateAPrisoner() {
        String referral = Dossiers.accepted(this, Dossiers.eligible("Hugo", "Puerta", "VE"));
        String manifest = dispatch(List.of(referral));
        for (String user : List.of("us-agency", "custody", "intake", "admin", "oversight")) {
            assertThat(arriveAs(user, manifest, referral).status()).as(user).isIn(403, 404);
        }
        assertThat(as("admin").post("/api/v1/prisoners", Map.of("referralId", referral)).status()).isIn(404, 405);
        assertNoPrisoner(referral);
        assertThat(arrive(manifest, referral).status()).isEqualTo(201);
    }

    @Test
    void theDatabaseRefusesAPrisonerWithoutAnAcceptedReferral() {
        String submitted = Dossiers.submitted(this, Dossiers.eligible("Iván", "Directo", "VE"));
        assertThatThrownBy(() -> insertPrisoner(UUID.fromString(submitted), "CO-1"))
                .rootCause().hasMessageContaining("not an accepted referral");
        assertThatThrownBy(() -> insertPrisoner(UUID.randomUUID(), "CO-2"))
                .rootCause().hasMessageContaining("not an accepted referral");
        String accepted = Dossiers.accepted(this, Dossiers.eligible("Elías", "Sin Orden", "VE"));
        assertThatThrownBy(() -> insertPrisoner(UUID.fromString(accepted), null))
                .rootCause().hasMessageContaining("commitment_order_reference");
    }

    @Test
    void aManifestClosesOnlyWhenEveryoneIsAccountedFor() {
        String admitted = Dossiers.accepted(this, Dossiers.eligible("Félix", "Llegó", "VE"));
        String missing = Dossiers.accepted(this, Dossiers.eligible("Germán", "No Llegó", "VE"));
        String manifest = dispatch(List.of(admitted, missing));
        int enRouteBefore = as("custody").get("/api/v1/facilities/CECOT/roll-count").json().get("enRoute").asInt();
        assertThat(enRouteBefore).isGreaterThanOrEqualTo(2);
        assertThat(arrive(manifest, admitted).status()).isEqualTo(201);
        Api.Response early = as("reception").post("/api/v1/manifests/" + manifest + "/closure", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("MANIFEST_HAS_UNACCOUNTED_PEOPLE");
        assertThat(early.json().get("errors").get(0).get("message").asString()).contains("No Llegó");
        Api.Response accounted = as("reception").post("/api/v1/manifests/" + manifest + "/discrepancies", Map.of(
                "referralId", missing, "kind", "MEDICAL_EVACUATION", "details", "Taken off the aircraft at refuelling stop"));
        assertThat(accounted.status()).as(accounted.text()).isEqualTo(200);
        assertThat(as("reception").post("/api/v1/manifests/" + manifest + "/closure", Map.of()).status()).isEqualTo(200);
        assertNoPrisoner(missing);
        int enRouteAfter = as("custody").get("/api/v1/facilities/CECOT/roll-count").json().get("enRoute").asInt();
        assertThat(enRouteAfter).isEqualTo(enRouteBefore - 2);
    }

    @Test
    void anArrivalBeforeTheDepartureOrInTheFutureIsRefusedWithEveryError() {
        String referral = Dossiers.accepted(this, Dossiers.eligible("Raúl", "Tiempo", "VE"));
        String manifest = dispatch(List.of(referral));
        Map<String, Object> body = Dossiers.handover(referral, now.plusSeconds(3600).toString());
        body.remove("verificationMethod");
        body.put("informedOfConsularRights", false);
        body.put("property", List.of(Map.of("description", "", "quantity", 0)));
        Api.Response response = as("reception").post("/api/v1/manifests/" + manifest + "/arrivals", body);
        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString() + ":" + e.get("code").asString()));
        assertThat(fields).contains("arrivedAt:IN_FUTURE", "verificationMethod:REQUIRED",
                "informedOfConsularRights:CONSULAR_RIGHTS_NOT_INFORMED", "property[0].description:REQUIRED",
                "property[0].quantity:OUT_OF_RANGE");
        body.put("arrivedAt", now.minusSeconds(3 * 3600).toString());
        Api.Response beforeDeparture = as("reception").post("/api/v1/manifests/" + manifest + "/arrivals", body);
        assertThat(beforeDeparture.text()).contains("BEFORE_DEPARTURE");
        assertNoPrisoner(referral);
    }

    private Api.Response plan(List<String> referralIds) {
        return as("reception").post("/api/v1/manifests", Map.of(
                "agreementCode", Dossiers.AGREEMENT, "carrier", "ICE Air", "transportReference", "GXA-" + UUID.randomUUID(),
                "scheduledDeparture", now.minusSeconds(7200).toString(),
                "scheduledArrival", now.minusSeconds(900).toString(), "referralIds", referralIds));
    }

    private String dispatch(List<String> referralIds) {
        Api.Response planned = plan(referralIds);
        assertThat(planned.status()).as(planned.text()).isEqualTo(201);
        String id = planned.json().get("id").asString();
        assertThat(as("us-agency").post("/api/v1/manifests/" + id + "/departure",
                Map.of("departedAt", now.minusSeconds(7000).toString())).status()).isEqualTo(200);
        return id;
    }

    private Api.Response arrive(String manifest, String referral) {
        return arriveAs("reception", manifest, referral);
    }

    private Api.Response arriveAs(String user, String manifest, String referral) {
        return as(user).post("/api/v1/manifests/" + manifest + "/arrivals",
                Dossiers.handover(referral, now.minusSeconds(600).toString()));
    }

    private void assertNoPrisoner(String referral) {
        assertThat(jdbc.sql("SELECT count(*) FROM prisoner WHERE referral_id = ?").param(UUID.fromString(referral))
                .query(Long.class).single()).isZero();
    }

    private void insertPrisoner(UUID referralId, String commitmentOrder) {
        jdbc.sql("""
                        INSERT INTO prisoner (id, prisoner_number, referral_id, agreement_code, facility_code, legal_custodian,
                               physical_custodian, status, given_names, family_names, date_of_birth, sex, person,
                               commitment_order_reference, commitment_order_authority, commitment_order_issued_on,
                               responsible_authority, convictions, sentence_regime, gct_days_per_year, security_level,
                               admitted_at, admission_recorded_at, admission_recorded_by, handover, search_text)
                        VALUES (?, ?, ?, 'US-SV-2025', 'CECOT', 'US', 'CECOT', 'IN_CUSTODY', 'X', 'Y', '1990-01-01', 'MALE',
                                '{}', ?, 'Court', '2025-01-01', 'Court', '[]', 'US_FEDERAL_FSA', 54, 'HIGH', now(), now(),
                                'sql', '{}', 'x y')""")
                .params(UUID.randomUUID(), "SQL-" + UUID.randomUUID(), referralId, commitmentOrder)
                .update();
    }
}
