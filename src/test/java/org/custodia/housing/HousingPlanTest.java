package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodia.support.Api;
import org.custodia.support.Dossiers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Plans: each hard rule refuses a placement, a stale plan is refused, rivals admitted through the chain end apart. */
class HousingPlanTest extends HousingTestSupport {

    @Autowired
    Clock clock;

    private Api.Response plan(String facility, String... numbers) {
        return as("classification").post("/api/v1/housing/plans", Map.of("facilityCode", facility,
                "prisonerNumbers", List.of(numbers), "timeLimitSeconds", 2));
    }

    private static Map<String, List<String>> refusals(JsonNode plan) {
        Map<String, List<String>> refused = new HashMap<>();
        plan.get("unplaced").forEach(u -> {
            List<String> rules = new ArrayList<>();
            u.get("refusedBy").forEach(r -> rules.add(r.get("rule").asString()));
            refused.put(u.get("prisonerNumber").asString(), rules);
        });
        return refused;
    }

    @Test
    void everyHardRuleRefusesAPlacementAndThePlanSaysWhy() {
        String facility = facilityWithRivals(1, 1, 3);
        String ms13 = person(facility, "MS13");
        String partner = person(facility, null);
        moved(ms13, "M1-C01");
        moved(partner, "M1-C01");
        String rival = person(facility, "BARRIO_18_REVOLUCIONARIOS");
        String patient = person(facility, null);
        needs(patient, "MEDICAL");
        String woman = admit(ofSex(command(facility, "Ana", "Mujer " + unique(), List.of("SV"), null), "FEMALE"));
        String apart = person(facility, null);
        keepApart(partner, apart, "CELL");
        Api.Response response = plan(facility, rival, patient, woman, apart);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode plan = response.json();
        assertThat(plan.get("placements")).isEmpty();
        Map<String, List<String>> refused = refusals(plan);
        assertThat(refused.get(rival)).contains("RIVAL_GANG");
        assertThat(refused.get(patient)).contains("NEEDS");
        assertThat(refused.get(woman)).contains("CATEGORY");
        assertThat(refused.get(apart)).contains("KEEP_APART");
        assertThat(plan.get("unplaced").get(0).get("reason").asString()).startsWith("Refused by");

        String full = facilityWithRivals(1, 1, 1);
        moved(person(full, null), "M1-C01");
        String late = person(full, null);
        assertThat(refusals(plan(full, late).json()).get(late)).containsExactly("CELL_FULL");

        String secure = facilityWithRivals(1, 1, 5);
        assertThat(as("admin").put("/api/v1/facilities/" + secure + "/locations/M1", Map.of("securityLevel", "HIGH")).status())
                .isEqualTo(200);
        String maximum = person(secure, null);
        assertThat(refusals(plan(secure, maximum).json()).get(maximum)).containsExactly("SECURITY_LEVEL");
    }

    @Test
    void aPlanMadeStaleByAnotherMoveIsRefusedAndAFreshOneApplies() {
        String facility = facilityWithRivals(2, 2, 4);
        String arrival = person(facility, "MS13");
        String other = person(facility, null);
        Api.Response first = plan(facility, arrival);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.json().get("placements")).hasSize(1);
        assertThat(first.json().get("placements").get(0).get("explanation").isArray()).isTrue();
        moved(other, "M2-C02");
        Api.Response stale = as("classification").post("/api/v1/housing/plans/" + first.json().get("id").asString() + "/apply", Map.of());
        assertThat(stale.status()).as(stale.text()).isEqualTo(409);
        assertThat(stale.json().get("code").asString()).isEqualTo("PLAN_STALE");
        assertThat(cellOf(arrival)).as("nothing half-written").isNull();

