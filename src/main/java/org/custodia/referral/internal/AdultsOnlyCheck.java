package org.custodia.referral.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import org.custodia.agreement.RuleParameters;
import org.custodia.agreement.RuleType;
import org.custodia.referral.Finding;
import org.custodia.referral.Finding.Outcome;

/** ADULTS_ONLY: aged at least {@code minimumAge} on the day of evaluation. */
final class AdultsOnlyCheck implements EligibilityRuleCheck<RuleParameters.MinimumAge> {

    static final RuleType TYPE = RuleType.ADULTS_ONLY;

    @Override
    public RuleType type() {
        return TYPE;
    }

    @Override
    public Class<RuleParameters.MinimumAge> parametersType() {
        return RuleParameters.MinimumAge.class;
    }

    @Override
    public Finding evaluate(EvaluationContext ctx, RuleParameters.MinimumAge parameters) {
        int minimumAge = parameters.minimumAge();
        LocalDate born = ctx.dossier().person().dateOfBirth();
        LocalDate on = ctx.asOf();
        int age = born.isAfter(on) ? 0 : Period.between(born, on).getYears();
        Map<String, Object> ev = Evidence.of("dateOfBirth", born.toString(), "ageOnEvaluationDate", age,
                "minimumAge", minimumAge, "evaluatedOn", on.toString());
        if (!born.isAfter(on) && age >= minimumAge) {
            return Evidence.finding(TYPE, Outcome.PASS, "pass", ev, age, on.toString(), minimumAge);
        }
        return Evidence.finding(TYPE, Outcome.FAIL, "fail", ev, age, on.toString(), minimumAge,
                born.plusYears(minimumAge).toString());
    }
}
