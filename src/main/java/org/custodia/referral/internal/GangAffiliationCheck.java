package org.custodia.referral.internal;

import org.custodia.agreement.RuleParameters;
import org.custodia.agreement.RuleType;
import org.custodia.referral.Finding;
import org.custodia.referral.Finding.Outcome;
import org.custodia.referral.GangAffiliation;

/**
 * GANG_AFFILIATION_EVIDENCE, advisory and for every agreement: a claimed affiliation (other than NONE) verified by a
 * named source passes; asserted without verification it is a WARN for the reviewer. It never fails.
 */
final class GangAffiliationCheck implements EligibilityRuleCheck<RuleParameters.None> {

    static final RuleType TYPE = RuleType.GANG_AFFILIATION_EVIDENCE;

    @Override
    public RuleType type() {
        return TYPE;
    }

    @Override
    public Class<RuleParameters.None> parametersType() {
        return RuleParameters.None.class;
    }

    @Override
    public boolean appliesTo(EvaluationContext ctx) {
        GangAffiliation a = ctx.dossier().gangAffiliation();
        return a != null && a.group() != null && a.group() != GangAffiliation.Group.NONE;
    }

    @Override
    public Finding evaluate(EvaluationContext ctx, RuleParameters.None parameters) {
        GangAffiliation a = ctx.dossier().gangAffiliation();
        Object group = a.group() == GangAffiliation.Group.OTHER && a.text() != null ? a.text()
                : Finding.term("eligibility.term.group." + a.group().name());
        var ev = Evidence.of("group", a.group().name(), "text", a.text(), "source", a.source(), "verified", a.verified());
        boolean sourced = a.source() != null && !a.source().isBlank();
        if (sourced && Boolean.TRUE.equals(a.verified())) {
            return Evidence.finding(TYPE, Outcome.PASS, "verified", ev, group, a.source());
        }
        return sourced
                ? Evidence.finding(TYPE, Outcome.WARN, "unverified", ev, group, a.source())
                : Evidence.finding(TYPE, Outcome.WARN, "unsourced", ev, group);
    }
}
