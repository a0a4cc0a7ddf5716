package org.custodia.sentence.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The US federal holiday calendar for any year, with observed dates: a fixed-date holiday on a Saturday is
 * observed on the Friday before (so New Year's Day on a Saturday is observed on 31 December of the year before),
 * on a Sunday on the Monday after. Holidays are the current ones of 5 U.S.C. 6103(a); Martin Luther King Jr. Day
 * counts from 1986 and Juneteenth from 2021. Earlier changes (before 1986) are not modelled.
 */
final class UsFederalHolidays {

    private UsFederalHolidays() {
    }

    /** One holiday: its own date and the day it is observed (the same unless it falls on a weekend). */
    record Holiday(FederalHoliday holiday, LocalDate date, LocalDate observed) {

        boolean shifted() {
            return !date.equals(observed);
        }
    }

    /** The holidays whose own date is in {@code year}; an observed date may fall in the year before. */
    static List<Holiday> ofYear(int year) {
        List<Holiday> holidays = new ArrayList<>();
        for (FederalHoliday holiday : FederalHoliday.values()) {
            LocalDate date = holiday.dateIn(year);
            if (date != null) {
                holidays.add(new Holiday(holiday, date, holiday.fixedDate() ? observed(date) : date));
            }
        }
        return holidays;
    }

    /** The holidays observed on a day of {@code year}, in date order: this is the calendar of days off. */
    static List<Holiday> observedIn(int year) {
        List<Holiday> holidays = new ArrayList<>();
        for (int y = year - 1; y <= year + 1; y++) {
            ofYear(y).stream().filter(h -> h.observed().getYear() == year).forEach(holidays::add);
        }
        holidays.sort(Comparator.comparing(Holiday::observed));
        return holidays;
    }

    /** The holiday observed on {@code day}, if any. */
    static Optional<Holiday> observedOn(LocalDate day) {
        return observedIn(day.getYear()).stream().filter(h -> h.observed().equals(day)).findFirst();
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** A day passed over on the way back to a working day: a weekend day, or a weekday that is a holiday. */
    record SkippedDay(LocalDate date, Holiday holiday) {

        boolean weekend() {
            return isWeekend(date);
        }
    }

    /** The working day to release on and the days passed over to reach it (none when {@code day} is a working day). */
    record WorkingDay(LocalDate date, List<SkippedDay> skipped) {
    }

    /** The last weekday on or before {@code day} that is not a federal holiday (18 U.S.C. 3624(a)). */
    static WorkingDay lastWorkingDayOnOrBefore(LocalDate day) {
        List<SkippedDay> skipped = new ArrayList<>();
        LocalDate candidate = day;
        while (true) {
            Optional<Holiday> holiday = observedOn(candidate);
            if (!isWeekend(candidate) && holiday.isEmpty()) {
                return new WorkingDay(candidate, List.copyOf(skipped));
            }
            skipped.add(new SkippedDay(candidate, holiday.orElse(null)));
            candidate = candidate.minusDays(1);
        }
    }

    private static LocalDate observed(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.minusDays(1);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }
}
