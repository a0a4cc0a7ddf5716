package org.custodia.housing.internal.planner;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The construction heuristic: every arrival not yet in a cell, hardest first, into the feasible cell that adds the
 * least soft penalty, asking the same rule classes as the constraints. Cheap (no score calculation per candidate),
 * so local search gets the rest of the time.
 */
public class BalancedConstruction implements PhaseCommand<PlacementPlan> {

    @Override
    public void changeWorkingSolution(ScoreDirector<PlacementPlan> director, BooleanSupplier isPhaseTerminated) {
        PlacementPlan plan = director.getWorkingSolution();
        Map<Arrival, CellSlot> placed = GreedyPlanner.balanced(plan);
        for (Arrival a : plan.getArrivals()) {
            CellSlot cell = placed.get(a);
            if (cell != a.getCell()) {
                director.beforeVariableChanged(a, "cell");
                a.setCell(cell);
                director.afterVariableChanged(a, "cell");
            }
        }
        director.triggerVariableListeners();
    }
}
