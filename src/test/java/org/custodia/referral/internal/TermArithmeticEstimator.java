package org.custodia.referral.internal;

import java.util.List;
import org.custodia.referral.Conviction;

/**
 * A stand-in for the sentence module in the engine's unit test: each term ends on start + term − 1 day − jail
 * credit, the latest governs, life is indeterminate; no credits, no aggregation, no weekends. The day counts of the
 * engine's boundaries are then exact; the real computation is tested through {@link SentenceCalculatorEstimator}.
 */
final class TermArithmeticEstimator implements ReleaseDateEstimator {

    @Override
    public Estimate estimate(List<Conviction> convictions, String regime, int gctDaysPerYear) {
        if (convictions.stream().anyMatch(c -> c.sentence().life())) {
            return Estimate.life("life");
        }
        return convictions.stream()
                .map(c -> c.sentenceStartDate().plusYears(c.sentence().years()).plusMonths(c.sentence().months())
                        .plusDays(c.sentence().days()).minusDays(1).minusDays(c.jailCreditDays()))
                .max(java.util.Comparator.naturalOrder())
                .map(release -> new Estimate(false, release, "term arithmetic"))
                .orElse(new Estimate(false, null, "no term"));
    }
}
