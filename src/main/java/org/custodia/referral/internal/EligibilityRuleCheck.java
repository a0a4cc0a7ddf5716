package org.custodia.referral.internal;

import org.custodia.agreement.RuleParameters;
import org.custodia.agreement.RuleType;
import org.custodia.referral.Finding;

/**
 * One eligibility rule: the code it answers for, the type of its parameters, and the finding it gives. A check is
 * pure (no database, no clock): everything it reads is in the {@link EvaluationContext}.
 *
 * @param <P> the rule type's parameters
 */
interface EligibilityRuleCheck<P extends RuleParameters> {

    RuleType type();

    Class<P> parametersType();

    Finding evaluate(EvaluationContext context, P parameters);

    /** Whether the rule has anything to say about this dossier; a rule that does not gives no finding. */
    default boolean appliesTo(EvaluationContext context) {
        return true;
    }
}
