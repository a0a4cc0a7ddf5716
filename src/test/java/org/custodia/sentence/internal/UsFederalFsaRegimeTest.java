package org.custodia.sentence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.sentence.internal.Fixtures.FSA;
import static org.custodia.sentence.internal.Fixtures.calculate;
import static org.custodia.sentence.internal.Fixtures.codes;
import static org.custodia.sentence.internal.Fixtures.concurrent;
import static org.custodia.sentence.internal.Fixtures.consecutive;
import static org.custodia.sentence.internal.Fixtures.d;
import static org.custodia.sentence.internal.Fixtures.first;
import static org.custodia.sentence.internal.Fixtures.fsa;
import static org.custodia.sentence.internal.Fixtures.fsa42;
import static org.custodia.sentence.internal.Fixtures.months;
import static org.custodia.sentence.internal.Fixtures.stepValue;

import java.util.List;
import java.util.Locale;
import org.custodia.sentence.SentenceCalculation;
import org.custodia.sentence.SentenceRequest;
import org.custodia.sentence.SentenceRequest.Forfeiture;
import org.custodia.sentence.SentenceRequest.Term;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * US_FEDERAL_FSA by examples. Each derived case shows its hand computation; "end" is start + term imposed (the
 * day after the last day of the term), "full" the full term date, "partial" the days of the partial final year.
 */
class UsFederalFsaRegimeTest {

    private static void assertDates(SentenceCalculation c, String full, int gct, String projected, String release) {
        assertThat(c.life()).isFalse();
        assertThat(c.fullTermDate()).isEqualTo(d(full));
        assertThat(c.goodConductTimeDays()).isEqualTo(gct);
        assertThat(c.projectedReleaseDate()).isEqualTo(d(projected));
        assertThat(c.releaseDate()).isEqualTo(d(release));
    }

    @Nested
    class WorkedExamplesOfDomainMd {

        @Test
        void twentyFourMonths() {
            // end 2022-01-01, full 2021-12-31; whole years 2, partial 0; GCT 54 x 2 = 108;
            // 2021-12-31 - 108 days = 2021-09-14, a Tuesday.
            assertDates(fsa("2020-01-01", months(24)), "2021-12-31", 108, "2021-09-14", "2021-09-14");
        }

        @Test
        void sixtyMonths() {
            // end 2030-01-01, full 2029-12-31; whole years 5, partial 0; GCT 270;
            // 2029-12-31 is day 365, 365 - 270 = day 95 of 2029 = 2029-04-05, a Thursday.
            assertDates(fsa("2025-01-01", months(60)), "2029-12-31", 270, "2029-04-05", "2029-04-05");
        }

        @Test
        void hundredTwentyMonths() {
            // end 2035-01-01, full 2034-12-31; whole years 10, partial 0; GCT 540;
            // 2034-12-31 - 365 = 2033-12-31, - 175 more = day 190 of 2033 = 2033-07-09, a Saturday:
            // released on Friday 2033-07-08.
            assertDates(fsa("2025-01-01", months(120)), "2034-12-31", 540, "2033-07-09", "2033-07-08");
        }
    }

    @Nested
    class TheOneYearCliff {

        @Test
        void twelveMonthsExactlyEarnsNothing() {
            // end 2021-01-01 = start + 1 year: not more than one year, GCT 0; full 2020-12-31, a Thursday
            // (New Year's Day 2021 fell on a Friday and was observed that day).
            SentenceCalculation c = fsa("2020-01-01", months(12));
            assertDates(c, "2020-12-31", 0, "2020-12-31", "2020-12-31");
            assertThat(codes(c)).contains("GCT_NOT_ELIGIBLE").doesNotContain("WHOLE_YEARS");
        }

        @Test
        void twelveMonthsAndOneDayEarnsAFullYear() {
            // end 2021-01-02 > 2021-01-01: eligible. Whole years 1, partial 2021-01-01 to 2021-01-01 = 1 day;
            // GCT 54 + floor(54 x 1 / 365) = 54 + 0 = 54. full 2021-01-01; 2021-01-01 - 54 = 2020-11-08, a Sunday:
            // back over Sunday 8 and Saturday 7 to Friday 2020-11-06.
            SentenceCalculation c = fsa("2020-01-01", Term.of(0, 12, 1));
            assertDates(c, "2021-01-01", 54, "2020-11-08", "2020-11-06");
            assertThat(stepValue(c, "WHOLE_YEARS")).isEqualTo(1);
            assertThat(stepValue(c, "PARTIAL_YEAR_DAYS")).isEqualTo(1);
        }
    }

