package org.custodia.referral.internal;

import java.time.LocalDate;
import java.util.List;
import org.custodia.referral.Conviction;

/**
 * The governing release date of a set of convictions under an agreement's sentence regime. The eligibility engine
 * needs only this; the adapter behind it is the one place that knows who computes it.
 */
interface ReleaseDateEstimator {

    /**
     * @param convictions the convictions that count (the final ones), in any order
     * @param regime the agreement's sentence regime, e.g. {@code US_FEDERAL_FSA} or {@code NO_CREDITS}
     * @param gctDaysPerYear good conduct time per year of the term imposed (54, 42 or 0)
     */
    Estimate estimate(List<Conviction> convictions, String regime, int gctDaysPerYear);

    /**
     * @param indeterminate a life sentence: there is no release date
     * @param releaseDate the date the person would be released, or {@code null} when indeterminate
     * @param basis how it was reached, for the finding's evidence
     */
    record Estimate(boolean indeterminate, LocalDate releaseDate, String basis) {

        static Estimate life(String basis) {
            return new Estimate(true, null, basis);
        }
    }
}
