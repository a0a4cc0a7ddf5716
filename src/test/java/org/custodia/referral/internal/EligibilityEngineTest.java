package org.custodia.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.AgreementStatus;
import org.custodia.agreement.EligibilityRule;
import org.custodia.agreement.Party;
import org.custodia.referral.CommitmentOrder;
import org.custodia.referral.Consent;
import org.custodia.referral.Conviction;
import org.custodia.referral.Dossier;
import org.custodia.referral.Eligibility;
import org.custodia.referral.Finding;
import org.custodia.referral.Finding.Outcome;
import org.custodia.referral.GangAffiliation;
import org.custodia.referral.Medical;
import org.custodia.referral.Person;
import org.custodia.referral.ReferralStatus;
import org.custodia.referral.SecurityLevel;
import org.custodia.agreement.RuleParameters;
import org.custodia.agreement.RuleType;
import org.custodia.common.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule check, its PASS, FAIL (and WARN) and its edges, one table row per case and every rule type in the
 * table; then the engine (order, the rules every agreement applies, the day it evaluates as of) and the rendering of
 * stored findings in both languages. No Spring, no database: the messages come from the real bundles. Release dates
 * come from {@link TermArithmeticEstimator}; good conduct time and consecutive terms are the sentence module's,
 * tested through the adapter in {@link SentenceCalculatorEstimatorTest}.
 */
class EligibilityEngineTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final String FSA = "US_FEDERAL_FSA";
    static final String NO_CREDITS = "NO_CREDITS";
    static final UUID SELF = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private final EligibilityEngine engine = EligibilityEngine.standard(new TermArithmeticEstimator());
    static final FindingMessages MESSAGES = new FindingMessages(bundles());

    static MessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    static String en(Finding f) {
        return MESSAGES.render(f, Locale.ENGLISH);
    }

    static String es(Finding f) {
        return MESSAGES.render(f, Locale.forLanguageTag("es"));
    }

    Eligibility evaluate(Dossier dossier, Agreement agreement, LocalDate on, IdentityRegistry registry, UUID self) {
        return engine.evaluate(new EvaluationContext(dossier, agreement, on, registry, self));
    }

    /** One row: a policy of one rule, a dossier, what is already referred, the regime, and the outcome expected. */
    record Case(String name, EligibilityRule rule, Dossier dossier, IdentityRegistry registry, String regime,
                Outcome expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void eachRuleGivesItsOutcome(Case c) {
        Agreement agreement = agreement(c.regime(), c.rule());
        Eligibility eligibility = evaluate(c.dossier(), agreement, TODAY, c.registry(), SELF);

        Finding finding = eligibility.findings().stream().filter(f -> f.rule().equals(c.rule().rule())).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for " + c.rule().rule()));
        assertThat(finding.outcome()).as(c.name() + ": " + en(finding)).isEqualTo(c.expected());
        assertThat(eligibility.eligible()).as("eligible exactly when nothing fails")
                .isEqualTo(c.expected() != Outcome.FAIL);
        assertThat(finding.messageCode()).startsWith("eligibility." + c.rule().rule() + ".");
        assertThat(en(finding)).as("a message of the bundle, its arguments filled in").isNotBlank()
                .doesNotContain("eligibility.", "{0", "{1");
        assertThat(es(finding)).isNotBlank().doesNotContain("eligibility.", "{0").isNotEqualTo(en(finding));
        assertThat(eligibility.evaluatedOn()).isEqualTo(TODAY);
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        EligibilityRule finalRule = rule("FINAL_CONVICTION_REQUIRED", Map.of());
        EligibilityRule orderRule = rule("COMMITMENT_ORDER_REQUIRED", Map.of());
        EligibilityRule days180 = rule("MIN_REMAINING_SENTENCE_DAYS", Map.of("days", 180));
        EligibilityRule adults = rule("ADULTS_ONLY", Map.of("minimumAge", 18));
        EligibilityRule male = rule("SEX_OF_FACILITY", Map.of("sex", "MALE"));
        EligibilityRule female = rule("SEX_OF_FACILITY", Map.of("sex", "FEMALE"));
        EligibilityRule allowed = rule("NATIONALITY_ALLOWED", Map.of("nationalities", List.of("VE", "CO")));
        EligibilityRule excluded = rule("NATIONALITY_EXCLUDED", Map.of("nationalities", List.of("US")));
        EligibilityRule consent = rule("CONSENT_REQUIRED", Map.of());
        EligibilityRule fit = rule("FIT_TO_TRAVEL", Map.of());
        EligibilityRule offences = rule("EXCLUDED_OFFENCES", Map.of("offenceCodes", List.of("18 USC 1591", "8 USC 13")));
        EligibilityRule duplicate = rule("DUPLICATE_PERSON", Map.of());
        IdentityRegistry none = IdentityRegistry.empty();

        // FINAL_CONVICTION_REQUIRED
        cases.add(new Case("final for a year", finalRule, dossier(d -> d), none, FSA, Outcome.PASS));
        cases.add(new Case("no conviction submitted at all", finalRule, dossier(d -> d.convictions()), none, FSA,
                Outcome.FAIL));
        cases.add(new Case("final since today", finalRule,
                dossier(d -> d.convictions(conviction(true, TODAY, 10, TODAY.minusYears(2)))), none, FSA, Outcome.PASS));
        cases.add(new Case("judgment final only the day after submission", finalRule,
                dossier(d -> d.convictions(conviction(true, TODAY.plusDays(1), 10, TODAY.minusYears(2)))), none, FSA,
                Outcome.FAIL));
        cases.add(new Case("judgment not final", finalRule,
                dossier(d -> d.convictions(conviction(false, null, 10, TODAY.minusYears(2)))), none, FSA, Outcome.FAIL));
        cases.add(new Case("declared final without a date", finalRule,
                dossier(d -> d.convictions(conviction(true, null, 10, TODAY.minusYears(2)))), none, FSA, Outcome.FAIL));
        cases.add(new Case("two convictions, only one final: a warning", finalRule,
                dossier(d -> d.convictions(conviction(true, TODAY.minusYears(1), 10, TODAY.minusYears(2)),
                        conviction(false, null, 5, TODAY.minusYears(1)))), none, FSA, Outcome.WARN));
        cases.add(new Case("two convictions, neither final", finalRule,
                dossier(d -> d.convictions(conviction(false, null, 10, TODAY.minusYears(2)),
                        conviction(true, TODAY.plusDays(30), 5, TODAY.minusYears(1)))), none, FSA, Outcome.FAIL));

        // COMMITMENT_ORDER_REQUIRED
        cases.add(new Case("commitment order complete", orderRule, dossier(d -> d), none, FSA, Outcome.PASS));
        cases.add(new Case("commitment order issued today", orderRule,
                dossier(d -> d.order(new CommitmentOrder("CO-1", "Court", TODAY))), none, FSA, Outcome.PASS));
        cases.add(new Case("commitment order dated tomorrow", orderRule,
                dossier(d -> d.order(new CommitmentOrder("CO-1", "Court", TODAY.plusDays(1)))), none, FSA, Outcome.FAIL));
        cases.add(new Case("no commitment order", orderRule, dossier(d -> d.order(null)), none, FSA, Outcome.FAIL));
        cases.add(new Case("commitment order without reference or date", orderRule,
                dossier(d -> d.order(new CommitmentOrder(null, "Court", null))), none, FSA, Outcome.FAIL));
        cases.add(new Case("commitment order without authority", orderRule,
                dossier(d -> d.order(new CommitmentOrder("CO-1", null, TODAY.minusDays(3)))), none, FSA, Outcome.FAIL));

        // MIN_REMAINING_SENTENCE_DAYS (the stand-in estimator: release = full term date, so the day counts are exact)
        cases.add(new Case("exactly 180 days left", days180,
                dossier(d -> d.convictions(releasingIn(180))), none, NO_CREDITS, Outcome.PASS));
        cases.add(new Case("179 days left", days180,
                dossier(d -> d.convictions(releasingIn(179))), none, NO_CREDITS, Outcome.FAIL));
        cases.add(new Case("181 days left", days180,
                dossier(d -> d.convictions(releasingIn(181))), none, NO_CREDITS, Outcome.PASS));
        cases.add(new Case("life sentence: indeterminate", days180,
                dossier(d -> d.convictions(life(true))), none, FSA, Outcome.PASS));
        cases.add(new Case("life sentence not final does not count", days180,
                dossier(d -> d.convictions(life(false), releasingIn(30))), none, NO_CREDITS, Outcome.FAIL));
        cases.add(new Case("no final conviction: nothing to serve", days180,
                dossier(d -> d.convictions(conviction(false, null, 10, TODAY.minusYears(2)))), none, FSA, Outcome.FAIL));
        cases.add(new Case("only the final conviction counts, not the longer pending one", days180,
                dossier(d -> d.convictions(releasingIn(100), conviction(false, null, 20, TODAY.minusYears(1)))), none,
                NO_CREDITS, Outcome.FAIL));
        cases.add(new Case("ten years from two years ago", days180, dossier(d -> d), none, FSA,
                Outcome.PASS));

        // ADULTS_ONLY
        cases.add(new Case("18th birthday on the evaluation day", adults,
                dossier(d -> d.born(TODAY.minusYears(18))), none, FSA, Outcome.PASS));
        cases.add(new Case("18th birthday tomorrow", adults,
                dossier(d -> d.born(TODAY.minusYears(18).plusDays(1))), none, FSA, Outcome.FAIL));
        cases.add(new Case("aged 35", adults, dossier(d -> d.born(TODAY.minusYears(35))), none, FSA, Outcome.PASS));
        cases.add(new Case("minimum age 21, aged 20", rule("ADULTS_ONLY", Map.of("minimumAge", 21)),
                dossier(d -> d.born(TODAY.minusYears(20))), none, FSA, Outcome.FAIL));
        cases.add(new Case("no minimumAge parameter means 18: aged 17", rule("ADULTS_ONLY", Map.of()),
                dossier(d -> d.born(TODAY.minusYears(17))), none, FSA, Outcome.FAIL));

        // SEX_OF_FACILITY
        cases.add(new Case("a man in a men's facility", male, dossier(d -> d), none, FSA, Outcome.PASS));
        cases.add(new Case("a woman in a men's facility", male, dossier(d -> d.sex(Person.Sex.FEMALE)), none, FSA,
                Outcome.FAIL));
        cases.add(new Case("a woman in a women's facility", female, dossier(d -> d.sex(Person.Sex.FEMALE)), none, FSA,
                Outcome.PASS));
        cases.add(new Case("a man in a women's facility", female, dossier(d -> d), none, FSA, Outcome.FAIL));
        cases.add(new Case("a woman in a mixed facility", rule("SEX_OF_FACILITY", Map.of("sex", "MIXED")),
                dossier(d -> d.sex(Person.Sex.FEMALE)), none, FSA, Outcome.PASS));

        // NATIONALITY_ALLOWED / NATIONALITY_EXCLUDED
        cases.add(new Case("nationality allowed", allowed, dossier(d -> d.nationalities("VE")), none, FSA, Outcome.PASS));
        cases.add(new Case("nationality not allowed", allowed, dossier(d -> d.nationalities("SV")), none, FSA,
                Outcome.FAIL));
        cases.add(new Case("dual national, one nationality allowed", allowed, dossier(d -> d.nationalities("SV", "CO")),
                none, FSA, Outcome.PASS));
        cases.add(new Case("nationality excluded", excluded, dossier(d -> d.nationalities("US")), none, FSA, Outcome.FAIL));
        cases.add(new Case("dual national, one nationality excluded", excluded, dossier(d -> d.nationalities("VE", "US")),
                none, FSA, Outcome.FAIL));
        cases.add(new Case("nationality not excluded", excluded, dossier(d -> d.nationalities("VE")), none, FSA,
                Outcome.PASS));

        // CONSENT_REQUIRED
        cases.add(new Case("consent given", consent, dossier(d -> d.consent(Consent.GIVEN)), none, FSA, Outcome.PASS));
        cases.add(new Case("consent refused", consent, dossier(d -> d.consent(Consent.REFUSED)), none, FSA, Outcome.FAIL));
        cases.add(new Case("consent not asked", consent, dossier(d -> d.consent(Consent.NOT_ASKED)), none, FSA,
                Outcome.FAIL));
        cases.add(new Case("consent not stated", consent, dossier(d -> d.consent(null)), none, FSA, Outcome.FAIL));

        // FIT_TO_TRAVEL
        cases.add(new Case("fit to travel", fit, dossier(d -> d), none, FSA, Outcome.PASS));
        cases.add(new Case("not fit to travel", fit, dossier(d -> d.medical(new Medical(false, List.of("TB"), List.of()))),
                none, FSA, Outcome.FAIL));
        cases.add(new Case("no medical assessment", fit, dossier(d -> d.medical(null)), none, FSA, Outcome.FAIL));

        // EXCLUDED_OFFENCES (prefix match)
        cases.add(new Case("excluded offence by prefix", offences,
                dossier(d -> d.convictions(withOffence(conviction(true, TODAY.minusYears(1), 10, TODAY.minusYears(2)),
                        "18 USC 1591(a)(1)"))), none, FSA, Outcome.FAIL));
        cases.add(new Case("excluded prefix matches whatever the case and spacing", offences,
                dossier(d -> d.convictions(withOffence(conviction(true, TODAY.minusYears(1), 10, TODAY.minusYears(2)),
                        "8  usc 1326"))), none, FSA, Outcome.FAIL));
        cases.add(new Case("no excluded offence", offences, dossier(d -> d), none, FSA, Outcome.PASS));
        cases.add(new Case("excluded offence in the second conviction", offences,
                dossier(d -> d.convictions(conviction(true, TODAY.minusYears(1), 10, TODAY.minusYears(2)),
                        withOffence(conviction(true, TODAY.minusYears(1), 3, TODAY.minusYears(2)), "18 USC 1591"))),
                none, FSA, Outcome.FAIL));
        cases.add(new Case("a longer code is no prefix of a shorter one", offences,
                dossier(d -> d.convictions(withOffence(conviction(true, TODAY.minusYears(1), 10, TODAY.minusYears(2)),
                        "18 USC 159"))), none, FSA, Outcome.PASS));

        // DUPLICATE_PERSON
        cases.add(new Case("same passport already submitted", duplicate, dossier(d -> d),
                registry(IdentityKeys.document(new Person.IdentityDocument("PASSPORT", "V12345678", "VE")),
                        ReferralStatus.SUBMITTED), FSA, Outcome.FAIL));
        cases.add(new Case("same passport written differently, already admitted", duplicate,
                dossier(d -> d.documents(new Person.IdentityDocument("passport", "v-1234 5678", "ve"))),
                registry(IdentityKeys.document(new Person.IdentityDocument("PASSPORT", "V12345678", "VE")),
                        ReferralStatus.ADMITTED), FSA, Outcome.FAIL));
        cases.add(new Case("same biometric reference, in transit", duplicate, dossier(d -> d.documents()),
                registry(IdentityKeys.biometric("FBI-123456789"), ReferralStatus.IN_TRANSIT), FSA, Outcome.FAIL));
        cases.add(new Case("same passport on a withdrawn referral", duplicate, dossier(d -> d),
                registry(IdentityKeys.document(new Person.IdentityDocument("PASSPORT", "V12345678", "VE")),
                        ReferralStatus.WITHDRAWN), FSA, Outcome.PASS));
        cases.add(new Case("same number from another issuing country", duplicate, dossier(d -> d),
                registry(IdentityKeys.document(new Person.IdentityDocument("PASSPORT", "V12345678", "CO")),
                        ReferralStatus.ACCEPTED), FSA, Outcome.PASS));
        cases.add(new Case("the referral itself is no duplicate", duplicate, dossier(d -> d),
                IdentityRegistry.of(List.of(new IdentityRegistry.Holder(SELF, "DHS-1", "T-1", ReferralStatus.SUBMITTED,
                        IdentityKeys.biometric("FBI-123456789")))), FSA, Outcome.PASS));
        cases.add(new Case("nothing to compare: a warning", duplicate, dossier(d -> d.documents().biometric(null)),
                none, FSA, Outcome.WARN));

        // GANG_AFFILIATION_EVIDENCE (advisory: never a FAIL)
        EligibilityRule gang = rule("GANG_AFFILIATION_EVIDENCE", Map.of());
        cases.add(new Case("affiliation verified by its source", gang, dossier(d -> d.affiliation(new GangAffiliation(
                GangAffiliation.Group.MS13, null, "conviction 18 USC 1962", true))), none, FSA, Outcome.PASS));
        cases.add(new Case("affiliation from an unverified source", gang, dossier(d -> d.affiliation(new GangAffiliation(
                GangAffiliation.Group.TREN_DE_ARAGUA, null, "tattoo assessment", null))), none, FSA, Outcome.WARN));
        cases.add(new Case("affiliation to another group without a source", gang, dossier(d -> d.affiliation(
                new GangAffiliation(GangAffiliation.Group.OTHER, "Los Zetas", null, false))), none, FSA, Outcome.WARN));
        return cases.stream();
    }

    @Test
    void theTableCoversEveryRuleTypeAndTheEngineHasOneCheckForEach() {
        assertThat(cases().map(c -> c.rule().rule()).distinct().sorted())
                .containsExactlyElementsOf(Stream.of(RuleType.values()).map(RuleType::name).sorted().toList());
        List<EligibilityRuleCheck<?>> lacking = List.of(new FinalConvictionCheck(), new ConsentCheck());
        assertThatThrownBy(() -> new EligibilityEngine(lacking)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DUPLICATE_PERSON");
        assertThatThrownBy(() -> new EligibilityEngine(List.of(new ConsentCheck(), new ConsentCheck())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Two checks");
    }

    @Test
    void parametersAreTypedWithTheirDefaultsNextToTheRuleType() {
        assertThat(RuleType.ADULTS_ONLY.defaults()).isEqualTo(new RuleParameters.MinimumAge(18));
        assertThat(RuleType.MIN_REMAINING_SENTENCE_DAYS.parameters(Map.of("days", 365)))
                .isEqualTo(new RuleParameters.MinimumRemainingSentence(365));
        assertThat(RuleType.MIN_REMAINING_SENTENCE_DAYS.defaults())
                .isEqualTo(new RuleParameters.MinimumRemainingSentence(180));
        assertThat(rule("NATIONALITY_ALLOWED", Map.of("nationalities", List.of("ve", " co"))).typedParameters())
                .isEqualTo(new RuleParameters.Nationalities(List.of("VE", "CO")));
        assertThat(RuleType.DUPLICATE_PERSON.appliesToEveryAgreement()).isTrue();
        assertThat(RuleType.FIT_TO_TRAVEL.appliesToEveryAgreement()).isFalse();
    }

    @Test
    void noConvictionAtAllIsAFailWhoseEvidenceSaysNoneWasSubmitted() {
        Agreement agreement = agreement(FSA, rule("FINAL_CONVICTION_REQUIRED", Map.of()),
                rule("MIN_REMAINING_SENTENCE_DAYS", Map.of("days", 180)));
        Eligibility e = evaluate(dossier(d -> d.convictions()), agreement, TODAY, IdentityRegistry.empty(), null);
        assertThat(e.eligible()).isFalse();
        Finding finding = e.findings().get(0);
        assertThat(finding.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(finding.evidence()).containsEntry("convictionsSubmitted", 0)
                .containsEntry("reason", "NO_CONVICTION_SUBMITTED");
        assertThat(en(finding)).isEqualTo("No conviction was submitted: there is no judgment to transfer the person under");
        assertThat(es(finding)).startsWith("No se presentó ninguna condena");
        assertThat(e.findings().get(1).outcome()).as("nothing to serve either").isEqualTo(Outcome.FAIL);
    }

    @Test
    void everyRuleOfThePolicyIsEvaluatedInOrderThenTheRulesOfEveryAgreement() {
        Agreement demo = agreement(FSA, rule("FINAL_CONVICTION_REQUIRED", Map.of()), rule("COMMITMENT_ORDER_REQUIRED", Map.of()),
                rule("MIN_REMAINING_SENTENCE_DAYS", Map.of("days", 180)), rule("ADULTS_ONLY", Map.of("minimumAge", 18)),
                rule("SEX_OF_FACILITY", Map.of("sex", "MALE")));
        Eligibility ok = evaluate(dossier(d -> d), demo, TODAY, IdentityRegistry.empty(), null);
        assertThat(ok.eligible()).isTrue();
        assertThat(ok.findings()).extracting(Finding::rule).containsExactly("FINAL_CONVICTION_REQUIRED",
                "COMMITMENT_ORDER_REQUIRED", "MIN_REMAINING_SENTENCE_DAYS", "ADULTS_ONLY", "SEX_OF_FACILITY",
                "DUPLICATE_PERSON");

        Eligibility notFinal = evaluate(dossier(d -> d.convictions(conviction(false, null, 10, TODAY.minusYears(2)))
                .born(TODAY.minusYears(17))), demo, TODAY, IdentityRegistry.empty(), null);
        assertThat(notFinal.eligible()).isFalse();
        assertThat(notFinal.findings()).extracting(f -> f.rule() + ":" + f.outcome()).containsExactly(
                "FINAL_CONVICTION_REQUIRED:FAIL", "COMMITMENT_ORDER_REQUIRED:PASS", "MIN_REMAINING_SENTENCE_DAYS:FAIL",
                "ADULTS_ONLY:FAIL", "SEX_OF_FACILITY:PASS", "DUPLICATE_PERSON:PASS");
    }

    @Test
    void duplicatePersonAppliesToAnAgreementWhosePolicyDoesNotListIt() {
        Agreement agreement = agreement(FSA, rule("FINAL_CONVICTION_REQUIRED", Map.of()));
        IdentityRegistry registry = registry(IdentityKeys.document(new Person.IdentityDocument("PASSPORT", "V12345678", "VE")),
                ReferralStatus.SUBMITTED);
        Eligibility e = evaluate(dossier(d -> d), agreement, TODAY, registry, null);
        assertThat(e.findings()).extracting(f -> f.rule() + ":" + f.outcome())
                .containsExactly("FINAL_CONVICTION_REQUIRED:PASS", "DUPLICATE_PERSON:FAIL");
        assertThat(e.eligible()).isFalse();
    }

    @Test
    void theEvaluationJudgesTheDossierAsOfTheDayGiven() {
        Agreement agreement = agreement(FSA, rule("FINAL_CONVICTION_REQUIRED", Map.of()), rule("ADULTS_ONLY", Map.of()));
        LocalDate finalSince = TODAY.minusMonths(3);
        Dossier dossier = dossier(d -> d.convictions(conviction(true, finalSince, 10, TODAY.minusYears(1)))
                .born(TODAY.minusYears(18).minusMonths(1)));
        assertThat(evaluate(dossier, agreement, TODAY, IdentityRegistry.empty(), null).eligible()).isTrue();
        Eligibility then = evaluate(dossier, agreement, TODAY.minusMonths(4), IdentityRegistry.empty(), null);
        assertThat(then.evaluatedOn()).isEqualTo(TODAY.minusMonths(4));
        assertThat(then.findings()).extracting(f -> f.rule() + ":" + f.outcome())
                .containsExactly("FINAL_CONVICTION_REQUIRED:FAIL", "ADULTS_ONLY:FAIL", "DUPLICATE_PERSON:PASS");
        assertThat(en(then.findings().get(0))).contains(TODAY.minusMonths(4).toString(), finalSince.toString());
    }

    @Test
    void anAffiliationIsJudgedForEveryAgreementAndNoneClaimedGivesNoFinding() {
        Agreement agreement = agreement(FSA, rule("FINAL_CONVICTION_REQUIRED", Map.of()));
        Eligibility unverified = evaluate(dossier(d -> d.affiliation(new GangAffiliation(
                GangAffiliation.Group.TREN_DE_ARAGUA, null, "tattoo assessment", null))), agreement, TODAY,
                IdentityRegistry.empty(), null);
        assertThat(unverified.findings()).extracting(f -> f.rule() + ":" + f.outcome())
                .contains("GANG_AFFILIATION_EVIDENCE:WARN");
        assertThat(unverified.eligible()).isTrue();
        assertThat(en(unverified.findings().get(2))).contains("Tren de Aragua", "tattoo assessment");
        Eligibility noGang = evaluate(dossier(d -> d.affiliation(new GangAffiliation(GangAffiliation.Group.NONE,
                null, null, null))), agreement, TODAY, IdentityRegistry.empty(), null);
        assertThat(noGang.findings()).extracting(Finding::rule).containsExactly("FINAL_CONVICTION_REQUIRED",
                "DUPLICATE_PERSON");
    }

    @Test
    void aDuplicateNamesTheOtherReferralInItsEvidenceAndMessageInEitherLanguage() {
        Agreement agreement = agreement(FSA, rule("DUPLICATE_PERSON", Map.of()));
        UUID other = UUID.randomUUID();
        IdentityRegistry registry = IdentityRegistry.of(List.of(new IdentityRegistry.Holder(other, "DHS-9", "US-SV-2025",
                ReferralStatus.ACCEPTED, IdentityKeys.biometric("FBI-123456789"))));
        Finding finding = evaluate(dossier(d -> d), agreement, TODAY, registry, null).findings().get(0);
        assertThat(finding.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(en(finding)).isEqualTo("Already referred or in custody: DHS-9 [ACCEPTED] by biometric FBI123456789");
        assertThat(es(finding)).isEqualTo("Ya remitido o en custodia: DHS-9 [ACCEPTED] por biometric FBI123456789");
        assertThat(finding.evidence().get("matches").toString()).contains(other.toString(), "DHS-9");
    }

    @Test
    void aFindingStoredAsTextByAnEarlierVersionStillReadsInBothLanguages() {
        String old = """
                {"rule":"FINAL_CONVICTION_REQUIRED","outcome":"FAIL","messageEn":"No conviction is final on 2026-01-02",
                 "messageEs":"Ninguna condena es firme al 2026-01-02","evidence":{"evaluatedOn":"2026-01-02"}}""";
        Finding finding = JsonMapper.builder().build().readValue(old, Finding.class);
        assertThat(finding.messageCode()).isNull();
        assertThat(finding.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(en(finding)).isEqualTo("No conviction is final on 2026-01-02");
        assertThat(es(finding)).isEqualTo("Ninguna condena es firme al 2026-01-02");
        assertThat(MESSAGES.render(finding, Locale.FRENCH)).as("another language: English").isEqualTo(en(finding));
        assertThat(finding.evidence()).containsEntry("evaluatedOn", "2026-01-02");

        Finding current = evaluate(dossier(d -> d), agreement(FSA, rule("FINAL_CONVICTION_REQUIRED", Map.of())), TODAY,
                IdentityRegistry.empty(), null).findings().get(0);
        Finding again = JsonMapper.builder().build().readValue(CanonicalJson.write(current), Finding.class);
        assertThat(again).as("a stored finding reads back as it was").isEqualTo(current);
        assertThat(en(again)).isEqualTo(en(current)).startsWith("1 conviction is final: CASE-10-");
    }

    // --- the table's vocabulary ---

    static EligibilityRule rule(String name, Map<String, Object> parameters) {
        return new EligibilityRule(name, parameters);
    }

    static Agreement agreement(String regime, EligibilityRule... rules) {
        return new Agreement(UUID.randomUUID(), "T-1", "Test", AgreementStatus.ACTIVE, new Party("US", "US", "US"),
                new Party("SV", "SV", "SV"), LocalDate.of(2025, 1, 1), null, 50, regime, 54, "CECOT",
                new Agreement.EligibilityPolicy(List.of(rules)), List.of(), 1);
    }

    static IdentityRegistry registry(String key, ReferralStatus status) {
        return IdentityRegistry.of(List.of(new IdentityRegistry.Holder(UUID.randomUUID(), "DHS-OTHER", "US-SV-2025",
                status, key)));
    }

    static Conviction conviction(boolean isFinal, LocalDate finalSince, int years, LocalDate start) {
        return new Conviction("U.S. District Court", "US", "CASE-" + years + "-" + start, List.of(
                new Conviction.Offence("21 USC 841", "Possession with intent to distribute")), start.minusDays(1), isFinal,
                finalSince, new Conviction.Sentence(years, 0, 0, false), Conviction.Relation.CONCURRENT, start, 0);
    }

    static Conviction life(boolean isFinal) {
        return new Conviction("U.S. District Court", "US", "LIFE-1", List.of(new Conviction.Offence("18 USC 1111", "Murder")),
                TODAY.minusYears(3), isFinal, isFinal ? TODAY.minusYears(2) : null, new Conviction.Sentence(0, 0, 0, true),
                Conviction.Relation.CONCURRENT, TODAY.minusYears(3), 0);
    }

    /** A final one-year term that started today, with the jail credit that brings its full term date to today + days. */
    static Conviction releasingIn(int days) {
        LocalDate endOfTerm = TODAY.plusYears(1).minusDays(1);
        int credit = (int) ChronoUnit.DAYS.between(TODAY.plusDays(days), endOfTerm);
        return new Conviction("U.S. District Court", "US", "SHORT-" + days, List.of(new Conviction.Offence("8 USC 1326",
                "Reentry")), TODAY.minusMonths(2), true, TODAY.minusMonths(1), new Conviction.Sentence(1, 0, 0, false),
                Conviction.Relation.CONCURRENT, TODAY, credit);
    }

    static Conviction withRelation(Conviction c, Conviction.Relation relation) {
        return new Conviction(c.court(), c.country(), c.caseNumber() + "-B", c.offences(), c.convictionDate(),
                c.judgmentFinal(), c.finalSince(), c.sentence(), relation, c.sentenceStartDate(), c.jailCreditDays());
    }

    static Conviction withOffence(Conviction c, String code) {
        return new Conviction(c.court(), c.country(), c.caseNumber(), List.of(new Conviction.Offence(code, "offence")),
                c.convictionDate(), c.judgmentFinal(), c.finalSince(), c.sentence(), c.relation(), c.sentenceStartDate(),
                c.jailCreditDays());
    }

    static Dossier dossier(UnaryOperator<DossierBuilder> change) {
        return change.apply(new DossierBuilder()).build();
    }

    /** An eligible dossier under the demo policy, changed one thing at a time. */
    static final class DossierBuilder {
        LocalDate born = TODAY.minusYears(35);
        Person.Sex sex = Person.Sex.MALE;
        List<String> nationalities = List.of("VE");
        List<Person.IdentityDocument> documents = List.of(new Person.IdentityDocument("PASSPORT", "V12345678", "VE"));
        String biometric = "FBI-123456789";
        List<Conviction> convictions = List.of(conviction(true, TODAY.minusYears(1), 10, TODAY.minusYears(2)));
        CommitmentOrder order = new CommitmentOrder("CO-2025-0042", "U.S. District Court, S.D. Tex.", TODAY.minusMonths(2));
        GangAffiliation affiliation = null;
        Medical medical = new Medical(true, List.of(), List.of());
        Consent consent = Consent.NOT_ASKED;

        DossierBuilder born(LocalDate value) {
            born = value;
            return this;
        }

        DossierBuilder sex(Person.Sex value) {
            sex = value;
            return this;
        }

        DossierBuilder nationalities(String... values) {
            nationalities = List.of(values);
            return this;
        }

        DossierBuilder documents(Person.IdentityDocument... values) {
            documents = List.of(values);
            return this;
        }

        DossierBuilder biometric(String value) {
            biometric = value;
            return this;
        }

        DossierBuilder convictions(Conviction... values) {
            convictions = List.of(values);
            return this;
        }

        DossierBuilder order(CommitmentOrder value) {
            order = value;
            return this;
        }

        DossierBuilder affiliation(GangAffiliation value) {
            affiliation = value;
            return this;
        }

        DossierBuilder medical(Medical value) {
            medical = value;
            return this;
        }

        DossierBuilder consent(Consent value) {
            consent = value;
            return this;
        }

        Dossier build() {
            Person person = new Person("José Luis", "Martínez Pérez", List.of(), born, sex, nationalities, documents, biometric);
            return new Dossier("T-1", "DHS-1", person, convictions, order, "article 3", affiliation, SecurityLevel.MAXIMUM,
                    medical, List.of(), consent, true);
        }
    }
}
