package org.custodia.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestAgreements;

class ReferralImportTest extends IntegrationTest {

    static final Map<String, String> CSV = Map.of("Content-Type", "text/csv");

    @Autowired
    Clock clock;

    LocalDate today;
    String agreement;

    @BeforeEach
    void setUp() {
        today = LocalDate.now(clock);
        agreement = TestAgreements.create(as("admin"), "US", 100, List.of(TestAgreements.rule("FINAL_CONVICTION_REQUIRED"),
                TestAgreements.rule("MIN_REMAINING_SENTENCE_DAYS", Map.of("days", 180)),
                TestAgreements.rule("DUPLICATE_PERSON")));
    }

    /** A referral's first line: the person, the order and a final conviction of ten years that began two years ago. */
    Map<String, String> line(String reference, String passport) {
        Map<String, String> row = new HashMap<>();
        row.put("externalReference", reference);
        row.put("agreementCode", agreement);
        row.put("givenNames", "Carlos Andrés");
        row.put("familyNames", "Rojas");
        row.put("aliases", "Chino|El Gato");
        row.put("dateOfBirth", today.minusYears(30).toString());
        row.put("sex", "MALE");
        row.put("nationalities", "VE|CO");
        row.put("identityDocuments", "PASSPORT:" + passport + ":VE");
        row.put("biometricReference", ReferralBodies.unique("FBI"));
        row.putAll(conviction("21 USC 841:Possession with intent to distribute|18 USC 924(c):Firearm", true));
        row.put("commitmentOrderReference", ReferralBodies.unique("CO"));
        row.put("commitmentOrderAuthority", "U.S. District Court, S.D. Tex.");
        row.put("commitmentOrderIssuedOn", today.minusMonths(2).toString());
        row.put("gangGroup", "TREN_DE_ARAGUA");
        row.put("gangSource", "FBI gang database");
        row.put("fitToTravel", "true");
        row.put("consent", "NOT_ASKED");
        row.put("consularNotificationRequested", "true");
        return row;
    }

    Map<String, String> conviction(String offences, boolean isFinal) {
        Map<String, String> row = new HashMap<>();
        row.put("court", "U.S. District Court, Southern District of Texas");
        row.put("convictionCountry", "US");
        row.put("caseNumber", ReferralBodies.unique("4:24-cr"));
        row.put("offences", offences);
        row.put("convictionDate", today.minusYears(2).toString());
        row.put("judgmentFinal", Boolean.toString(isFinal));
        if (isFinal) {
            row.put("finalSince", today.minusYears(1).toString());
        }
        row.put("sentenceYears", "10");
        row.put("sentenceMonths", "0");
        row.put("sentenceDays", "0");
        row.put("lifeSentence", "false");
        row.put("relation", "CONCURRENT");
        row.put("sentenceStartDate", today.minusYears(2).toString());
        row.put("jailCreditDays", "120");
        return row;
    }

