package org.custodia.custody.internal;

import java.time.LocalDate;
import java.util.List;
import org.custodia.custody.AdmissionCommand.Conviction;

/**
 * The release dates of a prisoner, computed from the convictions of the file.
 *
 * @param life a life sentence: no full term, no release date
 * @param goodConductTimeDays the credit the term can earn before forfeitures
 * @param gctForfeitedDays forfeited by disciplinary sanctions recorded in the file
 * @param projectedReleaseDate full term date minus the credit kept
 * @param releaseDate the projected date moved to the last preceding weekday where the rules allow it
 * @param breakdown the steps, in order, as a person would check them
 */
record SentenceDates(String regime, boolean life, LocalDate sentenceStartDate, LocalDate fullTermDate,
                     int goodConductTimeDays, int gctForfeitedDays, LocalDate projectedReleaseDate,
                     LocalDate releaseDate, List<String> breakdown) {

    /** What the calculation needs from the file. */
    record Input(String regime, List<Conviction> convictions, int gctDaysPerYear, int gctForfeitedDays) {
    }

    /** The adapter to the sentence module (see {@link SentenceModuleAdapter}). */
    interface Calculator {
        SentenceDates compute(Input input);
    }
}
