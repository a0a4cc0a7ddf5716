package org.custodia.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import org.custodia.support.TestAgreements;

/**
 * 10,000 CSV rows (8,000 referrals: 6,000 with one conviction, 2,000 with two) through the HTTP API under a policy
 * with every rule: all of them stored or judged, none lost. How fast is measured by bench/referral-import.sh, not here.
 */
class ReferralImportAtScaleTest extends IntegrationTest {

    @Autowired
    Clock clock;

    @Test
    void tenThousandRowsImport() {
        LocalDate today = LocalDate.now(clock);
        String agreement = TestAgreements.create(as("admin"), "US", 20_000, List.of(
                TestAgreements.rule("FINAL_CONVICTION_REQUIRED"), TestAgreements.rule("COMMITMENT_ORDER_REQUIRED"),
                TestAgreements.rule("MIN_REMAINING_SENTENCE_DAYS", Map.of("days", 180)),
                TestAgreements.rule("ADULTS_ONLY", Map.of("minimumAge", 18)),
                TestAgreements.rule("SEX_OF_FACILITY", Map.of("sex", "MALE")),
                TestAgreements.rule("NATIONALITY_EXCLUDED", Map.of("nationalities", List.of("SV"))),
                TestAgreements.rule("FIT_TO_TRAVEL"),
                TestAgreements.rule("EXCLUDED_OFFENCES", Map.of("offenceCodes", List.of("18 USC 1591"))),
                TestAgreements.rule("DUPLICATE_PERSON")));
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ReferralCsv csv = new ReferralCsv();
        int rows = 0;
        int referrals = 0;
        for (int i = 0; rows < 10_000; i++) {
            Map<String, String> line = new HashMap<>();
            line.put("externalReference", "PERF-" + run + "-" + i);
            line.put("agreementCode", agreement);
            line.put("givenNames", "Persona " + i);
            line.put("familyNames", "Prueba");
            line.put("dateOfBirth", today.minusYears(20 + i % 40).minusDays(i % 365).toString());
            line.put("sex", "MALE");
            line.put("nationalities", i % 3 == 0 ? "VE" : "VE|CO");
            // every 50th person carries the passport of the one before: a duplicate within the file
            int passport = i % 50 == 49 ? i - 1 : i;
            line.put("identityDocuments", "PASSPORT:" + run + passport + ":VE");
            line.put("biometricReference", "FBI-" + run + "-" + i);
            line.put("court", "U.S. District Court, District " + (i % 94));
            line.put("convictionCountry", "US");
            line.put("caseNumber", "CR-" + i);
            line.put("offences", "21 USC 841:Possession with intent to distribute");
            line.put("convictionDate", today.minusYears(2).toString());
            line.put("judgmentFinal", i % 10 == 0 ? "false" : "true");
            line.put("finalSince", today.minusYears(1).toString());
            line.put("sentenceYears", Integer.toString(1 + i % 15));
            line.put("sentenceStartDate", today.minusYears(2).toString());
            line.put("jailCreditDays", "60");
            line.put("commitmentOrderReference", "CO-" + i);
            line.put("commitmentOrderAuthority", "U.S. District Court");
            line.put("commitmentOrderIssuedOn", today.minusMonths(1).toString());
            line.put("gangGroup", i % 4 == 0 ? "MS13" : "NONE");
            line.put("fitToTravel", "true");
            line.put("consent", "NOT_ASKED");
            line.put("consularNotificationRequested", "true");
            csv.row(line);
            rows++;
            referrals++;
            if (i % 4 == 1 && rows < 10_000) {
                Map<String, String> second = new HashMap<>();
                second.put("externalReference", "PERF-" + run + "-" + i);
                second.put("court", "State court");
                second.put("convictionCountry", "US");
                second.put("caseNumber", "ST-" + i);
                second.put("offences", "8 USC 1326:Reentry");
                second.put("convictionDate", today.minusYears(3).toString());
                second.put("judgmentFinal", "true");
                second.put("finalSince", today.minusYears(3).toString());
                second.put("sentenceYears", "2");
                second.put("relation", "CONSECUTIVE");
                second.put("sentenceStartDate", today.minusYears(3).toString());
                csv.row(second);
                rows++;
            }
        }
        String text = csv.toString();

        Api.Response response = as("us-agency").send("POST", "/api/v1/referrals/import", text,
                Map.of("Content-Type", "text/csv"));
        assertThat(response.status()).as(response.text().substring(0, Math.min(2000, response.text().length())))
                .isEqualTo(200);
        JsonNode result = response.json();

        assertThat(result.get("rows").asInt()).isEqualTo(10_000);
        assertThat(result.get("referrals").asInt()).isEqualTo(referrals);
        assertThat(result.get("invalid").asInt()).isZero();
        assertThat(result.get("stored").asInt()).isEqualTo(referrals);
        assertThat(result.get("ineligible").asInt()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE agreement_code = ?").param(agreement)
                .query(Long.class).single()).isEqualTo(referrals);
        assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE agreement_code = ? AND status = 'SUBMITTED'")
                .param(agreement).query(Long.class).single())
                .isEqualTo(referrals - result.get("ineligible").asInt());
    }
}
