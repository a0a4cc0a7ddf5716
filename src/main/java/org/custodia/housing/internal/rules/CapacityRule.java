package org.custodia.housing.internal.rules;

import java.util.List;

/** A cell holds at most its working capacity, and an inactive cell holds nobody new. */
public final class CapacityRule implements HardRule {

    public static final String FULL = "CELL_FULL";
    public static final String INACTIVE = "CELL_INACTIVE";

    /** Whether {@code occupants} people (the newcomer included) are more than the cell may hold. */
    public static boolean overfull(int occupants, int usableCapacity) {
        return occupants > usableCapacity;
    }

    /** By how many people the cell is over. */
    public static int excess(int occupants, int usableCapacity) {
        return Math.max(0, occupants - usableCapacity);
    }

    @Override
    public List<Breach> check(Placement p) {
        if (!p.cell().active()) {
            return List.of(new Breach(INACTIVE, List.of(p.cell().code(),
                    p.cell().inactiveReason() == null ? "OTHER" : p.cell().inactiveReason().name()), List.of()));
        }
        int occupants = p.cellOccupants().size() + 1;
        if (overfull(occupants, p.cell().usableCapacity())) {
            return List.of(new Breach(FULL, List.of(p.cell().code(), String.valueOf(p.cellOccupants().size()),
                    String.valueOf(p.cell().workingCapacity())), List.of()));
        }
        return List.of();
    }
}
