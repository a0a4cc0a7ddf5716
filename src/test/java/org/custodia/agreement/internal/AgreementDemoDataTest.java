package org.custodia.agreement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A demo database made before the demo policy listed FIT_TO_TRAVEL and DUPLICATE_PERSON gets them at start. */
class AgreementDemoDataTest extends IntegrationTest {

    @Autowired
    AgreementDemoData demo;

    @Test
    void anOlderDemoAgreementGetsTheRulesAddedSinceAsALedgeredAmendment() {
        int version = as("admin").get("/api/v1/agreements/US-SV-2025").json().get("version").asInt();
        // the demo agreement as an earlier version wrote it: without the last two rules
        jdbc.sql("""
                DELETE FROM eligibility_rule WHERE rule IN ('FIT_TO_TRAVEL', 'DUPLICATE_PERSON')
                  AND agreement_id = (SELECT id FROM agreement WHERE code = 'US-SV-2025')""").update();

        demo.run(null);
        demo.run(null); // a second start changes nothing

        JsonNode agreement = as("admin").get("/api/v1/agreements/US-SV-2025").json();
        List<String> rules = new ArrayList<>();
        agreement.get("eligibilityPolicy").get("rules").forEach(r -> rules.add(r.get("rule").asString()));
        assertThat(rules).containsExactly("FINAL_CONVICTION_REQUIRED", "COMMITMENT_ORDER_REQUIRED",
                "MIN_REMAINING_SENTENCE_DAYS", "ADULTS_ONLY", "SEX_OF_FACILITY", "FIT_TO_TRAVEL", "DUPLICATE_PERSON");
        assertThat(agreement.get("version").asInt()).isEqualTo(version + 1);
        assertThat(agreement.get("capacityQuota").asInt()).as("nothing else changes").isEqualTo(300);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE action = 'AGREEMENT_AMENDED' AND subject_id = ?")
                .param("US-SV-2025").query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }
}
