package org.custodia.facility;

import java.util.List;
import java.util.Optional;

/** The facility hierarchy, for the other modules. */
public interface Facilities {

    Optional<Facility> find(String code);

    /** The facility, or 404 {@code FACILITY_NOT_FOUND}. */
    Facility require(String code);

    List<Facility> all();

    /** Units then cells, ordered by code; a unit's capacities are the sums of its active cells. */
    List<Location> locations(String facilityCode);

    /**
     * Takes the facility's housing lock for the rest of the transaction: placements, plan applications and capacity
     * changes take turns, so every check sees every committed placement.
     */
    void lockHousing(String facilityCode);
}
