package org.custodia.housing.internal.planner;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;
import org.custodia.housing.internal.rules.RivalryMatrix;

/**
 * The planning problem: the cells (with the housed population pinned into them as facts), the rivalry matrix, the
 * keep-apart pairs between arrivals, and the arrivals to place. Hard: the rules; medium: people left unplaced;
 * soft: balanced occupancy, affiliations in their own modules, nobody housed moved.
 */
@PlanningSolution
public class PlacementPlan {

    @ProblemFactCollectionProperty
    private List<ModuleFact> modules;

    @ValueRangeProvider
    @ProblemFactCollectionProperty
    private List<CellSlot> cells;

    @ProblemFactCollectionProperty
    private List<KeepApartPair> pairs;

    @ProblemFactProperty
    private RivalryMatrix matrix;

    @PlanningEntityCollectionProperty
    private List<Arrival> arrivals;

    @PlanningScore
    private HardMediumSoftLongScore score;

    public PlacementPlan() {
    }

    public PlacementPlan(List<ModuleFact> modules, List<CellSlot> cells, List<KeepApartPair> pairs, RivalryMatrix matrix,
                         List<Arrival> arrivals) {
        this.modules = modules;
        this.cells = cells;
        this.pairs = pairs;
        this.matrix = matrix;
        this.arrivals = arrivals;
        CellSlot.setBalancedLevels(cells, arrivals.size());
    }

    public List<ModuleFact> getModules() {
        return modules;
    }

    public List<CellSlot> getCells() {
        return cells;
    }

    public List<KeepApartPair> getPairs() {
        return pairs;
    }

    public RivalryMatrix getMatrix() {
        return matrix;
    }

    public List<Arrival> getArrivals() {
        return arrivals;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
