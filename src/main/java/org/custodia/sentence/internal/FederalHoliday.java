package org.custodia.sentence.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * The legal public holidays of 5 U.S.C. 6103(a). Inauguration Day (Washington D.C. area only) and days off
 * granted by executive order are not included.
 */
enum FederalHoliday {
    NEW_YEARS_DAY("New Year's Day", "Año Nuevo"),
    MARTIN_LUTHER_KING_JR_DAY("Birthday of Martin Luther King, Jr.", "Natalicio de Martin Luther King Jr."),
    WASHINGTONS_BIRTHDAY("Washington's Birthday", "Natalicio de Washington"),
    MEMORIAL_DAY("Memorial Day", "Día de los Caídos (Memorial Day)"),
    JUNETEENTH("Juneteenth National Independence Day", "Día Nacional de la Independencia de Juneteenth"),
    INDEPENDENCE_DAY("Independence Day", "Día de la Independencia"),
    LABOR_DAY("Labor Day", "Día del Trabajo"),
    COLUMBUS_DAY("Columbus Day", "Día de Colón"),
    VETERANS_DAY("Veterans Day", "Día de los Veteranos"),
    THANKSGIVING_DAY("Thanksgiving Day", "Día de Acción de Gracias"),
    CHRISTMAS_DAY("Christmas Day", "Navidad");

    private final String english;
    private final String spanish;

    FederalHoliday(String english, String spanish) {
        this.english = english;
        this.spanish = spanish;
    }

    String name(Language language) {
        return language == Language.ES ? spanish : english;
    }

    /** True for the holidays on a fixed date, which move to Friday or Monday when they fall on a weekend. */
    boolean fixedDate() {
        return switch (this) {
            case NEW_YEARS_DAY, JUNETEENTH, INDEPENDENCE_DAY, VETERANS_DAY, CHRISTMAS_DAY -> true;
            default -> false;
        };
    }

    /** The holiday's own date in {@code year}, or {@code null} when it was not yet a holiday that year. */
    LocalDate dateIn(int year) {
        return switch (this) {
            case NEW_YEARS_DAY -> LocalDate.of(year, Month.JANUARY, 1);
            case MARTIN_LUTHER_KING_JR_DAY -> year < 1986 ? null : nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY);
            case WASHINGTONS_BIRTHDAY -> nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY);
            case MEMORIAL_DAY -> LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
            case JUNETEENTH -> year < 2021 ? null : LocalDate.of(year, Month.JUNE, 19);
            case INDEPENDENCE_DAY -> LocalDate.of(year, Month.JULY, 4);
            case LABOR_DAY -> nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY);
            case COLUMBUS_DAY -> nth(year, Month.OCTOBER, 2, DayOfWeek.MONDAY);
            case VETERANS_DAY -> LocalDate.of(year, Month.NOVEMBER, 11);
            case THANKSGIVING_DAY -> nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY);
            case CHRISTMAS_DAY -> LocalDate.of(year, Month.DECEMBER, 25);
        };
    }

    private static LocalDate nth(int year, Month month, int ordinal, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
    }
}
