package org.custodia.housing.internal.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.housing.internal.rules.CapacityRule;
import org.custodia.housing.internal.rules.CategoryRule;
import org.custodia.housing.internal.rules.KeepApartRule;
import org.custodia.housing.internal.rules.NeedsRule;
import org.custodia.housing.internal.rules.RivalAffiliationRule;
import org.custodia.housing.internal.rules.SecurityLevelRule;

/**
 * The baseline: each arrival in turn goes to the first cell (in code order) that no hard rule refuses, asking the
 * same rule classes as the planner; nobody is ever moved again. An arrival no cell takes stays unplaced.
 */
public final class GreedyPlanner {

    private GreedyPlanner() {
    }

    /** The baseline: first fit, in the order people arrive, cells in code order. */
    public static void place(PlacementPlan plan) {
        plan.getArrivals().forEach(a -> a.setCell(null));
        assign(plan, plan.getArrivals(), false).forEach(Arrival::setCell);
    }

    /**
     * The planner's construction: the hardest to place first ({@link Arrival.Difficulty}), each into the feasible cell
     * that adds the least soft penalty; for the planner's first phase, before local search improves it.
     */
    public static Map<Arrival, CellSlot> balanced(PlacementPlan plan) {
        List<Arrival> order = new ArrayList<>(plan.getArrivals());
        order.sort(new Arrival.Difficulty().reversed());
        return assign(plan, order, true);
    }

    private static Map<Arrival, CellSlot> assign(PlacementPlan plan, List<Arrival> order, boolean cheapest) {
        Map<CellSlot, Integer> added = new HashMap<>();
        Map<CellSlot, List<Arrival>> inCell = new HashMap<>();
        Map<ModuleFact, java.util.Set<String>> inModule = new HashMap<>();
        Map<String, Arrival> byNumber = new HashMap<>();
        Map<String, List<KeepApartPair>> pairs = new HashMap<>();
        Map<Arrival, CellSlot> placed = new java.util.LinkedHashMap<>();
        plan.getArrivals().forEach(a -> byNumber.put(a.getPrisonerNumber(), a));
        for (KeepApartPair p : plan.getPairs()) {
            pairs.computeIfAbsent(p.first(), k -> new ArrayList<>()).add(p);
            pairs.computeIfAbsent(p.second(), k -> new ArrayList<>()).add(p);
        }
        for (Arrival a : order) {
            CellSlot chosen = null;
            long best = Long.MAX_VALUE;
            for (CellSlot cell : plan.getCells()) {
                if (!fits(plan, a, cell, added, inCell, inModule, byNumber, pairs, placed)) {
                    continue;
                }
                if (!cheapest) {
                    chosen = cell;
                    break;
                }
                long cost = HousingConstraints.addedLoad(cell, cell.getPinned() + added.getOrDefault(cell, 0), 1)
                        + (a.getAffiliation() != null && a.isAffiliationHoused()
                        && !cell.getModule().getPinnedAffiliations().contains(a.getAffiliation())
                        ? HousingConstraints.AWAY_FROM_AFFILIATION : 0)
                        + (a.getCurrentCell() != null && a.getCurrentCell() != cell ? HousingConstraints.MOVED : 0);
                if (cost < best) {
                    best = cost;
                    chosen = cell;
                }
            }
            if (chosen != null) {
                placed.put(a, chosen);
                added.merge(chosen, 1, Integer::sum);
                inCell.computeIfAbsent(chosen, k -> new ArrayList<>()).add(a);
                if (a.getAffiliation() != null) {
                    inModule.computeIfAbsent(chosen.getModule(), k -> new java.util.HashSet<>()).add(a.getAffiliation());
                }
            }
        }
        return placed;
    }

    private static boolean breaksPinnedCategory(Arrival a, CellSlot cell) {
        for (org.custodia.housing.internal.rules.Category c : cell.getPinnedCategories()) {
            if (CategoryRule.breaks(a.getCategory(), c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean fits(PlacementPlan plan, Arrival a, CellSlot cell, Map<CellSlot, Integer> added,
                                Map<CellSlot, List<Arrival>> inCell, Map<ModuleFact, java.util.Set<String>> inModule,
                                Map<String, Arrival> byNumber, Map<String, List<KeepApartPair>> pairs,
                                Map<Arrival, CellSlot> placed) {
        if (CapacityRule.overfull(cell.getPinned() + added.getOrDefault(cell, 0) + 1, cell.getCapacity())
                || SecurityLevelRule.breaks(a.getSecurityLevel(), cell.getSecurityLevel())
                || NeedsRule.breaks(a.getNeeds(), cell.getAttributes())
                || CategoryRule.breaksFacility(cell.getFacilitySex(), a.getCategory())
                || breaksPinnedCategory(a, cell)
                || RivalAffiliationRule.breaksAny(plan.getMatrix(), a.getAffiliation(), cell.getPinnedAffiliations(),
                cell.getModule().getPinnedAffiliations())) {
            return false;
        }
        for (HousedPartner p : a.getHousedPartners()) {
            if (KeepApartRule.breaks(p.scope(), p.cell().equals(cell.getCode()), p.module().equals(cell.getModule().getCode()))) {
                return false;
            }
        }
        for (Arrival other : inCell.getOrDefault(cell, List.of())) {
            // a shared cell: categories must match
            if (CategoryRule.breaks(a.getCategory(), other.getCategory())) {
                return false;
            }
        }
        if (a.getAffiliation() != null) {
            // affiliations the arrivals placed so far brought into the module, and into this cell
            java.util.Set<String> moduleAffiliations = inModule.getOrDefault(cell.getModule(), java.util.Set.of());
            if (!moduleAffiliations.isEmpty()) {
                java.util.Set<String> cellAffiliations = new java.util.HashSet<>();
                for (Arrival other : inCell.getOrDefault(cell, List.of())) {
                    if (other.getAffiliation() != null) {
                        cellAffiliations.add(other.getAffiliation());
                    }
                }
                if (RivalAffiliationRule.breaksAny(plan.getMatrix(), a.getAffiliation(), cellAffiliations, moduleAffiliations)) {
                    return false;
                }
            }
        }
        for (KeepApartPair p : pairs.getOrDefault(a.getPrisonerNumber(), List.of())) {
            Arrival other = byNumber.get(p.first().equals(a.getPrisonerNumber()) ? p.second() : p.first());
            CellSlot theirs = other == null ? null : placed.get(other);
            if (theirs != null && KeepApartRule.breaks(p.scope(), theirs == cell, theirs.getModule() == cell.getModule())) {
                return false;
            }
        }
        return true;
    }
}
