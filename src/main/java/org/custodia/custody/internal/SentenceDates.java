package org.custodia.custody.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.custodia.common.FieldProblem;
import org.custodia.custody.AdmissionCommand.Conviction;
import org.custodia.sentence.SentenceCalculation;
import org.custodia.sentence.SentenceRequest.Forfeiture;

/**
 * A prisoner's dates as the sentence module computes them from the convictions of the file and the forfeitures of
 * its disciplinary entries.
 *
 * @param sentenceStartDate the earliest start of the convictions
 * @param goodConductTimeDays the credit counted, after forfeitures
 * @param gctForfeitedDays taken away by disciplinary sanctions recorded in the file
 */
public record SentenceDates(String regime, boolean life, LocalDate sentenceStartDate, LocalDate fullTermDate,
                     int goodConductTimeDays, int gctForfeitedDays, LocalDate projectedReleaseDate,
                     LocalDate releaseDate, List<SentenceCalculation.Step> breakdown, List<Forfeiture> forfeitures) {

    /** What the calculation needs from the file. */
    record Input(String regime, List<Conviction> convictions, int gctDaysPerYear, List<Forfeiture> forfeitures,
                 Locale locale) {
    }

    /** The adapter to the sentence module ({@link SentenceModuleAdapter}). */
    interface Calculator {

        SentenceDates compute(Input input);

        /** The regimes the sentence module knows, e.g. US_FEDERAL_FSA. */
        java.util.Set<String> regimes();

        /** Every problem of the input, named as the fields of the admission (convictions[0].sentence.years, ...). */
        List<FieldProblem> problems(Input input);
    }
}