    @Test
    void aCsvWithValidAndInvalidRowsStoresTheValidOnesAndReportsEveryErrorOfTheOthers() {
        String a = ReferralBodies.unique("A");
        String b = ReferralBodies.unique("B");
        String c = ReferralBodies.unique("C");
        String d = ReferralBodies.unique("D");
        String e = ReferralBodies.unique("E");
        String f = ReferralBodies.unique("F");
        String passport = ReferralBodies.unique("V");
        Map<String, String> a2 = conviction("8 USC 1326:Reentry", true);
        a2.put("externalReference", a);
        a2.put("relation", "CONSECUTIVE");
        Map<String, String> bLine = line(b, ReferralBodies.unique("V"));
        bLine.putAll(conviction("21 USC 841:Possession", false));
        Map<String, String> cLine = line(c, ReferralBodies.unique("V"));
        cLine.put("dateOfBirth", "01/02/1990");
        cLine.put("sex", "M");
        cLine.put("identityDocuments", "PASSPORT-123");
        cLine.put("sentenceYears", "ten");
        Map<String, String> d1 = line(d, ReferralBodies.unique("V"));
        Map<String, String> d2 = new HashMap<>(d1);
        d2.putAll(conviction("8 USC 1326:Reentry", true));
        d2.put("givenNames", "Someone Else");
        Map<String, String> fLine = line(f, ReferralBodies.unique("V"));
        fLine.put("court", "Juzgado \"Primero\", Distrito Central");

        String csv = new ReferralCsv()
                .row(line(a, passport)).row(a2)                          // lines 2-3: one referral, two convictions
                .row(bLine)                                               // line 4: not final: INELIGIBLE
                .row(cLine)                                               // line 5: four errors
                .row(d1).row(d2)                                          // lines 6-7: inconsistent names
                .row(line(e, passport))                                   // line 8: the same passport as A
                .row(fLine)                                               // line 9: quotes and commas
                .toString();
        Api.Response response = as("us-agency").send("POST", "/api/v1/referrals/import", csv, CSV);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("rows").asInt()).isEqualTo(8);
        assertThat(result.get("referrals").asInt()).isEqualTo(6);
        assertThat(result.get("stored").asInt()).isEqualTo(4);
        assertThat(result.get("ineligible").asInt()).isEqualTo(2);
        assertThat(result.get("invalid").asInt()).isEqualTo(2);

