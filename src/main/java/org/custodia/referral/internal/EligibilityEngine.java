package org.custodia.referral.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.agreement.EligibilityRule;
import org.custodia.agreement.RuleParameters;
import org.custodia.agreement.RuleType;
import org.custodia.referral.Eligibility;
import org.custodia.referral.Finding;

/**
 * Evaluates an agreement's eligibility policy against a dossier as of a day: every rule the policy lists, in its
 * order, then every rule that applies to every agreement and is not listed (DUPLICATE_PERSON,
 * GANG_AFFILIATION_EVIDENCE) with its defaults. Each rule is one {@link EligibilityRuleCheck}; this class only
 * collects them. Any FAIL makes the referral ineligible. Pure: no database, no clock, no Spring.
 */
final class EligibilityEngine {

    static final String UNKNOWN_RULE = "eligibility.UNKNOWN_RULE";

    private final Map<RuleType, EligibilityRuleCheck<?>> checks = new EnumMap<>(RuleType.class);

    EligibilityEngine(List<EligibilityRuleCheck<?>> checks) {
        for (EligibilityRuleCheck<?> check : checks) {
            if (this.checks.put(check.type(), check) != null) {
                throw new IllegalStateException("Two checks for " + check.type());
            }
        }
        Set<RuleType> missing = EnumSet.allOf(RuleType.class);
        missing.removeAll(this.checks.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No check for " + missing);
        }
    }

    /** The engine with one check per rule type: the one list of checks. */
    static EligibilityEngine standard(ReleaseDateEstimator estimator) {
        return new EligibilityEngine(List.of(new FinalConvictionCheck(), new CommitmentOrderCheck(),
                new RemainingSentenceCheck(estimator), new AdultsOnlyCheck(), new SexOfFacilityCheck(),
                new NationalityAllowedCheck(), new NationalityExcludedCheck(), new ConsentCheck(), new FitToTravelCheck(),
                new ExcludedOffencesCheck(), new DuplicatePersonCheck(), new GangAffiliationCheck()));
    }

    Eligibility evaluate(EvaluationContext context) {
        List<Finding> findings = new ArrayList<>();
        Set<RuleType> listed = EnumSet.noneOf(RuleType.class);
        for (EligibilityRule rule : context.agreement().eligibilityPolicy().rules()) {
            RuleType type = rule.ruleType().orElse(null);
            if (type == null) {
                findings.add(Finding.of(rule.rule(), Finding.Outcome.FAIL, UNKNOWN_RULE, List.of(rule.rule()), Map.of()));
                continue;
            }
            listed.add(type);
            evaluate(checks.get(type), context, rule.typedParameters(), findings);
        }
        for (RuleType type : RuleType.values()) {
            if (type.appliesToEveryAgreement() && !listed.contains(type)) {
                evaluate(checks.get(type), context, type.defaults(), findings);
            }
        }
        return Eligibility.of(context.asOf(), findings);
    }

    private static <P extends RuleParameters> void evaluate(EligibilityRuleCheck<P> check, EvaluationContext context,
                                                            RuleParameters parameters, List<Finding> findings) {
        if (check.appliesTo(context)) {
            findings.add(check.evaluate(context, check.parametersType().cast(parameters)));
        }
    }
}
