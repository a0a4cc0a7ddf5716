package org.custodia.facility;

/** Why a location is out of use. */
public enum InactiveReason {
    MAINTENANCE, DAMAGED, REFURBISHMENT, SECURITY, PENDING_CERTIFICATION, OTHER
}
