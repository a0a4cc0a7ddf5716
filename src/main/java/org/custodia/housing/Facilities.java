package org.custodia.housing;

import java.util.List;
import java.util.Optional;

/** The facility hierarchy, for the other modules. */
public interface Facilities {

    Optional<Facility> find(String code);

    /** Modules then cells, ordered by code. */
    List<Location> locations(String facilityCode);
}
