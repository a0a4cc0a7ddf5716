package org.custodia.housing.internal.planner;

import java.util.Set;
import org.custodia.facility.CellAttribute;
import org.custodia.facility.SecurityLevel;
import org.custodia.housing.internal.rules.Category;

/**
 * A cell as the planner sees it: the housed population is pinned and kept as counts and sets (how many, which
 * affiliations, which Rule 11 categories), so that only the arrivals are planning entities.
 */
public final class CellSlot {

    private final String code;
    private final ModuleFact module;
    private final int capacity;
    private final int certified;
    private final int pinned;
    private final Set<String> pinnedAffiliations;
    private final Set<Category> pinnedCategories;
    private final SecurityLevel securityLevel;
    private final Set<CellAttribute> attributes;
    private final String facilitySex;
    private int balancedLevel;

    public CellSlot(String code, ModuleFact module, int capacity, int certified, int pinned, Set<String> pinnedAffiliations,
                    Set<Category> pinnedCategories, SecurityLevel securityLevel, Set<CellAttribute> attributes,
                    String facilitySex) {
        this.code = code;
        this.module = module;
        this.capacity = capacity;
        this.certified = certified;
        this.pinned = pinned;
        this.pinnedAffiliations = Set.copyOf(pinnedAffiliations);
        this.pinnedCategories = Set.copyOf(pinnedCategories);
        this.securityLevel = securityLevel;
        this.attributes = Set.copyOf(attributes);
        this.facilitySex = facilitySex;
    }

    public String getCode() {
        return code;
    }

    public ModuleFact getModule() {
        return module;
    }

    /** Usable places: the working capacity of an active cell, 0 for an inactive one. */
    public int getCapacity() {
        return capacity;
    }

    /** Certified normal accommodation. */
    public int getCertified() {
        return certified;
    }

    /** People already housed here who stay. */
    public int getPinned() {
        return pinned;
    }

    public Set<String> getPinnedAffiliations() {
        return pinnedAffiliations;
    }

    public Set<Category> getPinnedCategories() {
        return pinnedCategories;
    }

    public SecurityLevel getSecurityLevel() {
        return securityLevel;
    }

    public Set<CellAttribute> getAttributes() {
        return attributes;
    }

    public String getFacilitySex() {
        return facilitySex;
    }

    /** The cell's share of the facility's population after the plan: above it the cell is fuller than the average. */
    public int getBalancedLevel() {
        return balancedLevel;
    }

    /**
     * Sets every cell's balanced level: the population after the plan spread over the usable places in proportion to
     * each cell's capacity, rounded up.
     */
    public static void setBalancedLevels(java.util.List<CellSlot> cells, int arrivals) {
        long population = arrivals;
        long places = 0;
        for (CellSlot c : cells) {
            population += c.pinned;
            places += c.capacity;
        }
        for (CellSlot c : cells) {
            c.balancedLevel = places == 0 ? 0 : (int) Math.ceil((double) population * c.capacity / places);
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
