/**
 * Facilities and their locations: a general hierarchy (module > cell, or wing > landing > cell), each cell with its
 * maximum capacity, working capacity and certified normal accommodation, attributes and a security level on each
 * top-level unit. Custody and housing both read it through {@link org.custodia.facility.Facilities}; it depends on
 * neither (occupancy reaches it through {@link org.custodia.facility.BedsInUse}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Facility")
package org.custodia.facility;
