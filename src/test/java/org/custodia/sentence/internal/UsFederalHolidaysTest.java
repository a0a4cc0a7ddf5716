package org.custodia.sentence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsFederalHolidaysTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static List<LocalDate> daysOff(int year) {
        return UsFederalHolidays.observedIn(year).stream().map(UsFederalHolidays.Holiday::observed).toList();
    }

    @Test
    void year2020HasNoJuneteenth() {
        assertThat(daysOff(2020)).containsExactly(d("2020-01-01"), d("2020-01-20"), d("2020-02-17"), d("2020-05-25"),
                d("2020-07-03"), d("2020-09-07"), d("2020-10-12"), d("2020-11-11"), d("2020-11-26"), d("2020-12-25"));
    }

    @Test
    void year2021() {
        // Juneteenth (Sat) on Fri 18, Independence Day (Sun) on Mon 5, Christmas (Sat) on Fri 24,
        // and New Year's Day 2022 (Sat) on Fri 31 December 2021.
        assertThat(daysOff(2021)).containsExactly(d("2021-01-01"), d("2021-01-18"), d("2021-02-15"), d("2021-05-31"),
                d("2021-06-18"), d("2021-07-05"), d("2021-09-06"), d("2021-10-11"), d("2021-11-11"), d("2021-11-25"),
                d("2021-12-24"), d("2021-12-31"));
    }

    @Test
    void year2022HasNoNewYearsDayOfItsOwn() {
        // New Year's Day 2022 was observed in 2021; Juneteenth (Sun) on Mon 20, Christmas (Sun) on Mon 26.
        assertThat(daysOff(2022)).containsExactly(d("2022-01-17"), d("2022-02-21"), d("2022-05-30"), d("2022-06-20"),
                d("2022-07-04"), d("2022-09-05"), d("2022-10-10"), d("2022-11-11"), d("2022-11-24"), d("2022-12-26"));
    }

    @Test
    void year2027() {
        assertThat(daysOff(2027)).containsExactly(d("2027-01-01"), d("2027-01-18"), d("2027-02-15"), d("2027-05-31"),
                d("2027-06-18"), d("2027-07-05"), d("2027-09-06"), d("2027-10-11"), d("2027-11-11"), d("2027-11-25"),
                d("2027-12-24"), d("2027-12-31"));
        assertThat(daysOff(2028)).first().isEqualTo(d("2028-01-17"));
    }

    @Test
    void year2023NewYearsDayOnASundayIsObservedOnMonday() {
        assertThat(daysOff(2023)).first().isEqualTo(d("2023-01-02"));
        assertThat(UsFederalHolidays.observedOn(d("2023-01-02")).orElseThrow().holiday())
                .isEqualTo(FederalHoliday.NEW_YEARS_DAY);
    }

    @Test
    void martinLutherKingJrDayCountsFrom1986() {
        assertThat(UsFederalHolidays.observedOn(d("1985-01-21"))).isEmpty();
        assertThat(UsFederalHolidays.observedOn(d("1986-01-20"))).isPresent();
    }

    @Test
    void everyYearHasTenOrElevenHolidaysEachOnAWeekday() {
        for (int year = 1990; year <= 2100; year++) {
            List<UsFederalHolidays.Holiday> holidays = UsFederalHolidays.ofYear(year);
            assertThat(holidays).hasSize(year >= 2021 ? 11 : 10);
            assertThat(holidays).allMatch(h -> !UsFederalHolidays.isWeekend(h.observed()));
        }
    }
}
