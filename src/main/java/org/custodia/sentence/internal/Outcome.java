package org.custodia.sentence.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.custodia.sentence.SentenceCalculation;

/**
 * What one computation (one {@link TermGroup}) arrives at. Dates are {@code null} for life.
 */
record Outcome(int computation, boolean life, LocalDate fullTermDate, int goodConductTimeDays, int forfeitedDays,
               LocalDate projectedReleaseDate, LocalDate releaseDate) {

    static Outcome life(int computation) {
        return new Outcome(computation, true, null, 0, 0, null, null);
    }

    /**
     * The outcome that governs: a life term if there is one, otherwise the latest release (then the latest
     * projected release and full term date). With more than one computation a step says which governs.
     */
    static Outcome governing(List<Outcome> outcomes, Breakdown breakdown) {
        Outcome governing = outcomes.stream().filter(Outcome::life).findFirst()
                .orElseGet(() -> outcomes.stream().max(Comparator.comparing(Outcome::releaseDate)
                        .thenComparing(Outcome::projectedReleaseDate)
                        .thenComparing(Outcome::fullTermDate)).orElseThrow());
        if (outcomes.size() > 1) {
            if (governing.life()) {
                breakdown.add("GOVERNING_LIFE", null, null, governing.computation());
            } else {
                breakdown.add("GOVERNING_RELEASE", null, governing.releaseDate(),
                        governing.computation(), Breakdown.date(governing.releaseDate()));
            }
        }
        return governing;
    }

    SentenceCalculation toCalculation(String regime, Breakdown breakdown) {
        return new SentenceCalculation(regime, breakdown.language().tag(), life, fullTermDate, goodConductTimeDays,
                forfeitedDays, projectedReleaseDate, releaseDate, breakdown.steps());
    }
}
