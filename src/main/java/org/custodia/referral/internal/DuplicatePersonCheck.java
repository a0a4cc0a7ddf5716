package org.custodia.referral.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.agreement.RuleParameters;
import org.custodia.agreement.RuleType;
import org.custodia.referral.Finding;
import org.custodia.referral.Finding.Outcome;

/**
 * DUPLICATE_PERSON, for every agreement: no identity document (type, number, issuing country) or biometric
 * reference of the person is carried by another referral in progress or in custody. Nothing to compare is a WARN.
 */
final class DuplicatePersonCheck implements EligibilityRuleCheck<RuleParameters.None> {

    static final RuleType TYPE = RuleType.DUPLICATE_PERSON;

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
        Set<String> keys = IdentityKeys.of(ctx.dossier().person());
        if (keys.isEmpty()) {
            return Evidence.finding(TYPE, Outcome.WARN, "nothingToCompare", Evidence.of("compared", List.of()));
        }
        List<IdentityRegistry.Holder> holders = ctx.registry().holders(keys, ctx.self());
        if (holders.isEmpty()) {
            return Evidence.finding(TYPE, Outcome.PASS, "pass",
                    Evidence.of("compared", keys.stream().map(IdentityKeys::describe).toList()));
        }
        List<Map<String, Object>> matches = new ArrayList<>();
        List<Object> described = new ArrayList<>();
        for (IdentityRegistry.Holder h : holders) {
            matches.add(Evidence.of("referralId", h.referralId() == null ? null : h.referralId().toString(),
                    "externalReference", h.externalReference(), "agreementCode", h.agreementCode(),
                    "status", h.status().name(), "matchedOn", IdentityKeys.describe(h.key())));
            described.add(Finding.term("eligibility.term.duplicate", h.externalReference(), h.status().name(),
                    IdentityKeys.describe(h.key())));
        }
        return Evidence.finding(TYPE, Outcome.FAIL, "fail", Evidence.of("matches", matches), described);
    }
}
