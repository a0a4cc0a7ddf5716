package org.custodia.referral.internal;

import java.util.List;
import java.util.Map;
import org.custodia.agreement.RuleParameters;
import org.custodia.agreement.RuleType;
import org.custodia.referral.Finding;
import org.custodia.referral.Finding.Outcome;

/** NATIONALITY_ALLOWED: at least one of the person's nationalities is among those allowed. */
final class NationalityAllowedCheck implements EligibilityRuleCheck<RuleParameters.Nationalities> {

    static final RuleType TYPE = RuleType.NATIONALITY_ALLOWED;

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
        Map<String, Object> ev = Evidence.of("nationalities", nationalities, "allowed", parameters.nationalities());
        return matching.isEmpty()
                ? Evidence.finding(TYPE, Outcome.FAIL, "fail", ev, nationalities, parameters.nationalities())
                : Evidence.finding(TYPE, Outcome.PASS, "pass", ev, matching);
    }
}
