package org.custodia.housing.internal.planner;

import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;

/**
 * The solver as configured by hand (the Spring Boot starter does not work with Boot 4): a construction heuristic
 * that places the hardest arrivals first into the cheapest feasible cell ({@link BalancedConstruction}; Timefold's
 * own would score all 257 values of each of 1,000 arrivals), then local search, stopping at a time limit or when no better plan has
 * come for a while.
 */
public final class PlannerConfig {

    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_UNIMPROVED = Duration.ofMillis(1500);

    private PlannerConfig() {
    }

    public static SolverConfig solverConfig() {
        return new SolverConfig()
                .withSolutionClass(PlacementPlan.class)
                .withEntityClasses(Arrival.class)
                .withConstraintProviderClass(HousingConstraints.class)
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommands(new BalancedConstruction()),
                        new LocalSearchPhaseConfig())
                .withTerminationConfig(termination(DEFAULT_LIMIT, DEFAULT_UNIMPROVED));
    }

    /**
     * For {@code SolutionManager.recommendAssignment}, which wants exactly one construction heuristic phase: Timefold's
     * own, since it scores every cell for the one person anyway.
     */
    public static SolverConfig recommendationConfig() {
        return solverConfig().withPhases(new ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig());
    }

    public static TerminationConfig termination(Duration limit, Duration unimproved) {
        return new TerminationConfig().withSpentLimit(limit).withUnimprovedSpentLimit(unimproved);
    }

    public static SolverConfigOverride<PlacementPlan> override(Duration limit, Duration unimproved) {
        return new SolverConfigOverride<PlacementPlan>().withTerminationConfig(termination(limit, unimproved));
    }
}
