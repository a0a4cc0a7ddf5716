package org.custodia.transport;

/** PLANNED -> DEPARTED -> ARRIVED -> CLOSED, or CANCELLED before departure. */
public enum ManifestStatus {
    PLANNED, DEPARTED, ARRIVED, CLOSED, CANCELLED
}
