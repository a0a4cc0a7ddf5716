package org.custodia.sentence;

import java.time.LocalDate;
import java.util.List;

/**
 * The computed dates. For several computations (concurrent terms) the latest release governs and these fields are
 * those of the governing one. For a life sentence every date is {@code null} and {@code life} is true.
 *
 * @param regime the regime applied
 * @param language {@code en} or {@code es}: the language of the breakdown
 * @param life true when a life term governs: no dates are computed
 * @param fullTermDate start + term imposed - 1 day - jail credit
 * @param goodConductTimeDays the good conduct time counted, after forfeitures
 * @param forfeitedGoodConductTimeDays good conduct time taken away by disciplinary sanctions
 * @param projectedReleaseDate full term date - good conduct time
 * @param releaseDate the day the person may be released: the projected release date, moved back under the
 *                    regime's rules (for {@code US_FEDERAL_FSA}: off weekends and federal holidays)
 * @param breakdown the numbered steps that lead to these dates
 */
public record SentenceCalculation(String regime, String language, boolean life, LocalDate fullTermDate,
                                  int goodConductTimeDays, int forfeitedGoodConductTimeDays,
                                  LocalDate projectedReleaseDate, LocalDate releaseDate, List<Step> breakdown) {

    public SentenceCalculation {
        breakdown = List.copyOf(breakdown);
    }

    /**
     * One step of the computation.
     *
     * @param step its number, from 1
     * @param code a stable code for the kind of step, for example {@code FULL_TERM_DATE}
     * @param description the step in words, in the requested language
     * @param value the number the step arrives at (days, years), if any
     * @param date the date the step arrives at, if any
     */
    public record Step(int step, String code, String description, Integer value, LocalDate date) {
    }
}
