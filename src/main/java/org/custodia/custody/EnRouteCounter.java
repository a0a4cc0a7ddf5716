package org.custodia.custody;

/**
 * How many people are on their way to a facility (dispatched manifests not yet handed over). The transport module
 * provides it; the roll count shows 0 while no implementation exists.
 */
public interface EnRouteCounter {

    int enRoute(String facilityCode);
}
