package org.custodia.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.custodia.referral.Conviction;
import org.junit.jupiter.api.Test;

/** The fallback computation against the Bureau of Prisons' examples of DOMAIN.md. */
class FederalReleaseDateEstimatorTest {

    private final FederalReleaseDateEstimator estimator = new FederalReleaseDateEstimator();

    @Test
    void twentyFourMonthsFrom2020() {
        FederalReleaseDateEstimator.Term term = new FederalReleaseDateEstimator.Term(LocalDate.of(2020, 1, 1), 0, 24, 0, 0);
        assertThat(term.fullTermDate()).isEqualTo(LocalDate.of(2021, 12, 31));
        assertThat(term.goodConductTime(54)).isEqualTo(108);
        assertThat(term.fullTermDate().minusDays(term.goodConductTime(54))).isEqualTo(LocalDate.of(2021, 9, 14));
    }

    @Test
    void sixtyAndOneHundredTwentyMonthsFrom2025() {
        FederalReleaseDateEstimator.Term sixty = new FederalReleaseDateEstimator.Term(LocalDate.of(2025, 1, 1), 0, 60, 0, 0);
        assertThat(sixty.fullTermDate()).isEqualTo(LocalDate.of(2029, 12, 31));
        assertThat(sixty.goodConductTime(54)).isEqualTo(270);
        assertThat(sixty.fullTermDate().minusDays(270)).isEqualTo(LocalDate.of(2029, 4, 5));
        FederalReleaseDateEstimator.Term hundredTwenty = new FederalReleaseDateEstimator.Term(LocalDate.of(2025, 1, 1), 10, 0, 0, 0);
        assertThat(hundredTwenty.fullTermDate()).isEqualTo(LocalDate.of(2034, 12, 31));
        assertThat(hundredTwenty.goodConductTime(54)).isEqualTo(540);
        assertThat(hundredTwenty.fullTermDate().minusDays(540)).isEqualTo(LocalDate.of(2033, 7, 9));
    }

    @Test
    void aReleaseOnAWeekendOrHolidayMovesToTheWeekdayBefore() {
        // 2033-07-09 is a Saturday: released on Friday the 8th.
        Conviction c = new Conviction("court", "US", "1", List.of(), LocalDate.of(2025, 1, 1), true, LocalDate.of(2025, 1, 1),
                new Conviction.Sentence(0, 120, 0, false), Conviction.Relation.CONCURRENT, LocalDate.of(2025, 1, 1), 0);
        assertThat(estimator.estimate(List.of(c), "US_FEDERAL_FSA", 54).releaseDate()).isEqualTo(LocalDate.of(2033, 7, 8));
        assertThat(FederalReleaseDateEstimator.lastWorkingDayOnOrBefore(LocalDate.of(2026, 12, 25)))
                .isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(FederalReleaseDateEstimator.lastWorkingDayOnOrBefore(LocalDate.of(2026, 11, 26)))
                .as("Thanksgiving 2026").isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void jailCreditShortensTheTermButNotTheGoodConductTime() {
        FederalReleaseDateEstimator.Term term = new FederalReleaseDateEstimator.Term(LocalDate.of(2025, 1, 1), 10, 0, 0, 120);
        assertThat(term.fullTermDate()).isEqualTo(LocalDate.of(2034, 12, 31).minusDays(120));
        assertThat(term.goodConductTime(54)).isEqualTo(540);
    }

    @Test
    void aYearOrLessEarnsNoGoodConductTime() {
        assertThat(new FederalReleaseDateEstimator.Term(LocalDate.of(2025, 1, 1), 1, 0, 0, 0).goodConductTime(54)).isZero();
        assertThat(new FederalReleaseDateEstimator.Term(LocalDate.of(2025, 1, 1), 1, 0, 1, 0).goodConductTime(54)).isEqualTo(54);
    }
}
