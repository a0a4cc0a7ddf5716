package org.custodia.sentence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.sentence.internal.Fixtures.CALCULATOR;
import static org.custodia.sentence.internal.Fixtures.FSA;
import static org.custodia.sentence.internal.Fixtures.TODAY;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.custodia.sentence.SentenceCalculation;
import org.custodia.sentence.SentenceRequest;
import org.custodia.sentence.SentenceRequest.Forfeiture;
import org.custodia.sentence.SentenceRequest.Sentence;
import org.custodia.sentence.SentenceRequest.Term;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of US_FEDERAL_FSA over generated starts (2015 to 2034), terms, jail credit and rates, with
 * QuickTheories: 1000 examples per property (what jqwik, used before, tried by default). A failing example is
 * shrunk and printed with its seed; rerun it with {@code -DQT_SEED=<seed>}.
 */
class SentenceProperties {

    private static final int EXAMPLES = 1000;

    private static QuickTheory qt() {
        // Filters (assumptions) discard examples; allow enough attempts to still find 1000 that pass.
        return QuickTheory.qt().withExamples(EXAMPLES).withGenerateAttempts(EXAMPLES * 20);
    }

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
        return ChronoUnit.DAYS.between(start, end(start, term));
    }

    private static Gen<Integer> upTo(int max) {
        return integers().between(0, max);
    }

    static Gen<LocalDate> starts() {
        return upTo(20 * 365).map(n -> LocalDate.of(2015, 1, 1).plusDays(n));
    }

    static Gen<Term> terms() {
        return upTo(40).zip(upTo(30), upTo(400), Term::of)
                .assuming(t -> t.years() + t.months() + t.days() > 0);
    }

    static Gen<Integer> rates() {
        return Generate.pick(List.of(54, 42, 0));
    }

    static Gen<Integer> earningRates() {
        return Generate.pick(List.of(54, 42));
    }

    record Case(LocalDate start, Term term, int jailCredit, int rate, int forfeited) {
    }

    @Test
    void releaseIsNeverAfterTheFullTerm() {
        Gen<Case> cases = starts().zip(terms(), upTo(500), rates(), upTo(200), Case::new)
                .assuming(c -> c.jailCredit() <= termDays(c.start(), c.term()));
        qt().forAll(cases).checkAssert(k -> {
            List<Forfeiture> forfeitures = k.forfeited() > 0 && !k.start().isAfter(TODAY)
                    ? List.of(new Forfeiture(k.start(), k.forfeited(), "sanction")) : List.of();
            SentenceCalculation c = compute(k.start(), k.term(), k.jailCredit(), k.rate(), forfeitures);
            assertThat(c.releaseDate()).isBeforeOrEqualTo(c.projectedReleaseDate());
            assertThat(c.projectedReleaseDate()).isBeforeOrEqualTo(c.fullTermDate());
            assertThat(c.projectedReleaseDate()).isEqualTo(c.fullTermDate().minusDays(c.goodConductTimeDays()));
        });
    }

    record TwoTerms(LocalDate start, Term a, Term b, int jailCredit, int rate) {
    }

    /**
     * Same start, same credit, same rate, both terms more than one year: the term that ends later never has an
     * earlier projected release, nor an earlier release date. The release date holds too because moving back to
     * the last working day on or before a date is monotone: for p1 before p2, the working day found for p1 is on or
     * before p1, so it is one of the candidates for p2.
     */
    @Test
    void aLongerTermNeverReleasesEarlier() {
        Gen<TwoTerms> cases = starts().zip(terms(), terms(), upTo(365), rates(), TwoTerms::new)
                .assuming(k -> {
                    LocalDate oneYear = k.start().plusYears(1);
                    return end(k.start(), k.a()).isAfter(oneYear) && end(k.start(), k.b()).isAfter(oneYear)
                            && end(k.start(), k.a()).isBefore(end(k.start(), k.b()));
                });
        qt().forAll(cases).checkAssert(k -> {
            SentenceCalculation shorter = compute(k.start(), k.a(), k.jailCredit(), k.rate());
            SentenceCalculation longer = compute(k.start(), k.b(), k.jailCredit(), k.rate());
            assertThat(longer.projectedReleaseDate()).isAfterOrEqualTo(shorter.projectedReleaseDate());
            assertThat(longer.releaseDate()).isAfterOrEqualTo(shorter.releaseDate());
        });
    }

    /** Across the one-year line it does not hold: a year and a day releases earlier than exactly a year. */
    @Test
    void theOneYearCliff() {
        qt().forAll(starts(), upTo(300), earningRates()).checkAssert((start, jailCredit, rate) -> {
            SentenceCalculation year = compute(start, Term.of(1, 0, 0), jailCredit, rate);
            SentenceCalculation yearAndDay = compute(start, Term.of(1, 0, 1), jailCredit, rate);
            assertThat(year.goodConductTimeDays()).isZero();
            assertThat(yearAndDay.goodConductTimeDays()).isEqualTo(rate);
            assertThat(yearAndDay.projectedReleaseDate()).isBefore(year.projectedReleaseDate());
            assertThat(yearAndDay.releaseDate()).isBefore(year.releaseDate());
        });
    }

    @Test
    void jailCreditMovesTheFullTermExactlyThatManyDaysEarlier() {
        qt().forAll(starts(), terms(), upTo(2000), rates())
                .assuming((start, term, jailCredit, rate) -> jailCredit <= termDays(start, term))
                .checkAssert((start, term, jailCredit, rate) -> {
                    SentenceCalculation without = compute(start, term, 0, rate);
                    SentenceCalculation with = compute(start, term, jailCredit, rate);
                    assertThat(with.fullTermDate()).isEqualTo(without.fullTermDate().minusDays(jailCredit));
                    assertThat(with.goodConductTimeDays()).isEqualTo(without.goodConductTimeDays());
                    assertThat(with.projectedReleaseDate())
                            .isEqualTo(without.projectedReleaseDate().minusDays(jailCredit));
                });
    }

    /**
     * Good conduct time never exceeds 54 x whole years imposed + 54, nor 54/365 of the days of the term imposed
     * (every whole year has at least 365 days).
     */
    @Test
    void goodConductTimeIsBounded() {
        qt().forAll(starts(), terms(), earningRates()).checkAssert((start, term, rate) -> {
            SentenceCalculation c = compute(start, term, 0, rate);
            int wholeYears = UsFederalFsaRegime.wholeYears(start, end(start, term));
            assertThat(c.goodConductTimeDays()).isLessThanOrEqualTo(54 * wholeYears + 54);
            assertThat(c.goodConductTimeDays()).isLessThanOrEqualTo(rate * wholeYears + rate);
            assertThat(365L * c.goodConductTimeDays()).isLessThanOrEqualTo(54L * termDays(start, term));
        });
    }

    /** "Whole years" agrees with the years and months of the term when it has no days. */
    @Test
    void wholeYearsOfATermInYearsAndMonths() {
        qt().forAll(starts(), upTo(60), upTo(11))
                .assuming((start, years, months) -> years + months > 0)
                .checkAssert((start, years, months) -> assertThat(
                        UsFederalFsaRegime.wholeYears(start, end(start, Term.of(years, months, 0)))).isEqualTo(years));
    }
}
