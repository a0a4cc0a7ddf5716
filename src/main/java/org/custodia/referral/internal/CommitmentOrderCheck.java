package org.custodia.referral.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodia.agreement.RuleParameters;
import org.custodia.agreement.RuleType;
import org.custodia.referral.CommitmentOrder;
import org.custodia.referral.Finding;
import org.custodia.referral.Finding.Outcome;

/** COMMITMENT_ORDER_REQUIRED: an order with its reference, issuing authority and date, issued no later than the day. */
final class CommitmentOrderCheck implements EligibilityRuleCheck<RuleParameters.None> {

    static final RuleType TYPE = RuleType.COMMITMENT_ORDER_REQUIRED;

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
        CommitmentOrder order = ctx.dossier().commitmentOrder();
        if (order == null) {
            return Evidence.finding(TYPE, Outcome.FAIL, "missing", Evidence.of("commitmentOrder", null));
        }
        Map<String, Object> ev = Evidence.of("reference", order.reference(), "issuingAuthority", order.issuingAuthority(),
                "issuedOn", order.issuedOn() == null ? null : order.issuedOn().toString());
        List<Object> missing = new ArrayList<>();
        if (order.reference() == null) {
            missing.add(Finding.term("eligibility.term.order.reference"));
        }
        if (order.issuingAuthority() == null) {
            missing.add(Finding.term("eligibility.term.order.issuingAuthority"));
        }
        if (order.issuedOn() == null) {
            missing.add(Finding.term("eligibility.term.order.issuedOn"));
        }
        if (!missing.isEmpty()) {
            return Evidence.finding(TYPE, Outcome.FAIL, "incomplete", ev, missing);
        }
        if (order.issuedOn().isAfter(ctx.asOf())) {
            return Evidence.finding(TYPE, Outcome.FAIL, "future", ev, order.issuedOn().toString(), ctx.asOf().toString());
        }
        return Evidence.finding(TYPE, Outcome.PASS, "pass", ev, order.reference(), order.issuingAuthority(),
                order.issuedOn().toString());
    }
}
