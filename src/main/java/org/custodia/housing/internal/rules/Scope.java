package org.custodia.housing.internal.rules;

/** How far apart two people (or two affiliations) must be kept: not in one cell, or not in one module. */
public enum Scope {
    CELL, MODULE;

    /** Whether two placements, in the same cell or not and the same module or not, break this separation. */
    public boolean brokenBy(boolean sameCell, boolean sameModule) {
        return this == CELL ? sameCell : sameModule;
    }
}
