package org.custodia.sentence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.sentence.internal.Fixtures.CALCULATOR;
import static org.custodia.sentence.internal.Fixtures.FSA;
import static org.custodia.sentence.internal.Fixtures.TODAY;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.custodia.sentence.SentenceCalculation;
import org.custodia.sentence.SentenceRequest;
import org.custodia.sentence.SentenceRequest.Forfeiture;
import org.custodia.sentence.SentenceRequest.Sentence;
import org.custodia.sentence.SentenceRequest.Term;

/** Properties of US_FEDERAL_FSA over generated starts (2015 to 2034), terms, jail credit and rates. */
class SentenceProperties {

    private static SentenceCalculation compute(LocalDate start, Term term, int jailCredit, int rate,
                                               List<Forfeiture> forfeitures) {
        return CALCULATOR.calculate(new SentenceRequest(FSA, List.of(new Sentence(start, term, jailCredit, null)),
                rate, forfeitures, null));
    }

    private static SentenceCalculation compute(LocalDate start, Term term, int jailCredit, int rate) {
        return compute(start, term, jailCredit, rate, List.of());
    }

    private static LocalDate end(LocalDate start, Term term) {
        return TermGroup.termEnd(start, term);
    }

    private static long termDays(LocalDate start, Term term) {
        return java.time.temporal.ChronoUnit.DAYS.between(start, end(start, term));
    }

    @Provide
    Arbitrary<LocalDate> starts() {
        return Arbitraries.integers().between(0, 20 * 365).map(n -> LocalDate.of(2015, 1, 1).plusDays(n));
    }

    @Provide
    Arbitrary<Term> terms() {
        return Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 30),
                        Arbitraries.integers().between(0, 400))
                .as(Term::of)
                .filter(t -> t.years() + t.months() + t.days() > 0);
    }

    @Provide
    Arbitrary<Integer> rates() {
        return Arbitraries.of(54, 42, 0);
    }

    @Provide
    Arbitrary<Integer> earningRates() {
        return Arbitraries.of(54, 42);
    }

    @Property
    void releaseIsNeverAfterTheFullTerm(@ForAll("starts") LocalDate start, @ForAll("terms") Term term,
                                        @ForAll @IntRange(max = 500) int jailCredit, @ForAll("rates") int rate,
                                        @ForAll @IntRange(max = 200) int forfeited) {
        Assume.that(jailCredit <= termDays(start, term));
        List<Forfeiture> forfeitures = forfeited > 0 && !start.isAfter(TODAY)
                ? List.of(new Forfeiture(start, forfeited, "sanction")) : List.of();
        SentenceCalculation c = compute(start, term, jailCredit, rate, forfeitures);
        assertThat(c.releaseDate()).isBeforeOrEqualTo(c.projectedReleaseDate());
        assertThat(c.projectedReleaseDate()).isBeforeOrEqualTo(c.fullTermDate());
        assertThat(c.projectedReleaseDate()).isEqualTo(c.fullTermDate().minusDays(c.goodConductTimeDays()));
    }

    /**
     * Same start, same credit, same rate, both terms more than one year: the term that ends later never has an
     * earlier projected release, nor an earlier release date. The release date holds too because moving back to
     * the last working day on or before a date is monotone: for p1 before p2, the working day found for p1 is on or
     * before p1, so it is one of the candidates for p2.
     */
    @Property
    void aLongerTermNeverReleasesEarlier(@ForAll("starts") LocalDate start, @ForAll("terms") Term a,
                                         @ForAll("terms") Term b, @ForAll @IntRange(max = 365) int jailCredit,
                                         @ForAll("rates") int rate) {
        LocalDate oneYear = start.plusYears(1);
        Assume.that(end(start, a).isAfter(oneYear) && end(start, b).isAfter(oneYear));
        Assume.that(end(start, a).isBefore(end(start, b)));
        SentenceCalculation shorter = compute(start, a, jailCredit, rate);
        SentenceCalculation longer = compute(start, b, jailCredit, rate);
        assertThat(longer.projectedReleaseDate()).isAfterOrEqualTo(shorter.projectedReleaseDate());
        assertThat(longer.releaseDate()).isAfterOrEqualTo(shorter.releaseDate());
    }

    /** Across the one-year line it does not hold: a year and a day releases earlier than exactly a year. */
    @Property
    void theOneYearCliff(@ForAll("starts") LocalDate start, @ForAll @IntRange(max = 300) int jailCredit,
                         @ForAll("earningRates") int rate) {
        SentenceCalculation year = compute(start, Term.of(1, 0, 0), jailCredit, rate);
        SentenceCalculation yearAndDay = compute(start, Term.of(1, 0, 1), jailCredit, rate);
        assertThat(year.goodConductTimeDays()).isZero();
        assertThat(yearAndDay.goodConductTimeDays()).isEqualTo(rate);
        assertThat(yearAndDay.projectedReleaseDate()).isBefore(year.projectedReleaseDate());
        assertThat(yearAndDay.releaseDate()).isBefore(year.releaseDate());
    }

    @Property
    void jailCreditMovesTheFullTermExactlyThatManyDaysEarlier(@ForAll("starts") LocalDate start,
                                                              @ForAll("terms") Term term,
                                                              @ForAll @IntRange(max = 2000) int jailCredit,
                                                              @ForAll("rates") int rate) {
        Assume.that(jailCredit <= termDays(start, term));
        SentenceCalculation without = compute(start, term, 0, rate);
        SentenceCalculation with = compute(start, term, jailCredit, rate);
        assertThat(with.fullTermDate()).isEqualTo(without.fullTermDate().minusDays(jailCredit));
        assertThat(with.goodConductTimeDays()).isEqualTo(without.goodConductTimeDays());
        assertThat(with.projectedReleaseDate()).isEqualTo(without.projectedReleaseDate().minusDays(jailCredit));
    }

    /**
     * Good conduct time never exceeds 54 x whole years imposed + 54, nor 54/365 of the days of the term imposed
     * (every whole year has at least 365 days).
     */
    @Property
    void goodConductTimeIsBounded(@ForAll("starts") LocalDate start, @ForAll("terms") Term term,
                                  @ForAll("earningRates") int rate) {
        SentenceCalculation c = compute(start, term, 0, rate);
        int wholeYears = UsFederalFsaRegime.wholeYears(start, end(start, term));
        assertThat(c.goodConductTimeDays()).isLessThanOrEqualTo(54 * wholeYears + 54);
        assertThat(c.goodConductTimeDays()).isLessThanOrEqualTo(rate * wholeYears + rate);
        assertThat(365L * c.goodConductTimeDays()).isLessThanOrEqualTo(54L * termDays(start, term));
    }

    /** "Whole years" agrees with the years and months of the term when it has no days. */
    @Property
    void wholeYearsOfATermInYearsAndMonths(@ForAll("starts") LocalDate start, @ForAll @IntRange(max = 60) int years,
                                           @ForAll @IntRange(max = 11) int months) {
        Assume.that(years + months > 0);
        assertThat(UsFederalFsaRegime.wholeYears(start, end(start, Term.of(years, months, 0)))).isEqualTo(years);
    }
}
