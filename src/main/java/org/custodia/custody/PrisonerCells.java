package org.custodia.custody;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The prisoner's current cell, kept by custody (shown in the file, counted per module in the roll count) and set by
 * housing, which owns the rules that decide where a person may go. No scope applies (module to module).
 */
public interface PrisonerCells {

    Optional<HousedPrisoner> find(String prisonerNumber);

    /** The prisoner under lock until the caller's transaction ends: one change at a time per prisoner. */
    Optional<HousedPrisoner> lock(String prisonerNumber);

    /** Those of the numbers that exist, in no particular order. */
    List<HousedPrisoner> findAll(Collection<String> prisonerNumbers);

    /** Everybody on the roll of the facility (in custody or temporarily out), housed or not. */
    List<HousedPrisoner> onRoll(String facilityCode);

    /**
     * How many of the facility's roll each cell holds, per gang affiliation (null: none): the occupancy, counted by
     * the database without loading anyone. Cells holding nobody are absent.
     */
    List<CellCount> countsByCell(String facilityCode);

    /** {@code prisoners} on the roll in {@code cell} with that affiliation. */
    record CellCount(String cell, String gangGroup, int prisoners) {
    }

    /**
     * Records a move into {@code cell} of {@code module}: the prisoner's cell, a CELL_MOVE entry of the file and a
     * {@code PRISONER_CELL_MOVED} ledger entry with the reason, in the caller's transaction. Checks no housing rule:
     * the caller has.
     *
     * @throws org.custodia.common.ApiException 404 {@code PRISONER_NOT_FOUND}, 409 {@code PRISONER_RELEASED}
     */
    CellRecorded recordCell(String prisonerNumber, String cell, String module, String reason, Instant occurredAt,
                            String recordedBy);

    /** The move as recorded. */
    record CellRecorded(String prisonerNumber, String cell, String module, String previousCell, Instant occurredAt) {
    }
}
