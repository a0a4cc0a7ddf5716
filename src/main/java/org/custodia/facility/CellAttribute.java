package org.custodia.facility;

/** What a cell offers beyond a bed. */
public enum CellAttribute {
    /** isolation and segregation: only for people who must be segregated */
    SEGREGATION,
    /** the medical area: only for people who need medical care */
    MEDICAL,
    /** step-free, adapted for a disability */
    ACCESSIBLE
}
