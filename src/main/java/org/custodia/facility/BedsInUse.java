package org.custodia.facility;

import java.util.Map;

/**
 * Beds in use per cell, as custody counts them (everybody on the roll, temporarily out included). Implemented by
 * custody, so that a capacity is never set below its occupancy without this module depending on custody.
 */
public interface BedsInUse {

    /** Cell code to beds in use; cells with nobody are absent. */
    Map<String, Integer> byCell(String facilityCode);
}
