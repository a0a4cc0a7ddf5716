package org.custodia.referral.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodia.agreement.Agreement;
import org.custodia.referral.Conviction;
import org.custodia.referral.Dossier;

/**
 * What every rule check reads: the dossier, the agreement, the day the policy is evaluated as of (today at
 * submission and decision; a past day, such as an admission date, when a dossier is judged as it stood then), who
 * is already referred or in custody, and the referral itself (so that DUPLICATE_PERSON does not find it; null when
 * new).
 */
record EvaluationContext(Dossier dossier, Agreement agreement, LocalDate asOf, IdentityRegistry registry, UUID self) {

    EvaluationContext {
        registry = registry == null ? IdentityRegistry.empty() : registry;
    }

    /** The convictions final on the day of evaluation: the only ones that count. */
    List<Conviction> finalConvictions() {
        return dossier.convictions().stream().filter(c -> c.isFinalOn(asOf)).toList();
    }
}