        Map<String, JsonNode> byReference = new HashMap<>();
        result.get("results").forEach(r -> byReference.put(r.get("externalReference").asString(), r));
        JsonNode ra = byReference.get(a);
        assertThat(ra.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(ra.get("rows").toString()).isEqualTo("[2,3]");
        assertThat(ra.get("eligibility").get("eligible").asBoolean()).isTrue();
        JsonNode storedA = as("intake").get("/api/v1/referrals/" + ra.get("id").asString()).json();
        assertThat(storedA.get("convictions").size()).isEqualTo(2);
        assertThat(storedA.get("convictions").get(1).get("relation").asString()).isEqualTo("CONSECUTIVE");
        assertThat(storedA.get("convictions").get(0).get("offences").get(1).get("code").asString()).isEqualTo("18 USC 924(c)");
        assertThat(storedA.get("person").get("aliases").toString()).isEqualTo("[\"Chino\",\"El Gato\"]");
        assertThat(storedA.get("person").get("identityDocuments").get(0).get("number").asString()).isEqualTo(passport);

        assertThat(byReference.get(b).get("status").asString()).isEqualTo("INELIGIBLE");
        assertThat(byReference.get(e).get("status").asString()).as("a duplicate within the file").isEqualTo("INELIGIBLE");
        assertThat(byReference.get(e).get("eligibility").toString()).contains("DUPLICATE_PERSON", "FAIL");
        assertThat(byReference.get(f).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(as("intake").get("/api/v1/referrals/" + byReference.get(f).get("id").asString()).json()
                .get("convictions").get(0).get("court").asString()).isEqualTo("Juzgado \"Primero\", Distrito Central");

        JsonNode rc = byReference.get(c);
        assertThat(rc.get("status").asString()).isEqualTo("INVALID");
        assertThat(rc.get("id")).isNull();
        assertThat(errors(rc)).containsExactlyInAnyOrder("dateOfBirth:INVALID_FORMAT@5", "sex:INVALID_VALUE@5",
                "identityDocuments:INVALID_FORMAT@5", "sentenceYears:INVALID_TYPE@5");
        assertThat(errors(byReference.get(d))).containsExactly("givenNames:INCONSISTENT_VALUE@7");

        assertThat(count("SELECT count(*) FROM referral WHERE external_reference IN (?, ?)", c, d)).isZero();
        assertThat(count("SELECT count(*) FROM referral WHERE external_reference IN (?, ?, ?, ?)", a, b, e, f)).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM ledger_entry WHERE subject_type = 'REFERRAL' AND subject_id = ?",
                ra.get("id").asString())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ledger_entry WHERE subject_type = 'REFERRAL_IMPORT' AND subject_id = ?",
                result.get("importId").asString())).isEqualTo(1);
    }

    @Test
    void aJsonArrayIsImportedReferralByReferral() {
        Map<String, Object> valid = ReferralBodies.eligible(today, agreement);
        Map<String, Object> notFinal = ReferralBodies.eligible(today, agreement);
        ReferralBodies.convictions(notFinal).set(0, ReferralBodies.conviction(today, false));
        Map<String, Object> again = ReferralBodies.eligible(today, agreement, (String) valid.get("externalReference"), "VE");
        List<Object> body = List.of(valid, Map.of("agreementCode", agreement, "externalReference", "X-1"), notFinal, again, 42);

        Api.Response response = as("us-agency").post("/api/v1/referrals/import", body, Map.of("Accept-Language", "es"));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("rows").asInt()).isEqualTo(5);
        assertThat(result.get("stored").asInt()).isEqualTo(2);
        assertThat(result.get("ineligible").asInt()).isEqualTo(1);
        assertThat(result.get("invalid").asInt()).isEqualTo(3);
        JsonNode results = result.get("results");
        assertThat(results.get(0).get("index").asInt()).isZero();
        assertThat(results.get(0).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(results.get(0).get("eligibility").get("findings").get(0).get("message").asString()).contains("condena firme");
        assertThat(errors(results.get(1))).as("no conviction and no consent are findings, not errors")
                .containsExactly("person:REQUIRED");
        assertThat(results.get(2).get("status").asString()).isEqualTo("INELIGIBLE");
        assertThat(errors(results.get(3))).containsExactly("externalReference:DUPLICATE_EXTERNAL_REFERENCE");
        assertThat(errors(results.get(4))).containsExactly(":INVALID_TYPE");
    }

    @Test
    void anImportWithTheSameKeyIsAnsweredOnceAndAnotherFileUnderItIsRefused() {
        String reference = ReferralBodies.unique("I");
        String csv = new ReferralCsv().row(line(reference, ReferralBodies.unique("V"))).toString();
        Map<String, String> headers = new HashMap<>(CSV);
        headers.put("Idempotency-Key", ReferralBodies.unique("import"));
        Api agency = as("us-agency");
        Api.Response first = agency.send("POST", "/api/v1/referrals/import", csv, headers);
        Api.Response second = agency.send("POST", "/api/v1/referrals/import", csv, headers);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("importId").asString()).isEqualTo(first.json().get("importId").asString());
        assertThat(count("SELECT count(*) FROM referral WHERE external_reference = ?", reference)).isEqualTo(1);

        String other = new ReferralCsv().row(line(ReferralBodies.unique("I"), ReferralBodies.unique("V"))).toString();
        Api.Response reused = agency.send("POST", "/api/v1/referrals/import", other, headers);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        Api.Response inProgress = agency.send("POST", "/api/v1/referrals/import", csv, CSV);
        assertThat(errors(inProgress.json().get("results").get(0))).containsExactly("externalReference:REFERRAL_EXISTS@2");
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWhole() {
        Api agency = as("us-agency");
        Api.Response unknown = agency.send("POST", "/api/v1/referrals/import", "externalReference,colour\nX,red\n", CSV);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("UNKNOWN_COLUMN", "colour");
        Api.Response broken = agency.send("POST", "/api/v1/referrals/import", "externalReference,givenNames\nX,\"open\n", CSV);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.text()).contains("MALFORMED_CSV");
        assertThat(as("intake").send("POST", "/api/v1/referrals/import", "externalReference\nX\n", CSV).status()).isEqualTo(403);
    }

    @Test
    void aSendingAgencyImportsOnlyUnderItsOwnAgreements() {
        Api admin = as("admin");
        String otherState = TestAgreements.party(admin, "GT");
        String foreign = TestAgreements.create(admin, otherState, 10, List.of(TestAgreements.rule("FINAL_CONVICTION_REQUIRED")));
        Map<String, String> row = line(ReferralBodies.unique("G"), ReferralBodies.unique("V"));
        row.put("agreementCode", foreign);
        Api.Response response = as("us-agency").send("POST", "/api/v1/referrals/import",
                new ReferralCsv().row(row).row(line(ReferralBodies.unique("G"), ReferralBodies.unique("V"))).toString(), CSV);
        assertThat(response.json().get("stored").asInt()).isEqualTo(1);
        assertThat(errors(response.json().get("results").get(0))).containsExactly("agreementCode:AGREEMENT_NOT_FOUND@2");
    }

    @Test
    void aReferralThatCannotBeWrittenTakesNothingWithItAndLeavesTheOthersStored() {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION test_refuse_referral() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.external_reference LIKE 'REFUSE-%' THEN RAISE EXCEPTION 'refused by the test'; END IF;
                  RETURN NEW;
                END $$""").update();
        jdbc.sql("CREATE TRIGGER test_refuse_referral BEFORE INSERT ON referral FOR EACH ROW "
                + "EXECUTE FUNCTION test_refuse_referral()").update();
        try {
            Map<String, Object> before = ReferralBodies.eligible(today, agreement);
            Map<String, Object> refused = ReferralBodies.eligible(today, agreement, ReferralBodies.unique("REFUSE"), "VE");
            Map<String, Object> after = ReferralBodies.eligible(today, agreement);
            Api.Response response = as("us-agency").post("/api/v1/referrals/import", List.of(before, refused, after));
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            assertThat(response.json().get("stored").asInt()).isEqualTo(2);
            assertThat(errors(response.json().get("results").get(1))).containsExactly("externalReference:NOT_STORED");
            assertThat(count("SELECT count(*) FROM referral WHERE external_reference IN (?, ?)",
                    before.get("externalReference"), after.get("externalReference"))).isEqualTo(2);
            assertThat(count("SELECT count(*) FROM referral WHERE external_reference = ?", refused.get("externalReference")))
                    .isZero();
            assertThat(count("SELECT count(*) FROM ledger_entry WHERE action = 'REFERRAL_SUBMITTED' AND payload LIKE ?",
                    "%" + refused.get("externalReference") + "%")).isZero();
            assertThat(as("oversight").get("/api/v1/ledger/verification").json().get("valid").asBoolean()).isTrue();
        } finally {
            jdbc.sql("DROP TRIGGER test_refuse_referral ON referral").update();
            jdbc.sql("DROP FUNCTION test_refuse_referral()").update();
        }
    }

    @Test
    void aCsvReferralWithoutAnyConvictionOrCommitmentOrderIsStoredIneligibleWithItsFindings() {
        String reference = ReferralBodies.unique("CSV");
        Map<String, String> row = line(reference, ReferralBodies.unique("P"));
        for (String column : List.of("court", "convictionCountry", "caseNumber", "offences", "convictionDate",
                "judgmentFinal", "finalSince", "sentenceYears", "sentenceMonths", "sentenceDays", "lifeSentence",
                "relation", "sentenceStartDate", "jailCreditDays", "commitmentOrderReference", "commitmentOrderAuthority",
                "commitmentOrderIssuedOn", "consent")) {
            row.remove(column);
        }
        String csv = new ReferralCsv().row(row).toString();

        Api.Response response = as("us-agency").send("POST", "/api/v1/referrals/import", csv, CSV);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode result = response.json().get("results").get(0);
        assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("INELIGIBLE");
        JsonNode finding = result.get("eligibility").get("findings").get(0);
        assertThat(finding.get("rule").asString()).isEqualTo("FINAL_CONVICTION_REQUIRED");
        assertThat(finding.get("outcome").asString()).isEqualTo("FAIL");
        assertThat(finding.get("message").asString()).isEqualTo(
                "No conviction was submitted: there is no judgment to transfer the person under");
        assertThat(count("SELECT count(*) FROM referral WHERE external_reference = ? AND status = 'INELIGIBLE'",
                reference)).isEqualTo(1);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    static List<String> errors(JsonNode result) {
        List<String> errors = new ArrayList<>();
        if (result.get("errors") != null) {
            result.get("errors").forEach(e -> errors.add(e.get("field").asString() + ":" + e.get("code").asString()
                    + (e.get("row") == null ? "" : "@" + e.get("row").asInt())));
        }
        return errors;
    }
}
