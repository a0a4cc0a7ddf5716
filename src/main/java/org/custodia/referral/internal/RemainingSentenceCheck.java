package org.custodia.referral.internal;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.RuleParameters;
import org.custodia.agreement.RuleType;
import org.custodia.referral.Conviction;
import org.custodia.referral.Finding;
import org.custodia.referral.Finding.Outcome;

/**
 * MIN_REMAINING_SENTENCE_DAYS: at least {@code days} left between the day of evaluation and the release date of the
 * final convictions under the agreement's sentence regime; a life sentence is indeterminate and passes.
 */
final class RemainingSentenceCheck implements EligibilityRuleCheck<RuleParameters.MinimumRemainingSentence> {

    static final RuleType TYPE = RuleType.MIN_REMAINING_SENTENCE_DAYS;

    private final ReleaseDateEstimator estimator;

    RemainingSentenceCheck(ReleaseDateEstimator estimator) {
        this.estimator = estimator;
    }

    @Override
    public RuleType type() {
        return TYPE;
    }

    @Override
    public Class<RuleParameters.MinimumRemainingSentence> parametersType() {
        return RuleParameters.MinimumRemainingSentence.class;
    }

    @Override
    public Finding evaluate(EvaluationContext ctx, RuleParameters.MinimumRemainingSentence parameters) {
        int days = parameters.days();
        String asOf = ctx.asOf().toString();
        List<Conviction> finals = ctx.finalConvictions();
        if (finals.isEmpty()) {
            return Evidence.finding(TYPE, Outcome.FAIL, "noFinal", Evidence.of("requiredDays", days, "evaluatedOn", asOf),
                    asOf);
        }
        Agreement agreement = ctx.agreement();
        ReleaseDateEstimator.Estimate estimate = estimator.estimate(finals, agreement.sentenceRegime(),
                agreement.gctDaysPerYear());
        Map<String, Object> ev = Evidence.of("requiredDays", days, "evaluatedOn", asOf,
                "regime", agreement.sentenceRegime(), "gctDaysPerYear", agreement.gctDaysPerYear(),
                "basis", estimate.basis());
        if (estimate.indeterminate()) {
            ev.put("releaseDate", null);
            return Evidence.finding(TYPE, Outcome.PASS, "life", ev);
        }
        if (estimate.releaseDate() == null) {
            return Evidence.finding(TYPE, Outcome.FAIL, "uncomputable", ev);
        }
        long remaining = ChronoUnit.DAYS.between(ctx.asOf(), estimate.releaseDate());
        ev.put("releaseDate", estimate.releaseDate().toString());
        ev.put("remainingDays", remaining);
        return Evidence.finding(TYPE, remaining >= days ? Outcome.PASS : Outcome.FAIL, remaining >= days ? "pass" : "fail",
                ev, remaining, estimate.releaseDate().toString(), days);
    }
}
