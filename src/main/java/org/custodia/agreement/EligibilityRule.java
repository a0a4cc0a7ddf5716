package org.custodia.agreement;

import java.util.Map;
import java.util.Optional;

/**
 * One rule of an agreement's eligibility policy as stored and published, with its parameters (for example
 * {@code MIN_REMAINING_SENTENCE_DAYS {"days": 180}}); {@link #ruleType()} and {@link #typedParameters()} read them.
 */
public record EligibilityRule(String rule, Map<String, Object> parameters) {

    public EligibilityRule {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** The rule type, empty when the stored name is not one (a policy written by a newer version). */
    public Optional<RuleType> ruleType() {
        return RuleType.find(rule);
    }

    /** The parameters as the rule type's record, defaults filled in; {@code None} for an unknown rule. */
    public RuleParameters typedParameters() {
        return ruleType().map(t -> t.parameters(parameters)).orElse(RuleParameters.None.INSTANCE);
    }
}
