package org.custodia.referral.internal;

import org.custodia.agreement.RuleParameters;
import org.custodia.agreement.RuleType;
import org.custodia.referral.Consent;
import org.custodia.referral.Finding;
import org.custodia.referral.Finding.Outcome;

/** CONSENT_REQUIRED: the person consented; refused, not asked or not stated fails. */
final class ConsentCheck implements EligibilityRuleCheck<RuleParameters.None> {

    static final RuleType TYPE = RuleType.CONSENT_REQUIRED;

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
        Consent consent = ctx.dossier().consent();
        var ev = Evidence.of("consent", consent == null ? null : consent.name());
        if (consent == null) {
            return Evidence.finding(TYPE, Outcome.FAIL, "missing", ev);
        }
        return Evidence.finding(TYPE, consent == Consent.GIVEN ? Outcome.PASS : Outcome.FAIL, consent.name(), ev);
    }
}
