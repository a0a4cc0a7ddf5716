package org.custodia.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestAgreements;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** People held since before go-live, recorded through POST /api/v1/custody-history. */
class CustodyHistoryTest extends IntegrationTest {

    static final ZoneId SV = ZoneId.of("America/El_Salvador");

    @Autowired
    Clock clock;

    private Map<String, Object> body(String agreement, String admittedAt, LocalDate dossierDay) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dossier", ReferralBodies.eligible(dossierDay, agreement));
        body.put("admittedAt", admittedAt);
        body.put("source", "CECOT admission register, book 3");
        return body;
    }

    @Test
    void aPersonHeldBeforeGoLiveIsRecordedMigratedWithFindingsAsOfAdmission() {
        String code = TestAgreements.create(as("admin"), "US", 10, TestAgreements.demoPolicy());
        Map<String, Object> body = body(code, "2025-03-15T23:40:00Z", LocalDate.of(2025, 3, 15));
        body.put("cell", "M" + (1 + (int) (Math.random() * 8)) + "-C" + String.format("%02d", 1 + (int) (Math.random() * 32)));
        body.put("release", Map.of("type", "RETURN_TO_SENDING_STATE", "effectiveAt", "2025-04-10T15:00:00Z",
                "receivedBy", "U.S. Marshals Service"));
        Api.Response r = as("reception").post("/api/v1/custody-history", body, Map.of("Idempotency-Key", "h-" + code));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode answer = r.json();
        String number = answer.get("prisonerNumber").asString();
        assertThat(number).startsWith("CECOT-2025-");
        assertThat(answer.get("origin").asString()).isEqualTo("MIGRATED");
        assertThat(answer.get("status").asString()).isEqualTo("RELEASED");
        assertThat(answer.get("eligible").asBoolean()).isTrue();
        assertThat(answer.get("alertRaised").asBoolean()).isFalse();
        assertThat(answer.get("findings").toString()).contains("2025-03-15");
        // a retry with the same key gives the same answer, and nobody twice
        Api.Response retry = as("reception").post("/api/v1/custody-history", body, Map.of("Idempotency-Key", "h-" + code));
        assertThat(retry.json().get("prisonerNumber").asString()).isEqualTo(number);
        assertThat(jdbc.sql("SELECT count(*) FROM prisoner WHERE agreement_code = ?").param(code).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT origin || ':' || origin_source FROM prisoner WHERE prisoner_number = ?").param(number)
                .query(String.class).single()).isEqualTo("MIGRATED:CECOT admission register, book 3");
        assertThat(jdbc.sql("SELECT r.status FROM referral r JOIN prisoner p ON p.referral_id = r.id WHERE p.prisoner_number = ?")
                .param(number).query(String.class).single()).isEqualTo("MIGRATED");
        JsonNode file = as("custody").get("/api/v1/prisoners/" + number).json();
        assertThat(file.get("status").asString()).isEqualTo("RELEASED");
        List<String> actions = jdbc.sql("SELECT action FROM ledger_entry WHERE subject_id = ? ORDER BY sequence")
                .param(number).query(String.class).list();
        assertThat(actions).contains("PRISONER_ADMITTED", "PRISONER_MIGRATED", "PRISONER_CELL_MOVED", "PRISONER_RELEASED");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE action = 'REFERRAL_MIGRATED' AND subject_id = ?")
                .param(answer.get("referralId").asString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFailedFindingStillRecordsThePersonAndRaisesAnOversightAlert() {
        String code = TestAgreements.create(as("admin"), "US", 10, TestAgreements.demoPolicy());
        LocalDate day = LocalDate.of(2025, 3, 15);
        Map<String, Object> body = body(code, "2025-03-15T23:40:00Z", day);
        List<Map<String, Object>> convictions = ReferralBodies.convictions(ReferralBodies.eligible(day, code));
        @SuppressWarnings("unchecked")
        Map<String, Object> dossier = (Map<String, Object>) body.get("dossier");
        List<Map<String, Object>> notFinal = new ArrayList<>();
        notFinal.add(ReferralBodies.conviction(day, false));
        dossier.put("convictions", notFinal);
        Api.Response r = as("admin").post("/api/v1/custody-history", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("eligible").asBoolean()).isFalse();
        assertThat(r.json().get("alertRaised").asBoolean()).isTrue();
        String number = r.json().get("prisonerNumber").asString();
        List<String> alerts = new ArrayList<>();
        as("oversight").get("/api/v1/oversight/alerts").json().forEach(a -> {
            if (a.get("prisonerNumber").asString().equals(number)) {
                alerts.add(a.get("kind").asString() + ": " + a.get("details").asString());
            }
        });
        assertThat(alerts).singleElement().asString().startsWith("HELD_WITHOUT_MEETING_AGREEMENT: Held without meeting the agreement")
                .contains("FINAL_CONVICTION_REQUIRED");
        // the console says it in the reader's language, the rule by its name, never its code
        String page = as("oversight").get("/oversight/alerts?lang=es", Map.of("Accept", "text/html")).text();
        assertThat(page).contains("Retenido sin cumplir el acuerdo " + code + " desde el 2025-03-15; incumple: "
                + "Condena firme obligatoria").doesNotContain("FINAL_CONVICTION_REQUIRED")
                .doesNotContain("Held without meeting");
        assertThat(convictions).isNotEmpty();
    }

    @Test
    void aPersonHeldSinceBeforeGoLiveIsADuplicateWhenReferredAgainAndHoldsAPlaceOfTheQuota() {
        String code = TestAgreements.create(as("admin"), "US", 1, TestAgreements.demoPolicy());
        LocalDate today = LocalDate.now(clock.withZone(SV));
        Map<String, Object> body = body(code, "2025-03-15T23:40:00Z", LocalDate.of(2025, 3, 15));
        Api.Response held = as("reception").post("/api/v1/custody-history", body);
        assertThat(held.status()).as(held.text()).isEqualTo(201);

        // the same person (same passport and biometric reference) referred again under a new reference
        Map<String, Object> again = ReferralBodies.eligible(today, code);
        again.put("person", ReferralBodies.person(castDossier(body)));
        Api.Response duplicate = as("us-agency").post("/api/v1/referrals", again);
        assertThat(duplicate.status()).as(duplicate.text()).isEqualTo(201);
        assertThat(duplicate.json().get("status").asString()).isEqualTo("INELIGIBLE");
        List<String> failed = new ArrayList<>();
        duplicate.json().get("eligibility").get("findings").forEach(f -> {
            if (f.get("outcome").asString().equals("FAIL")) {
                failed.add(f.get("rule").asString());
            }
        });
        assertThat(failed).containsExactly("DUPLICATE_PERSON");

        // someone else is eligible, but the one place of the quota is taken by the person already held
        Api.Response other = as("us-agency").post("/api/v1/referrals", ReferralBodies.eligible(today, code));
        assertThat(other.json().get("status").asString()).as(other.text()).isEqualTo("SUBMITTED");
        Api.Response accepted = as("intake").post("/api/v1/referrals/" + other.json().get("id").asString() + "/decision",
                Map.of("decision", "ACCEPT", "reason", "Meets the agreement"));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(409);
        assertThat(accepted.json().get("code").asString()).isEqualTo("AGREEMENT_QUOTA_EXCEEDED");
    }

    @Test
    void neverAFutureDateAndOnlyAdminOrReception() {
        String code = TestAgreements.create(as("admin"), "US", 10, TestAgreements.demoPolicy());
        LocalDate today = LocalDate.now(clock.withZone(SV));
        Map<String, Object> future = body(code, clock.instant().plusSeconds(3600).toString(), today);
        future.put("release", Map.of("type", "RETURN_TO_SENDING_STATE", "effectiveAt",
                clock.instant().plusSeconds(7200).toString(), "receivedBy", "USMS"));
        Api.Response r = as("reception").post("/api/v1/custody-history", future);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").toString()).contains("admittedAt").contains("IN_FUTURE")
                .contains("release.effectiveAt");
        Map<String, Object> noSource = body(code, "2025-03-15T23:40:00Z", LocalDate.of(2025, 3, 15));
        noSource.remove("source");
        assertThat(as("reception").post("/api/v1/custody-history", noSource).json().get("errors").toString())
                .contains("source");
        Map<String, Object> badDossier = body(code, "2025-03-15T23:40:00Z", LocalDate.of(2025, 3, 15));
        ReferralBodies.person(castDossier(badDossier)).remove("givenNames");
        Api.Response bad = as("reception").post("/api/v1/custody-history", badDossier);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").toString()).contains("dossier.person.givenNames");
        assertThat(as("custody").post("/api/v1/custody-history", noSource).status()).isEqualTo(403);
        assertThat(as("us-agency").post("/api/v1/custody-history", noSource).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM prisoner WHERE agreement_code = ?").param(code).query(Long.class).single())
                .isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castDossier(Map<String, Object> body) {
        return (Map<String, Object>) body.get("dossier");
    }
}
