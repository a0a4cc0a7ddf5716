/**
 * Housing: the separation rules (one class per hard rule), keep-apart records, cell moves, occupancy and the
 * placement planner. Depends on custody (its events and {@link org.custodia.custody.PrisonerCells}) and facility;
 * custody never depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Housing")
package org.custodia.housing;
