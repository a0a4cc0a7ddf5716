package org.custodia.housing;

import java.time.Instant;

/**
 * Places a prisoner in a cell under every hard housing rule, as a cell move through the API does (409
 * {@code HOUSING_RULE_VIOLATION} listing the rules broken), in the caller's transaction. Custody history uses it for
 * the cell of a person held before go-live.
 */
public interface CellPlacement {

    void place(String prisonerNumber, String cell, String reason, Instant occurredAt);
}