    @Nested
    class PartialFinalYears {

        @Test
        void oneDay() {
            // 1 year 1 day from 2025-01-01: end 2026-01-02, whole 1, partial 2026-01-01..2026-01-01 = 1 day;
            // GCT 54 + floor(54/365) = 54. full 2026-01-01; - 54 days = 2025-11-08 (Saturday) -> Friday 2025-11-07.
            SentenceCalculation c = fsa("2025-01-01", Term.of(1, 0, 1));
            assertDates(c, "2026-01-01", 54, "2025-11-08", "2025-11-07");
            assertThat(stepValue(c, "PARTIAL_YEAR_DAYS")).isEqualTo(1);
            assertThat(stepValue(c, "GCT_PARTIAL_YEAR")).isZero();
        }

        @Test
        void fiftyNineDays() {
            // 14 months from 2025-01-01: end 2026-03-01, whole 1, partial 2026-01-01..2026-02-28 = 31 + 28 = 59;
            // GCT 54 + floor(54 x 59 / 365) = 54 + floor(3186 / 365 = 8.73) = 62.
            // full 2026-02-28; - 28 = 01-31, - 31 = 2025-12-31, - 3 = 2025-12-28 (Sunday) -> Friday 2025-12-26.
            SentenceCalculation c = fsa("2025-01-01", months(14));
            assertDates(c, "2026-02-28", 62, "2025-12-28", "2025-12-26");
            assertThat(stepValue(c, "PARTIAL_YEAR_DAYS")).isEqualTo(59);
            assertThat(stepValue(c, "GCT_PARTIAL_YEAR")).isEqualTo(8);
        }

        @Test
        void hundredEightyOneDays() {
            // 18 months from 2025-01-01: end 2026-07-01, whole 1, partial 31+28+31+30+31+30 = 181;
            // GCT 54 + floor(54 x 181 / 365) = 54 + floor(9774 / 365 = 26.78) = 80.
            // full 2026-06-30; - 30 = 05-31, - 31 = 04-30, - 19 = 2026-04-11 (Saturday) -> Friday 2026-04-10.
            SentenceCalculation c = fsa("2025-01-01", months(18));
            assertDates(c, "2026-06-30", 80, "2026-04-11", "2026-04-10");
            assertThat(stepValue(c, "PARTIAL_YEAR_DAYS")).isEqualTo(181);
        }

        @Test
        void threeHundredSixtyFourDays() {
            // 1 year 364 days from 2025-01-01: end 2026-01-01 + 364 = 2026-12-31, whole 1 (2027-01-01 is later),
            // partial 364; GCT 54 + floor(54 x 364 / 365) = 54 + floor(19656 / 365 = 53.85) = 107.
            // full 2026-12-30; - 30 = 11-30, - 30 = 10-31, - 31 = 09-30, - 16 = 2026-09-14, a Monday.
            SentenceCalculation c = fsa("2025-01-01", Term.of(1, 0, 364));
            assertDates(c, "2026-12-30", 107, "2026-09-14", "2026-09-14");
            assertThat(stepValue(c, "PARTIAL_YEAR_DAYS")).isEqualTo(364);
        }
    }

    @Nested
    class LeapYears {

        @Test
        void startOnFebruary29WholeYears() {
            // 24 months from 2024-02-29: end 2026-02-28. start + 1 year = 2025-02-28, + 2 years = 2026-02-28, both
            // not later than the end: whole 2, partial 0, GCT 108. full 2026-02-27;
            // - 27 = 01-31, - 31 = 2025-12-31, - 31 = 11-30, - 19 = 2025-11-11: Veterans Day (a Tuesday)
            // -> Monday 2025-11-10.
            SentenceCalculation c = fsa("2024-02-29", months(24));
            assertDates(c, "2026-02-27", 108, "2025-11-11", "2025-11-10");
            assertThat(stepValue(c, "WHOLE_YEARS")).isEqualTo(2);
        }

        @Test
        void startOnFebruary29TwelveMonthsIsExactlyOneYear() {
            // 12 months from 2024-02-29: end 2025-02-28 = start + 1 year: no GCT. full 2025-02-27, a Thursday.
            assertDates(fsa("2024-02-29", months(12)), "2025-02-27", 0, "2025-02-27", "2025-02-27");
        }

