package org.custodia.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Users;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestAgreements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DUPLICATE_PERSON without a lock held through whole transactions: a submission no longer waits for another one (or
 * a bulk import) still at work, and of two that referred one person at once the second to commit is refused by the
 * commit-time check (V103), nothing of it kept; the next try sees the first and is INELIGIBLE.
 */
class IdentityCheckAtCommitTest extends IntegrationTest {

    @Autowired
    ReferralService referrals;

    @Autowired
    Users users;

    @Autowired
    TransactionTemplate tx;

    @Test
    void ofTwoReferralsOfOnePersonAtOnceTheLaterCommitIsRefusedAndNothingOfItKept() throws Exception {
        String agreement = TestAgreements.create(as("admin"), "US", 1000, TestAgreements.demoPolicy());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> first = ReferralBodies.eligible(today, agreement);
        Map<String, Object> second = new LinkedHashMap<>(first);
        second.put("externalReference", ReferralBodies.unique("DHS"));
        Map<String, Object> third = new LinkedHashMap<>(first);
        third.put("externalReference", ReferralBodies.unique("DHS"));
        CurrentUser agency = users.find("us-agency").orElseThrow();
        JsonNode firstJson = JsonMapper.builder().build().valueToTree(first);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch submitted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try {
            // The first submission evaluates and writes, then holds its transaction open (a long import would).
            Future<String> open = pool.submit(() -> tx.execute(status -> {
                String id = referrals.submit(firstJson, agency).id().toString();
                submitted.countDown();
                await(commit);
                return id;
            }));
            assertThat(submitted.await(30, TimeUnit.SECONDS)).isTrue();

            // The second is answered while the first is still open: it cannot see it, and passes.
            Api.Response answered = pool.submit(() -> as("us-agency").post("/api/v1/referrals", second))
                    .get(20, TimeUnit.SECONDS);
            assertThat(answered.status()).as(answered.text()).isEqualTo(201);
            assertThat(answered.json().get("status").asString()).isEqualTo("SUBMITTED");
            assertThat(open.isDone()).as("the first is still open").isFalse();

            commit.countDown();
            try {
                open.get(30, TimeUnit.SECONDS);
                throw new AssertionError("the later commit of the same person was accepted");
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(DataIntegrityViolationException.class);
                assertThat(e.getCause().getMessage()).contains("referral_identity_key_live");
            }
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE external_reference = ?")
                .param((String) first.get("externalReference")).query(Long.class).single())
                .as("nothing of the refused one is kept").isZero();

        JsonNode again = as("us-agency").post("/api/v1/referrals", third).json();
        assertThat(again.get("status").asString()).as(again.toString()).isEqualTo("INELIGIBLE");
        assertThat(again.toString()).contains("DUPLICATE_PERSON");
    }

    @Test
    void theCommitTimeCheckRefusesASecondLiveHolderOfOneDocumentOnItsOwn() {
        // The ordinary path finds a committed holder first (INELIGIBLE); this checks the trigger alone, in SQL.
        String agreement = TestAgreements.create(as("admin"), "US", 1000, TestAgreements.demoPolicy());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode held = as("us-agency").post("/api/v1/referrals", ReferralBodies.eligible(today, agreement)).json();
        String key = jdbc.sql("SELECT identity_key FROM referral_identity_key WHERE referral_id = ?::uuid LIMIT 1")
                .param(held.get("id").asString()).query(String.class).single();
        JsonNode other = as("us-agency").post("/api/v1/referrals", ReferralBodies.eligible(today, agreement)).json();
        try {
            tx.executeWithoutResult(status -> jdbc.sql(
                            "INSERT INTO referral_identity_key (referral_id, identity_key) VALUES (?::uuid, ?)")
                    .params(other.get("id").asString(), key).update());
            throw new AssertionError("a second live holder of one identity document was committed");
        } catch (DataIntegrityViolationException refused) {
            assertThat(refused.getMessage()).contains("referral_identity_key_live");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM referral_identity_key WHERE identity_key = ?").param(key)
                .query(Long.class).single()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
