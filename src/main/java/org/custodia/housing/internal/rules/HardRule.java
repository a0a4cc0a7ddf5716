package org.custodia.housing.internal.rules;

import java.util.List;

/**
 * A rule that can never be broken. Each is one class, and the same class answers a cell move, the planner's
 * constraints (through its predicate) and the explanation of a refusal.
 */
public interface HardRule {

    /** Every breach of this rule by the placement; empty when the rule holds. */
    List<Breach> check(Placement placement);

    /** The rules, in the order a refusal lists them. */
    static List<HardRule> all() {
        return List.of(new CapacityRule(), new RivalAffiliationRule(), new KeepApartRule(), new SecurityLevelRule(),
                new CategoryRule(), new NeedsRule());
    }
}