        JsonNode fresh = plan(facility, arrival).json();
        String id = fresh.get("id").asString();
        String cell = fresh.get("placements").get(0).get("cell").asString();
        Api.Response applied = as("classification").post("/api/v1/housing/plans/" + id + "/apply", Map.of());
        assertThat(applied.status()).as(applied.text()).isEqualTo(200);
        assertThat(applied.json().get("status").asString()).isEqualTo("APPLIED");
        assertThat(cellOf(arrival)).isEqualTo(cell);
        assertThat(as("classification").post("/api/v1/housing/plans/" + id + "/apply", Map.of()).json().get("code").asString())
                .isEqualTo("PLAN_ALREADY_APPLIED");
        assertThat(as("custody").get("/api/v1/housing/plans/" + id).json().get("status").asString()).isEqualTo("APPLIED");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE subject_id = ? AND action = 'HOUSING_PLAN_APPLIED'")
                .param(id).query(Long.class).single()).isEqualTo(1);
        Api.Response unknown = plan(facility, "NOBODY-1");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("PRISONER_NOT_FOUND");
        assertThat(as("us-agency").post("/api/v1/housing/plans", Map.of("facilityCode", facility,
                "prisonerNumbers", List.of(arrival))).status()).isEqualTo(403);
    }

    @Test
    void threeRivalsAdmittedThroughTheApiEndUpInThreeModules() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<String> gangs = List.of("MS13", "BARRIO_18_SURENOS", "TREN_DE_ARAGUA");
        List<String> referrals = new ArrayList<>();
        for (String gang : gangs) {
            Map<String, Object> dossier = Dossiers.eligible("Rival " + unique(), "Pandilla " + gang, "SV");
            dossier.put("gangAffiliation", Map.of("group", gang, "source", "FBI gang database"));
            referrals.add(Dossiers.accepted(this, dossier));
        }
        Api.Response manifest = as("reception").post("/api/v1/manifests", Map.of(
                "agreementCode", Dossiers.AGREEMENT, "carrier", "ICE Air", "transportReference", "GXA-" + UUID.randomUUID(),
                "scheduledDeparture", now.minus(Duration.ofHours(8)).toString(),
                "scheduledArrival", now.minus(Duration.ofHours(3)).toString(),
                "escortOfficers", List.of("Officer Smith"), "referralIds", referrals),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(manifest.status()).as(manifest.text()).isEqualTo(201);
        String manifestId = manifest.json().get("id").asString();
        assertThat(as("us-agency").post("/api/v1/manifests/" + manifestId + "/departure",
                Map.of("departedAt", now.minus(Duration.ofHours(8)).toString())).status()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        for (String referral : referrals) {
            Api.Response handover = as("reception").post("/api/v1/manifests/" + manifestId + "/arrivals",
                    Dossiers.handover(referral, now.minus(Duration.ofHours(3)).toString()),
                    Map.of("Idempotency-Key", "arrival-" + referral));
            assertThat(handover.status()).as(handover.text()).isEqualTo(201);
            numbers.add(handover.json().get("prisonerNumber").asString());
        }
        Api.Response planned = plan("CECOT", numbers.toArray(String[]::new));
        assertThat(planned.status()).as(planned.text()).isEqualTo(201);
        assertThat(planned.json().get("unplaced")).as(planned.text()).isEmpty();
        Api.Response applied = as("classification").post("/api/v1/housing/plans/" + planned.json().get("id").asString() + "/apply",
                Map.of());
        assertThat(applied.status()).as(applied.text()).isEqualTo(200);
        Set<String> modules = new HashSet<>();
        numbers.forEach(n -> modules.add(moduleOf(n)));
        assertThat(modules).doesNotContainNull().hasSize(3);
        for (String n : numbers) {
            assertThat(as("custody").get("/api/v1/prisoners/" + n).json().get("cell").asString()).startsWith(moduleOf(n) + "-");
        }
    }

    @Test
    void theBestCellsForOnePersonAreRankedWithTheirExplanation() {
        String facility = facilityWithRivals(2, 2, 3);
        moved(person(facility, "MS13"), "M1-C01");
        String rival = person(facility, "TREN_DE_ARAGUA");
        Api.Response r = as("classification").get("/api/v1/housing/recommendations?prisoner=" + rival);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode cells = r.json().get("cells");
        assertThat(cells.size()).isGreaterThanOrEqualTo(2);
        assertThat(cells.get(0).get("feasible").asBoolean()).isTrue();
        assertThat(cells.get(0).get("module").asString()).isEqualTo("M2");
        List<String> infeasible = new ArrayList<>();
        cells.forEach(c -> {
            if (!c.get("feasible").asBoolean()) {
                infeasible.add(c.get("module").asString());
                assertThat(c.get("explanation").toString()).contains("RIVAL_GANG");
            }
        });
        assertThat(infeasible).containsOnly("M1");
    }
}
