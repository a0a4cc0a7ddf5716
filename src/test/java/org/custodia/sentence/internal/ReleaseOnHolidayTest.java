package org.custodia.sentence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.sentence.internal.Fixtures.d;
import static org.custodia.sentence.internal.Fixtures.days;
import static org.custodia.sentence.internal.Fixtures.fsa;
import static org.custodia.sentence.internal.Fixtures.months;

import org.custodia.sentence.SentenceCalculation;
import org.junit.jupiter.api.Test;

/**
 * A projected release on a weekend or a federal holiday moves back to the last weekday that is not a holiday
 * (18 U.S.C. 3624(a)). Most cases use a 30-day term: no good conduct time, so full term = projected release =
 * start + 30 days - 1 day = start + 29 days, and the start is the target date minus 29 days.
 */
class ReleaseOnHolidayTest {

    private static void assertRelease(SentenceCalculation c, String projected, String release) {
        assertThat(c.projectedReleaseDate()).isEqualTo(d(projected));
        assertThat(c.releaseDate()).isEqualTo(d(release));
    }

    private static String releaseText(SentenceCalculation c) {
        return c.breakdown().get(c.breakdown().size() - 1).description();
    }

    @Test
    void newYearsDay() {
        // 2025-12-03 + 29 = 2026-01-01, a Thursday and New Year's Day -> Wednesday 2025-12-31.
        SentenceCalculation c = fsa("2025-12-03", days(30));
        assertRelease(c, "2026-01-01", "2025-12-31");
        assertThat(releaseText(c)).contains("2026-01-01 is New Year's Day, a federal holiday", "2025-12-31, a Wednesday");
    }

    @Test
    void newYearsDayObservedOnDecember31() {
        // 2027-12-02 + 29 = 2027-12-31, a Friday: New Year's Day 2028 is a Saturday and is observed that Friday
        // -> Thursday 2027-12-30.
        SentenceCalculation c = fsa("2027-12-02", days(30));
        assertRelease(c, "2027-12-31", "2027-12-30");
        assertThat(releaseText(c)).contains("observed day of New Year's Day (2028-01-01)");
    }

    @Test
    void newYearsDayOnASaturday() {
        // 2027-12-03 + 29 = 2028-01-01, a Saturday; Friday 2027-12-31 is its observed day -> Thursday 2027-12-30.
        assertRelease(fsa("2027-12-03", days(30)), "2028-01-01", "2027-12-30");
    }

    @Test
    void martinLutherKingJrDay() {
        // 2025-12-21 + 29 = 2026-01-19, the third Monday of January 2026 (5, 12, 19) -> back over Sunday 18 and
        // Saturday 17 to Friday 2026-01-16.
        assertRelease(fsa("2025-12-21", days(30)), "2026-01-19", "2026-01-16");
    }

    @Test
    void washingtonsBirthday() {
        // 2026-01-18 + 29 = 2026-02-16, the third Monday of February 2026 (2, 9, 16) -> Friday 2026-02-13.
        assertRelease(fsa("2026-01-18", days(30)), "2026-02-16", "2026-02-13");
    }

    @Test
    void memorialDay() {
        // 2026-04-26 + 29 = 2026-05-25, the last Monday of May 2026 (May 31 is a Sunday) -> Friday 2026-05-22.
        assertRelease(fsa("2026-04-26", days(30)), "2026-05-25", "2026-05-22");
    }

    @Test
    void juneteenth() {
        // 2026-05-21 + 29 = 2026-06-19, a Friday -> Thursday 2026-06-18.
        assertRelease(fsa("2026-05-21", days(30)), "2026-06-19", "2026-06-18");
    }

    @Test
    void juneteenthObservedOnFriday() {
        // 2027-05-20 + 29 = 2027-06-18, a Friday: June 19, 2027 is a Saturday, observed on the Friday
        // -> Thursday 2027-06-17.
        assertRelease(fsa("2027-05-20", days(30)), "2027-06-18", "2027-06-17");
    }

    @Test
    void juneteenthWasNoHolidayBefore2021() {
        // 2020-05-21 + 29 = 2020-06-19, a Friday, before Juneteenth became a federal holiday: released that day.
        assertRelease(fsa("2020-05-21", days(30)), "2020-06-19", "2020-06-19");
    }

    @Test
    void independenceDay() {
        // 2029-06-05 + 29 = 2029-07-04, a Wednesday -> Tuesday 2029-07-03.
        assertRelease(fsa("2029-06-05", days(30)), "2029-07-04", "2029-07-03");
    }