        @Test
        void startOnFebruary29OneYearOneMonthEndsWhereThirteenMonthsEnds() {
            // 13 months from 2024-02-29: end 2025-03-29. Whole 1 (2025-02-28), partial 2025-02-28..2025-03-28 = 29;
            // GCT 54 + floor(54 x 29 / 365) = 54 + floor(1566 / 365 = 4.29) = 58.
            // full 2025-03-28; - 28 = 02-28, - 28 = 01-31, - 2 = 2025-01-29, a Wednesday.
            SentenceCalculation thirteen = fsa("2024-02-29", months(13));
            assertDates(thirteen, "2025-03-28", 58, "2025-01-29", "2025-01-29");
            SentenceCalculation oneYearOneMonth = fsa("2024-02-29", Term.of(1, 1, 0));
            assertDates(oneYearOneMonth, "2025-03-28", 58, "2025-01-29", "2025-01-29");
        }

        @Test
        void partialYearAcrossFebruary29() {
            // 14 months from 2023-01-01: end 2024-03-01, whole 1, partial 2024-01-01..2024-02-29 = 31 + 29 = 60;
            // GCT 54 + floor(54 x 60 / 365) = 54 + floor(3240 / 365 = 8.88) = 62.
            // full 2024-02-29; - 29 = 01-31, - 31 = 2023-12-31, - 2 = 2023-12-29, a Friday.
            SentenceCalculation c = fsa("2023-01-01", months(14));
            assertDates(c, "2024-02-29", 62, "2023-12-29", "2023-12-29");
            assertThat(stepValue(c, "PARTIAL_YEAR_DAYS")).isEqualTo(60);
        }

        @Test
        void wholeYearContainingFebruary29() {
            // 18 months from 2023-06-01: end 2024-12-01, whole 1 (2023-06-01..2024-05-31, 366 days, is one year),
            // partial 2024-06-01..2024-11-30 = 30+31+31+30+31+30 = 183; GCT 54 + floor(9882 / 365 = 27.07) = 81.
            // full 2024-11-30; - 30 = 10-31, - 31 = 09-30, - 20 = 2024-09-10, a Tuesday.
            assertDates(fsa("2023-06-01", months(18)), "2024-11-30", 81, "2024-09-10", "2024-09-10");
        }
    }

    @Nested
    class JailCredit {

        @Test
        void none() {
            assertDates(fsa("2025-01-01", months(60), 0), "2029-12-31", 270, "2029-04-05", "2029-04-05");
        }

        @Test
        void oneDay() {
            // full 2029-12-31 - 1 = 2029-12-30; GCT unchanged 270; projected 2029-04-04, a Wednesday.
            assertDates(fsa("2025-01-01", months(60), 1), "2029-12-30", 270, "2029-04-04", "2029-04-04");
        }

        @Test
        void fourHundredDays() {
            // full 2029-12-31 - 400: - 365 = 2028-12-31, - 35 = 2028-11-26; GCT unchanged 270;
            // 2028-11-26 - 26 = 10-31, - 31 = 09-30, - 30 = 08-31, - 31 = 07-31, - 31 = 06-30, - 30 = 05-31,
            // - 31 = 04-30, - 30 = 03-31, - 30 = 2028-03-01 (total 270), a Wednesday.
            SentenceCalculation c = fsa("2025-01-01", months(60), 400);
            assertDates(c, "2028-11-26", 270, "2028-03-01", "2028-03-01");
            assertThat(stepValue(c, "JAIL_CREDIT")).isEqualTo(400);
        }
    }

    @Test
    void lifeHasNoDates() {
        SentenceCalculation c = fsa("2025-01-01", Term.lifeTerm());
        assertThat(c.life()).isTrue();
        assertThat(c.fullTermDate()).isNull();
        assertThat(c.projectedReleaseDate()).isNull();
        assertThat(c.releaseDate()).isNull();
        assertThat(c.goodConductTimeDays()).isZero();
        assertThat(codes(c)).containsExactly("TERM_IMPOSED", "LIFE");
        assertThat(c.breakdown().get(1).description()).contains("no release date");
    }

    @Test
    void fortyTwoDayRate() {
        // 60 months from 2025-01-01: GCT 42 x 5 = 210; 2029-12-31 = day 365, 365 - 210 = day 155 = 2029-06-04,
        // a Monday.
        SentenceCalculation c = fsa42("2025-01-01", months(60));
        assertDates(c, "2029-12-31", 210, "2029-06-04", "2029-06-04");
        assertThat(stepValue(c, "GCT_RATE")).isEqualTo(42);
    }

