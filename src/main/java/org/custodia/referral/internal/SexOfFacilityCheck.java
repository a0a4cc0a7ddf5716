package org.custodia.referral.internal;

import java.util.Map;
import org.custodia.agreement.RuleParameters;
import org.custodia.agreement.RuleType;
import org.custodia.referral.Finding;
import org.custodia.referral.Finding.Outcome;

/** SEX_OF_FACILITY: the person's sex is the one the facility holds (MIXED or none given holds both). */
final class SexOfFacilityCheck implements EligibilityRuleCheck<RuleParameters.FacilitySex> {

    static final RuleType TYPE = RuleType.SEX_OF_FACILITY;

    @Override
    public RuleType type() {
        return TYPE;
    }

    @Override
    public Class<RuleParameters.FacilitySex> parametersType() {
        return RuleParameters.FacilitySex.class;
    }

    @Override
    public Finding evaluate(EvaluationContext ctx, RuleParameters.FacilitySex parameters) {
        String sex = ctx.dossier().person().sex().name();
        String facility = parameters.sex().equals("MALE") || parameters.sex().equals("FEMALE") ? parameters.sex() : "MIXED";
        Map<String, Object> ev = Evidence.of("sex", sex, "facilitySex", parameters.sex());
        Object holds = Finding.term("eligibility.term.facility." + facility);
        Object person = Finding.term("eligibility.term.person." + sex);
        return parameters.admits(sex)
                ? Evidence.finding(TYPE, Outcome.PASS, "pass", ev, holds, person)
                : Evidence.finding(TYPE, Outcome.FAIL, "fail", ev, holds, person);
    }
}
