package org.custodia.housing.internal.planner;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.custodia.housing.internal.rules.CapacityRule;
import org.custodia.housing.internal.rules.KeepApartRule;
import org.custodia.housing.internal.rules.RivalAffiliationRule;
import org.junit.jupiter.api.Test;

/** The planner on generated facilities: everybody placed, and every hard rule checked again one by one. */
class PlannerOnGeneratedInstancesTest {

    private static PlacementPlan solve(PlacementPlan problem) {
        Solver<PlacementPlan> solver = SolverFactory.<PlacementPlan>create(PlannerConfig.solverConfig())
                .buildSolver(PlannerConfig.override(Duration.ofSeconds(8), Duration.ofSeconds(2)));
        return solver.solve(problem);
    }

    private static void assertNoRuleBroken(PlacementPlan plan) {
        Map<CellSlot, Integer> added = new HashMap<>();
        Map<String, Arrival> byNumber = new HashMap<>();
        plan.getArrivals().forEach(a -> byNumber.put(a.getPrisonerNumber(), a));
        for (Arrival a : plan.getArrivals()) {
            assertThat(a.getCell()).as(a.getPrisonerNumber() + " placed").isNotNull();
            added.merge(a.getCell(), 1, Integer::sum);
            assertThat(RivalAffiliationRule.breaksAny(plan.getMatrix(), a.getAffiliation(), a.getCell().getPinnedAffiliations(),
                    a.getCell().getModule().getPinnedAffiliations())).as("rivals housed in " + a.getCell()).isFalse();
            for (HousedPartner p : a.getHousedPartners()) {
                assertThat(KeepApartRule.breaks(p.scope(), p.cell().equals(a.getCell().getCode()),
                        p.module().equals(a.getCell().getModule().getCode()))).as("kept apart from " + p).isFalse();
            }
            for (Arrival b : plan.getArrivals()) {
                if (a != b && a.getModule() == b.getModule()) {
                    assertThat(RivalAffiliationRule.breaks(plan.getMatrix(), a.getAffiliation(), b.getAffiliation(),
                            a.getCell() == b.getCell(), true)).as(a + " and " + b).isFalse();
                }
            }
        }
        for (KeepApartPair p : plan.getPairs()) {
            Arrival a = byNumber.get(p.first());
            Arrival b = byNumber.get(p.second());
            assertThat(KeepApartRule.breaks(p.scope(), a.getCell() == b.getCell(), a.getModule() == b.getModule()))
                    .as(p.toString()).isFalse();
        }
        added.forEach((cell, n) -> assertThat(CapacityRule.overfull(cell.getPinned() + n, cell.getCapacity()))
                .as(cell + " overfull").isFalse());
    }

    @Test
    void aSmallFacilityWithRivalsAndKeepApartPairsIsHousedWithNoRuleBroken() {
        PlacementPlan solved = solve(GeneratedInstances.generate(7, 8, 4, 10, 250, 60, 150, 0.0));
        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.getScore().mediumScore()).isZero();
        assertNoRuleBroken(solved);
    }

    @Test
    void whereFirstFitLeavesPeopleOutThePlannerPlacesEveryone() {
        PlacementPlan greedy = GeneratedInstances.generate(5, 8, 8, 10, 520, 80, 200, 0.6);
        GreedyPlanner.place(greedy);
        long greedyPlaced = greedy.getArrivals().stream().filter(a -> a.getCell() != null).count();
        PlacementPlan solved = solve(GeneratedInstances.generate(5, 8, 8, 10, 520, 80, 200, 0.6));
        assertThat(greedyPlaced).as("first fit leaves some out").isLessThan(80);
        assertThat(solved.getScore().mediumScore()).as("the planner leaves nobody out").isZero();
        assertNoRuleBroken(solved);
    }
}
