package org.custodia.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.referral.internal.EligibilityEngineTest.agreement;
import static org.custodia.referral.internal.EligibilityEngineTest.conviction;
import static org.custodia.referral.internal.EligibilityEngineTest.dossier;
import static org.custodia.referral.internal.EligibilityEngineTest.rule;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custodia.referral.Conviction;
import org.custodia.referral.Finding;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** MIN_REMAINING_SENTENCE_DAYS with the sentence module's calculator behind the adapter, as the application wires it. */
class SentenceCalculatorEstimatorTest extends IntegrationTest {

    static final LocalDate TODAY = EligibilityEngineTest.TODAY;

    @Autowired
    ReleaseDateEstimator estimator;

    @Test
    void theApplicationUsesTheSentenceModule() {
        assertThat(estimator).isInstanceOf(SentenceCalculatorEstimator.class);
    }

    @Test
    void tenYearsFrom2025UnderTheFirstStepActIsReleasedOffTheWeekend() {
        Conviction c = conviction(true, LocalDate.of(2025, 3, 1), 10, LocalDate.of(2025, 1, 1));
        ReleaseDateEstimator.Estimate estimate = estimator.estimate(List.of(c), "US_FEDERAL_FSA", 54);
        // full term 2034-12-31, GCT 540, projected 2033-07-09, a Saturday: the Friday before
        assertThat(estimate.releaseDate()).isEqualTo(LocalDate.of(2033, 7, 8));
        assertThat(estimator.estimate(List.of(c), "NO_CREDITS", 54).releaseDate()).isEqualTo(LocalDate.of(2034, 12, 31));
    }

    @Test
    void goodConductTimeCanBringTheReleaseUnderTheMinimum() {
        // two years that started a year and 100 days ago: about 264 days left in full, about 156 with 108 days of GCT
        var dossier = dossier(d -> d.convictions(conviction(true, TODAY.minusYears(1), 2, TODAY.minusYears(1).minusDays(100))));
        EligibilityEngine engine = EligibilityEngine.standard(estimator);
        var rule = rule("MIN_REMAINING_SENTENCE_DAYS", Map.of("days", 180));
        Finding fsa = engine.evaluate(new EvaluationContext(dossier, agreement("US_FEDERAL_FSA", rule), TODAY, null, null))
                .findings().get(0);
        Finding noCredits = engine.evaluate(new EvaluationContext(dossier, agreement("NO_CREDITS", rule), TODAY, null, null))
                .findings().get(0);
        assertThat(fsa.outcome()).as(EligibilityEngineTest.en(fsa)).isEqualTo(Finding.Outcome.FAIL);
        assertThat(noCredits.outcome()).as(EligibilityEngineTest.en(noCredits)).isEqualTo(Finding.Outcome.PASS);
        assertThat(fsa.evidence()).containsKeys("releaseDate", "remainingDays", "basis");
    }

    @Test
    void consecutiveSentencesAddUpAndConcurrentOnesDoNot() {
        Conviction first = conviction(true, TODAY.minusMonths(6), 1, TODAY.minusMonths(11));
        Conviction second = new Conviction("court", "US", "SECOND", first.offences(), first.convictionDate(), true,
                first.finalSince(), first.sentence(), Conviction.Relation.CONSECUTIVE, TODAY.minusMonths(11), 0);
        LocalDate concurrent = estimator.estimate(List.of(first, EligibilityEngineTest.withRelation(first,
                Conviction.Relation.CONCURRENT)), "NO_CREDITS", 0).releaseDate();
        LocalDate consecutive = estimator.estimate(List.of(first, second), "NO_CREDITS", 0).releaseDate();
        LocalDate consecutiveFirst = estimator.estimate(List.of(second, first), "NO_CREDITS", 0).releaseDate();
        assertThat(concurrent).isEqualTo(TODAY.minusMonths(11).plusYears(1).minusDays(1));
        assertThat(consecutive).isEqualTo(TODAY.minusMonths(11).plusYears(2).minusDays(1));
        assertThat(consecutiveFirst).as("the first term listed follows nothing").isEqualTo(concurrent);
    }

    @Test
    void aLifeTermIsIndeterminate() {
        assertThat(estimator.estimate(List.of(EligibilityEngineTest.life(true)), "US_FEDERAL_FSA", 54).indeterminate()).isTrue();
    }
}
