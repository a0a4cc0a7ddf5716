package org.custodia.referral.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custodia.agreement.RuleParameters;
import org.custodia.agreement.RuleType;
import org.custodia.referral.Conviction;
import org.custodia.referral.Finding;
import org.custodia.referral.Finding.Outcome;

/**
 * EXCLUDED_OFFENCES: no offence of any conviction has a statute code that starts with an excluded one (compared
 * without regard to case and runs of spaces).
 */
final class ExcludedOffencesCheck implements EligibilityRuleCheck<RuleParameters.OffenceCodes> {

    static final RuleType TYPE = RuleType.EXCLUDED_OFFENCES;

    @Override
    public RuleType type() {
        return TYPE;
    }

    @Override
    public Class<RuleParameters.OffenceCodes> parametersType() {
        return RuleParameters.OffenceCodes.class;
    }

    @Override
    public Finding evaluate(EvaluationContext ctx, RuleParameters.OffenceCodes parameters) {
        List<String> prefixes = parameters.offenceCodes().stream().map(ExcludedOffencesCheck::normalize)
                .filter(c -> !c.isEmpty()).toList();
        List<String> matches = new ArrayList<>();
        for (Conviction c : ctx.dossier().convictions()) {
            for (Conviction.Offence o : c.offences()) {
                String code = normalize(o.code());
                for (String prefix : prefixes) {
                    if (code.startsWith(prefix)) {
                        matches.add(o.code() + " (" + prefix + ", " + c.caseNumber() + ")");
                    }
                }
            }
        }
        var ev = Evidence.of("excludedCodes", parameters.offenceCodes(), "matches", matches);
        return matches.isEmpty()
                ? Evidence.finding(TYPE, Outcome.PASS, "pass", ev)
                : Evidence.finding(TYPE, Outcome.FAIL, "fail", ev, matches);
    }

    static String normalize(String code) {
        return code == null ? "" : code.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
