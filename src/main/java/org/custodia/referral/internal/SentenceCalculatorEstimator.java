package org.custodia.referral.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custodia.common.ApiException;
import org.custodia.referral.Conviction;
import org.custodia.sentence.SentenceCalculation;
import org.custodia.sentence.SentenceCalculator;
import org.custodia.sentence.SentenceRequest;

/**
 * The release date from the sentence module: the convictions become terms in the order the dossier lists them (a
 * CONSECUTIVE one runs after the term listed before it, a CONCURRENT one from its own start date; the first one's
 * relation is not used), under the agreement's regime and good conduct time rate. The latest release governs; a
 * life term makes it indeterminate.
 */
final class SentenceCalculatorEstimator implements ReleaseDateEstimator {

    private final SentenceCalculator calculator;

    SentenceCalculatorEstimator(SentenceCalculator calculator) {
        this.calculator = calculator;
    }

    @Override
    public Estimate estimate(List<Conviction> convictions, String regime, int gctDaysPerYear) {
        List<SentenceRequest.Sentence> terms = new ArrayList<>();
        for (Conviction c : convictions) {
            Conviction.Sentence s = c.sentence();
            SentenceRequest.Term term = s.life() ? SentenceRequest.Term.lifeTerm()
                    : SentenceRequest.Term.of(s.years(), s.months(), s.days());
            terms.add(new SentenceRequest.Sentence(c.sentenceStartDate(), term, s.life() ? 0 : c.jailCreditDays(),
                    terms.isEmpty() ? null : SentenceRequest.Relation.valueOf(c.relation().name())));
        }
        if (terms.isEmpty()) {
            return new Estimate(false, null, "no term to compute");
        }
        SentenceRequest request = new SentenceRequest(regime, terms, gctDaysPerYear, List.of(), Locale.ENGLISH);
        SentenceCalculation calculation;
        try {
            calculation = calculator.calculate(request);
        } catch (ApiException e) {
            return new Estimate(false, null, "cannot be computed: " + e.errors().stream()
                    .map(p -> p.field() + " " + p.message()).toList());
        }
        if (calculation.life()) {
            return Estimate.life("life term under " + calculation.regime());
        }
        LocalDate release = calculation.releaseDate();
        return new Estimate(false, release, calculation.regime() + ": full term " + calculation.fullTermDate()
                + ", good conduct time " + calculation.goodConductTimeDays() + " days, projected release "
                + calculation.projectedReleaseDate() + ", release " + release);
    }
}