    @Test
    void independenceDayObservedOnFriday() {
        // 2026-06-04 + 29 = 2026-07-03, a Friday: July 4, 2026 is a Saturday, observed on the Friday
        // -> Thursday 2026-07-02.
        assertRelease(fsa("2026-06-04", days(30)), "2026-07-03", "2026-07-02");
    }

    @Test
    void independenceDayObservedOnMonday() {
        // 2027-06-06 + 29 = 2027-07-05, a Monday: July 4, 2027 is a Sunday, observed on the Monday
        // -> back over Sunday 4 and Saturday 3 to Friday 2027-07-02.
        SentenceCalculation c = fsa("2027-06-06", days(30));
        assertRelease(c, "2027-07-05", "2027-07-02");
        assertThat(releaseText(c)).contains("2027-07-05 is the observed day of Independence Day (2027-07-04)",
                "2027-07-04 is a Sunday", "2027-07-03 is a Saturday");
    }

    @Test
    void laborDay() {
        // 2026-08-09 + 29 = 2026-09-07, the first Monday of September 2026 -> Friday 2026-09-04.
        assertRelease(fsa("2026-08-09", days(30)), "2026-09-07", "2026-09-04");
    }

    @Test
    void columbusDay() {
        // 2026-09-13 + 29 = 2026-10-12, the second Monday of October 2026 (5, 12) -> Friday 2026-10-09.
        assertRelease(fsa("2026-09-13", days(30)), "2026-10-12", "2026-10-09");
    }

    @Test
    void veteransDay() {
        // 2026-10-13 + 29 = 2026-11-11, a Wednesday -> Tuesday 2026-11-10.
        assertRelease(fsa("2026-10-13", days(30)), "2026-11-11", "2026-11-10");
    }

    @Test
    void veteransDayObservedOnFriday() {
        // 2028-10-12 + 29 = 2028-11-10, a Friday: November 11, 2028 is a Saturday -> Thursday 2028-11-09.
        assertRelease(fsa("2028-10-12", days(30)), "2028-11-10", "2028-11-09");
    }

    @Test
    void thanksgivingDayAfterGoodConductTime() {
        // 24 months from 2025-03-15: end 2027-03-15, full 2027-03-14, GCT 108;
        // 2027-03-14 - 14 = 02-28, - 28 = 01-31, - 31 = 2026-12-31, - 31 = 11-30, - 4 = 2026-11-26 (108 days):
        // the fourth Thursday of November 2026 (5, 12, 19, 26) -> Wednesday 2026-11-25.
        SentenceCalculation c = fsa("2025-03-15", months(24));
        assertThat(c.goodConductTimeDays()).isEqualTo(108);
        assertRelease(c, "2026-11-26", "2026-11-25");
    }

    @Test
    void christmasDay() {
        // 2026-11-26 + 29 = 2026-12-25, a Friday -> Thursday 2026-12-24.
        assertRelease(fsa("2026-11-26", days(30)), "2026-12-25", "2026-12-24");
    }

    @Test
    void christmasDayObservedOnFriday() {
        // 2027-11-25 + 29 = 2027-12-24, a Friday: December 25, 2027 is a Saturday -> Thursday 2027-12-23.
        assertRelease(fsa("2027-11-25", days(30)), "2027-12-24", "2027-12-23");
    }

    @Test
    void saturday() {
        // 2026-02-06 + 29 = 2026-03-07 (February 2026 has 28 days), a Saturday -> Friday 2026-03-06.
        SentenceCalculation c = fsa("2026-02-06", days(30));
        assertRelease(c, "2026-03-07", "2026-03-06");
        assertThat(releaseText(c)).startsWith("2026-03-07 is a Saturday;");
    }

    @Test
    void sunday() {
        // 2026-02-07 + 29 = 2026-03-08, a Sunday -> Friday 2026-03-06.
        assertRelease(fsa("2026-02-07", days(30)), "2026-03-08", "2026-03-06");
    }

    @Test
    void aWorkingDayStays() {
        // 2026-02-05 + 29 = 2026-03-06, a Friday.
        SentenceCalculation c = fsa("2026-02-05", days(30));
        assertRelease(c, "2026-03-06", "2026-03-06");
        assertThat(releaseText(c)).isEqualTo("2026-03-06 is a Friday and not a federal holiday: the release date is 2026-03-06.");
    }
}
