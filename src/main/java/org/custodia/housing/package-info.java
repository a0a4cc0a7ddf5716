/** Facilities, modules and cells with their capacities; later separation rules and the allocation planner. */
@org.springframework.modulith.ApplicationModule(displayName = "Housing")
package org.custodia.housing;
