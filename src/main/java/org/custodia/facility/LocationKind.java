package org.custodia.facility;

/** The levels of a facility's hierarchy. Only a CELL holds people; any other kind holds locations. */
public enum LocationKind {
    MODULE, WING, LANDING, BLOCK, CELL
}