    @Test
    void fortyTwoDayRateWithPartialYear() {
        // 18 months from 2025-01-01: partial 181; GCT 42 + floor(42 x 181 / 365) = 42 + floor(7602 / 365 = 20.83) = 62.
        // full 2026-06-30; - 30 = 05-31, - 31 = 04-30, - 1 = 2026-04-29, a Wednesday.
        assertDates(fsa42("2025-01-01", months(18)), "2026-06-30", 62, "2026-04-29", "2026-04-29");
    }

    @Nested
    class SeveralTerms {

        @Test
        void consecutiveTermsAggregateIntoOne() {
            // 18 + 18 months consecutive = one term of 36 months from 2025-01-01 (18 U.S.C. 3584(c)):
            // end 2028-01-01, whole 3, GCT 162 (computed apart they would earn 80 + 80 = 160).
            // Jail credit 10 + 5 = 15: full 2027-12-31 - 15 = 2027-12-16.
            // 2027-12-31 - 162 = day 203 of 2027 = 2027-07-22; - 15 = 2027-07-07, a Wednesday.
            SentenceCalculation c = calculate(FSA, List.of(first("2025-01-01", months(18), 10),
                    consecutive(months(18), 5)), List.of(), Locale.ENGLISH);
            assertDates(c, "2027-12-16", 162, "2027-07-07", "2027-07-07");
            assertThat(codes(c)).startsWith("COMPUTATION", "AGGREGATE_TERM").doesNotContain("GOVERNING_RELEASE");
            assertThat(stepValue(c, "JAIL_CREDIT")).isEqualTo(15);
        }

        @Test
        void aConcurrentShorterTermCanGovern() {
            // Term 1: 24 months from 2020-01-01, release 2021-09-14 (worked example).
            // Term 2: 12 months from 2021-01-01, concurrent: no GCT, full 2021-12-31 = a Friday, the observed
            // New Year's Day 2022 (a Saturday) -> Thursday 2021-12-30. The latest release governs: term 2.
            SentenceCalculation c = calculate(FSA, List.of(first("2020-01-01", months(24), 0),
                    concurrent("2021-01-01", months(12), 0)), List.of(), Locale.ENGLISH);
            assertDates(c, "2021-12-31", 0, "2021-12-31", "2021-12-30");
            assertThat(codes(c)).contains("GOVERNING_RELEASE");
            assertThat(c.breakdown().get(c.breakdown().size() - 1).description()).contains("computation 2");
        }

        @Test
        void aConcurrentTermEndingEarlierDoesNotGovern() {
            // Term 2: 6 months from 2020-06-01, full 2020-11-30: earlier than term 1's 2021-09-14.
            SentenceCalculation c = calculate(FSA, List.of(first("2020-01-01", months(24), 0),
                    concurrent("2020-06-01", months(6), 0)), List.of(), Locale.ENGLISH);
            assertDates(c, "2021-12-31", 108, "2021-09-14", "2021-09-14");
        }

        @Test
        void aLifeTermGoverns() {
            SentenceCalculation c = calculate(FSA, List.of(first("2020-01-01", months(24), 0),
                    concurrent("2021-01-01", Term.lifeTerm(), 0)), List.of(), Locale.ENGLISH);
            assertThat(c.life()).isTrue();
            assertThat(c.releaseDate()).isNull();
            assertThat(codes(c)).contains("GOVERNING_LIFE");
        }

        @Test
        void aTermConsecutiveToLifeIsLife() {
            SentenceCalculation c = calculate(FSA, List.of(first("2020-01-01", Term.lifeTerm(), 0),
                    consecutive(months(24), 0)), List.of(), Locale.ENGLISH);
            assertThat(c.life()).isTrue();
        }
    }

    @Nested
    class Forfeitures {

        @Test
        void movesTheReleaseLater() {
            // 60 months from 2025-01-01: GCT 270, 27 days forfeited on 2025-03-10 -> 243.
            // 2029-12-31 = day 365, 365 - 243 = day 122 = 2029-05-02, a Wednesday.
            SentenceCalculation c = calculate(FSA, List.of(first("2025-01-01", months(60), 0)),
                    List.of(new Forfeiture(d("2025-03-10"), 27, "fighting")),
                    Locale.ENGLISH);
            assertDates(c, "2029-12-31", 243, "2029-05-02", "2029-05-02");
            assertThat(c.forfeitedGoodConductTimeDays()).isEqualTo(27);
            assertThat(codes(c)).contains("GCT_TOTAL", "FORFEITURE", "GCT_AFTER_FORFEITURE");
            assertThat(stepValue(c, "GCT_TOTAL")).isEqualTo(270);
            assertThat(stepValue(c, "FORFEITURE")).isEqualTo(27);
            assertThat(c.breakdown().stream().filter(s -> s.code().equals("FORFEITURE")).findFirst().orElseThrow()
                    .description()).contains("2025-03-10", "fighting");
        }

