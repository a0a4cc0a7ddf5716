package org.custodia.referral.internal;

import java.util.List;
import java.util.Map;
import org.custodia.agreement.RuleParameters;
import org.custodia.agreement.RuleType;
import org.custodia.referral.Finding;
import org.custodia.referral.Finding.Outcome;

/** NATIONALITY_EXCLUDED: none of the person's nationalities is among those excluded. */
final class NationalityExcludedCheck implements EligibilityRuleCheck<RuleParameters.Nationalities> {

    static final RuleType TYPE = RuleType.NATIONALITY_EXCLUDED;

    @Override
    public RuleType type() {
        return TYPE;
    }

    @Override
    public Class<RuleParameters.Nationalities> parametersType() {
        return RuleParameters.Nationalities.class;
    }

    @Override
    public Finding evaluate(EvaluationContext ctx, RuleParameters.Nationalities parameters) {
        List<String> nationalities = ctx.dossier().person().nationalities();
        List<String> matching = nationalities.stream().filter(parameters.nationalities()::contains).toList();
        Map<String, Object> ev = Evidence.of("nationalities", nationalities, "excluded", parameters.nationalities());
        return matching.isEmpty()
                ? Evidence.finding(TYPE, Outcome.PASS, "pass", ev)
                : Evidence.finding(TYPE, Outcome.FAIL, "fail", ev, matching);
    }
}
