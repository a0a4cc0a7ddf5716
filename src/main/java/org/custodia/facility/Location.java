package org.custodia.facility;

import java.util.Set;
import java.util.UUID;

/**
 * A place in a facility: a unit (module, wing, landing, block) or a CELL inside one. Capacities are set on cells; a
 * unit's are the sums of its active cells.
 *
 * @param kind one of {@link LocationKind}, as its name
 * @param parentCode the enclosing unit, {@code null} for a top-level unit
 * @param moduleCode the top-level unit the location belongs to (itself for a top-level unit): the scope of module
 *                   separation rules
 * @param certifiedNormalAccommodation the places the cell is certified for; occupancy beyond it is overcrowding
 * @param securityLevel the highest security level the location may hold (set on the top-level unit, inherited)
 * @param inactiveReason why an inactive location is out of use, {@code null} while active
 */
public record Location(UUID id, String facilityCode, String code, String kind, String parentCode, int workingCapacity,
                       int maxCapacity, boolean active, int certifiedNormalAccommodation, String moduleCode,
                       SecurityLevel securityLevel, Set<CellAttribute> attributes, InactiveReason inactiveReason) {

    public Location {
        attributes = attributes == null ? Set.of() : Set.copyOf(attributes);
    }

    public boolean isCell() {
        return LocationKind.CELL.name().equals(kind);
    }

    /** Places a new occupant may take: the working capacity of an active cell, none in an inactive one. */
    public int usableCapacity() {
        return active ? workingCapacity : 0;
    }
}
