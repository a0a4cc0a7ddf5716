package org.custodia.referral.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.agreement.RuleParameters;
import org.custodia.agreement.RuleType;
import org.custodia.referral.Conviction;
import org.custodia.referral.Finding;
import org.custodia.referral.Finding.Outcome;

/**
 * FINAL_CONVICTION_REQUIRED: at least one judgment final (declared final, and final since a day no later than the
 * day of evaluation). No conviction at all is a FAIL whose evidence says none was submitted; some final and some not
 * is a WARN (only the final ones count).
 */
final class FinalConvictionCheck implements EligibilityRuleCheck<RuleParameters.None> {

    static final RuleType TYPE = RuleType.FINAL_CONVICTION_REQUIRED;
    static final String NO_CONVICTION_SUBMITTED = "NO_CONVICTION_SUBMITTED";

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
        List<Conviction> convictions = ctx.dossier().convictions();
        String asOf = ctx.asOf().toString();
        if (convictions.isEmpty()) {
            return Evidence.finding(TYPE, Outcome.FAIL, "none", Evidence.of("evaluatedOn", asOf,
                    "convictionsSubmitted", 0, "reason", NO_CONVICTION_SUBMITTED, "convictions", List.of()));
        }
        List<Map<String, Object>> evidence = new ArrayList<>();
        List<String> finals = new ArrayList<>();
        List<String> notFinal = new ArrayList<>();
        List<String> later = new ArrayList<>();
        for (Conviction c : convictions) {
            boolean isFinal = c.isFinalOn(ctx.asOf());
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("caseNumber", c.caseNumber());
            e.put("judgmentFinal", c.judgmentFinal());
            e.put("finalSince", c.finalSince() == null ? null : c.finalSince().toString());
            e.put("finalOnEvaluationDate", isFinal);
            evidence.add(e);
            (isFinal ? finals : notFinal).add(c.caseNumber());
            if (c.judgmentFinal() && c.finalSince() != null && c.finalSince().isAfter(ctx.asOf())) {
                later.add(c.caseNumber() + " (" + c.finalSince() + ")");
            }
        }
        Map<String, Object> ev = Evidence.of("evaluatedOn", asOf, "convictionsSubmitted", convictions.size(),
                "convictions", evidence);
        if (finals.isEmpty()) {
            return later.isEmpty()
                    ? Evidence.finding(TYPE, Outcome.FAIL, "notFinal", ev, asOf)
                    : Evidence.finding(TYPE, Outcome.FAIL, "finalLater", ev, asOf, later);
        }
        if (notFinal.isEmpty()) {
            return Evidence.finding(TYPE, Outcome.PASS, "pass", ev, finals.size(), finals);
        }
        return Evidence.finding(TYPE, Outcome.WARN, "partial", ev, finals.size(), convictions.size(), asOf, notFinal);
    }
}
