package org.custodia.housing.internal;

import java.time.Instant;
import org.custodia.housing.CellPlacement;
import org.springframework.stereotype.Component;

/** The public placement is the cell move itself: the same rules, the same file entry and ledger entry. */
@Component
class CellPlacementAdapter implements CellPlacement {

    private final CellMoves moves;

    CellPlacementAdapter(CellMoves moves) {
        this.moves = moves;
    }

    @Override
    public void place(String prisonerNumber, String cell, String reason, Instant occurredAt) {
        moves.move(prisonerNumber, new HousingApi.CellMoveRequest(cell, reason, occurredAt));
    }
}
