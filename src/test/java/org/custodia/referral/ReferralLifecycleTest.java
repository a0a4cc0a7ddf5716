package org.custodia.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.common.ApiException;
import org.custodia.custody.PrisonerReleased;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestAgreements;

/** The transitions transport and custody drive through {@link Referrals}, the release event, and the quota it frees. */
class ReferralLifecycleTest extends IntegrationTest {

    @Autowired
    Referrals referrals;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    LocalDate today;

    @BeforeEach
    void today() {
        today = LocalDate.now(clock);
    }

    @Test
    void anAcceptedReferralTravelsIsAdmittedAndReleasedAndEveryStepIsLedgered() throws Exception {
        String agreement = TestAgreements.create(as("admin"), "US", 1, List.of(TestAgreements.rule("FINAL_CONVICTION_REQUIRED")));
        UUID id = submit(agreement);
        UUID waiting = submit(agreement);

        assertThatThrownBy(() -> referrals.markInTransit(id, UUID.randomUUID()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("REFERRAL_NOT_ACCEPTED"));
        assertThat(accept(id).status()).isEqualTo(200);
        Api.Response full = accept(waiting);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().get("code").asString()).isEqualTo("AGREEMENT_QUOTA_EXCEEDED");

        UUID manifest = UUID.randomUUID();
        assertThatThrownBy(() -> referrals.markAdmitted(id, "CEC-2026-000001"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("REFERRAL_NOT_IN_TRANSIT"));
        referrals.markInTransit(id, manifest);
        assertThat(referrals.find(id).orElseThrow().status()).isEqualTo(ReferralStatus.IN_TRANSIT);
        Api.Response late = as("us-agency").post("/api/v1/referrals/" + id + "/withdrawal", Map.of("reason", "too late"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asString()).isEqualTo("REFERRAL_NOT_WITHDRAWABLE");

        String prisonerNumber = "CEC-" + UUID.randomUUID().toString().substring(0, 8);
        referrals.markAdmitted(id, prisonerNumber);
        ReferralSnapshot admitted = referrals.find(id).orElseThrow();
        assertThat(admitted.status()).isEqualTo(ReferralStatus.ADMITTED);
        assertThat(admitted.prisonerNumber()).isEqualTo(prisonerNumber);
        assertThat(admitted.manifestId()).isEqualTo(manifest);
        assertThat(admitted.dossier().person().familyNames()).isEqualTo("Martínez Pérez");
        assertThat(admitted.eligibility().eligible()).isTrue();
        assertThat(referrals.findByStatus(agreement, ReferralStatus.ADMITTED)).extracting(ReferralSnapshot::id).containsExactly(id);

        transactions.executeWithoutResult(tx -> events.publishEvent(new PrisonerReleased(UUID.randomUUID(), prisonerNumber,
                id, agreement, "CECOT", "RETURN_TO_SENDING_STATE", Instant.now(clock))));
        long deadline = System.currentTimeMillis() + 10_000;
        while (referrals.find(id).orElseThrow().status() != ReferralStatus.RELEASED && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(referrals.find(id).orElseThrow().status()).isEqualTo(ReferralStatus.RELEASED);
        assertThat(accept(waiting).status()).as("the release freed the only place").isEqualTo(200);

        assertThat(jdbc.sql("SELECT action FROM ledger_entry WHERE subject_type = 'REFERRAL' AND subject_id = ? ORDER BY sequence")
                .param(id.toString()).query(String.class).list()).containsExactly("REFERRAL_SUBMITTED",
                "REFERRAL_EVALUATED", "REFERRAL_ACCEPTED", "REFERRAL_IN_TRANSIT", "REFERRAL_ADMITTED", "REFERRAL_RELEASED");
    }

    @Test
    void aRefusedHandoverEndsTheReferralAndFreesItsPlace() {
        String agreement = TestAgreements.create(as("admin"), "US", 1, List.of(TestAgreements.rule("FINAL_CONVICTION_REQUIRED")));
        UUID id = submit(agreement);
        accept(id);
        referrals.markInTransit(id, UUID.randomUUID());
        referrals.markHandoverRefused(id, "Identity could not be verified");
        ReferralSnapshot refused = referrals.find(id).orElseThrow();
        assertThat(refused.status()).isEqualTo(ReferralStatus.HANDOVER_REFUSED);
        assertThat(refused.handoverRefusedReason()).isEqualTo("Identity could not be verified");
        assertThatThrownBy(() -> referrals.markAdmitted(id, "CEC-1"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("REFERRAL_NOT_IN_TRANSIT"));
        assertThat(accept(submit(agreement)).status()).isEqualTo(200);
    }

    @Test
    void aTransitionThatFailsInTheCallersTransactionLeavesNothingBehind() {
        String agreement = TestAgreements.create(as("admin"), "US", 5, List.of(TestAgreements.rule("FINAL_CONVICTION_REQUIRED")));
        UUID id = submit(agreement);
        accept(id);
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            referrals.markInTransit(id, UUID.randomUUID());
            throw new IllegalStateException("the manifest could not depart");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(referrals.find(id).orElseThrow().status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE subject_id = ? AND action = 'REFERRAL_IN_TRANSIT'")
                .param(id.toString()).query(Long.class).single()).isZero();
    }

    private UUID submit(String agreement) {
        Api.Response response = as("us-agency").post("/api/v1/referrals", ReferralBodies.eligible(today, agreement));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    private Api.Response accept(UUID id) {
        return as("intake").post("/api/v1/referrals/" + id + "/decision", Map.of("decision", "ACCEPT", "reason", "Meets the agreement"));
    }
}
