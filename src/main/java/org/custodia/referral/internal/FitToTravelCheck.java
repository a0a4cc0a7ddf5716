package org.custodia.referral.internal;

import java.util.List;
import org.custodia.agreement.RuleParameters;
import org.custodia.agreement.RuleType;
import org.custodia.referral.Finding;
import org.custodia.referral.Finding.Outcome;
import org.custodia.referral.Medical;

/** FIT_TO_TRAVEL: the sending state declared the person fit to travel; not fit, or no assessment, fails. */
final class FitToTravelCheck implements EligibilityRuleCheck<RuleParameters.None> {

    static final RuleType TYPE = RuleType.FIT_TO_TRAVEL;

    @Override
    public RuleType type() {
        return TYPE;
    }

    @Override
    public Class<RuleParameters.None> parametersType() {
        return RuleParameters.None.class;
    }

    @Override
    public Finding evaluate(EvaluationContext ctx, RuleParameters.None parameters) {
        Medical medical = ctx.dossier().medical();
        Boolean fit = medical == null ? null : medical.fitToTravel();
        var ev = Evidence.of("fitToTravel", fit, "conditions", medical == null ? List.of() : medical.conditions());
        if (fit == null) {
            return Evidence.finding(TYPE, Outcome.FAIL, "missing", ev);
        }
        return fit ? Evidence.finding(TYPE, Outcome.PASS, "pass", ev) : Evidence.finding(TYPE, Outcome.FAIL, "fail", ev);
    }
}
