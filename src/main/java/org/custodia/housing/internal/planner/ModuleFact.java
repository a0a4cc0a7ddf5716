package org.custodia.housing.internal.planner;

import java.util.Set;

/** A top-level unit as the planner sees it: the affiliations its pinned population already holds. */
public final class ModuleFact {

    private final String code;
    private final Set<String> pinnedAffiliations;

    public ModuleFact(String code, Set<String> pinnedAffiliations) {
        this.code = code;
        this.pinnedAffiliations = Set.copyOf(pinnedAffiliations);
    }

    public String getCode() {
        return code;
    }

    public Set<String> getPinnedAffiliations() {
        return pinnedAffiliations;
    }

    @Override
    public String toString() {
        return code;
    }
}
