package org.custodia.housing;

import java.util.UUID;

/**
 * A place in a facility: a MODULE (wing, pavilion) or a CELL inside one. Capacities are set on cells; a module's
 * are the sums of its active cells.
 */
public record Location(UUID id, String facilityCode, String code, String kind, String parentCode, int workingCapacity,
                       int maxCapacity, boolean active) {
}