        @Test
        void cannotTakeMoreThanTheGoodConductTime() {
            // 12 months 1 day from 2024-01-01: end 2025-01-02, GCT 54; 100 days forfeited -> capped at 54, GCT 0.
            // full = projected = 2025-01-01, New Year's Day -> Tuesday 2024-12-31.
            SentenceCalculation c = calculate(FSA, List.of(first("2024-01-01", Term.of(0, 12, 1), 0)),
                    List.of(new Forfeiture(d("2024-06-01"), 100, "escape attempt")),
                    Locale.ENGLISH);
            assertDates(c, "2025-01-01", 0, "2025-01-01", "2024-12-31");
            assertThat(c.forfeitedGoodConductTimeDays()).isEqualTo(54);
            assertThat(codes(c)).contains("FORFEITURE_CAPPED");
        }

        @Test
        void onATermWithoutGoodConductTimeTakesNothing() {
            SentenceCalculation c = calculate(FSA, List.of(first("2025-01-01", months(12), 0)),
                    List.of(new Forfeiture(d("2025-03-10"), 10, "contraband")),
                    Locale.ENGLISH);
            assertThat(c.forfeitedGoodConductTimeDays()).isZero();
            assertThat(c.projectedReleaseDate()).isEqualTo(c.fullTermDate());
            assertThat(codes(c)).contains("FORFEITURE_NO_GCT");
        }

        @Test
        void outsideEveryTermIsReportedAndNotApplied() {
            // 30 days from 2025-01-01: full 2025-01-30; a sanction on 2025-03-01 lies after it.
            SentenceCalculation c = calculate(FSA, List.of(first("2025-01-01", Term.of(0, 0, 30), 0)),
                    List.of(new Forfeiture(d("2025-03-01"), 10, "contraband")),
                    Locale.ENGLISH);
            assertThat(c.forfeitedGoodConductTimeDays()).isZero();
            assertThat(codes(c)).contains("FORFEITURE_NOT_APPLIED");
        }

        @Test
        void appliesOnlyToTheTermsBeingServedOnItsDate() {
            // Term 1: 24 months from 2020-01-01 (full 2021-12-31); term 2: 36 months from 2022-06-01, concurrent:
            // end 2025-06-01, full 2025-05-31, GCT 162. A 20-day sanction on 2023-01-10 falls in term 2 only:
            // GCT 142, 2025-05-31 - 142: - 31 = 04-30, - 30 = 03-31, - 31 = 02-28, - 28 = 01-31, - 22 = 2025-01-09,
            // a Thursday (federal offices closed that day for a national day of mourning by executive order;
            // such one-off closings are not in the holiday calendar).
            SentenceCalculation c = calculate(FSA, List.of(first("2020-01-01", months(24), 0),
                    concurrent("2022-06-01", months(36), 0)),
                    List.of(new Forfeiture(d("2023-01-10"), 20, "assault")),
                    Locale.ENGLISH);
            assertDates(c, "2025-05-31", 142, "2025-01-09", "2025-01-09");
            assertThat(codes(c).stream().filter("FORFEITURE"::equals)).hasSize(1);
        }
    }

    @Test
    void stepsAreNumberedFromOne() {
        SentenceCalculation c = fsa("2025-01-01", months(120));
        for (int i = 0; i < c.breakdown().size(); i++) {
            assertThat(c.breakdown().get(i).step()).isEqualTo(i + 1);
        }
        assertThat(codes(c)).containsExactly("TERM_IMPOSED", "SENTENCE_START", "TERM_END", "JAIL_CREDIT",
                "FULL_TERM_DATE", "GCT_RATE", "WHOLE_YEARS", "PARTIAL_YEAR_DAYS", "GCT_WHOLE_YEARS", "GCT_PARTIAL_YEAR",
                "GCT_TOTAL", "PROJECTED_RELEASE_DATE", "RELEASE_DATE");
    }

    @Test
    void zeroRateCountsNoGoodConductTime() {
        // gctDaysPerYear 0: full 2029-12-31 (a Monday) is also the projected release and the release date.
        SentenceCalculation c = Fixtures.CALCULATOR.calculate(new SentenceRequest(FSA,
                List.of(first("2025-01-01", months(60), 0)), 0, List.of(), null));
        assertDates(c, "2029-12-31", 0, "2029-12-31", "2029-12-31");
        assertThat(codes(c)).doesNotContain("WHOLE_YEARS");
    }
}
