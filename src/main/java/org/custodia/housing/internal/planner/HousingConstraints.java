package org.custodia.housing.internal.planner;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import org.custodia.housing.internal.rules.CapacityRule;
import org.custodia.housing.internal.rules.CategoryRule;
import org.custodia.housing.internal.rules.KeepApartRule;
import org.custodia.housing.internal.rules.NeedsRule;
import org.custodia.housing.internal.rules.RivalAffiliationRule;
import org.custodia.housing.internal.rules.RivalryMatrix;
import org.custodia.housing.internal.rules.SecurityLevelRule;

/**
 * The planner's score, one method per constraint. Every hard constraint asks the same rule class a cell move asks
 * (its static predicate), so the planner can never agree to what a move would refuse.
 */
public class HousingConstraints implements ConstraintProvider {

    /** Soft weight of an arrival housed outside the modules its affiliation already lives in. */
    public static final long AWAY_FROM_AFFILIATION = 400;
    /** Soft weight of moving somebody already housed. */
    public static final long MOVED = 10_000;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {
                capacity(f),
                rivalAffiliationWithHoused(f),
                rivalAffiliationBetweenArrivals(f),
                rivalAffiliationInCellBetweenArrivals(f),
                keepApartWithHoused(f),
                keepApartBetweenArrivals(f),
                securityLevel(f),
                categoryWithHoused(f),
                categoryBetweenArrivals(f),
                needs(f),
                unplaced(f),
                balanceOccupancy(f),
                affiliationOutsideItsModules(f),
                movedFromCurrentCell(f)
        };
    }

    // ---- hard: the rules

    Constraint capacity(ConstraintFactory f) {
        return f.forEach(Arrival.class)
                .groupBy(Arrival::getCell, count())
                .filter((cell, n) -> CapacityRule.overfull(cell.getPinned() + n, cell.getCapacity()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        (cell, n) -> CapacityRule.excess(cell.getPinned() + n, cell.getCapacity()))
                .asConstraint(CapacityRule.FULL);
    }

    Constraint rivalAffiliationWithHoused(ConstraintFactory f) {
        return f.forEach(Arrival.class)
                .filter(a -> a.getAffiliation() != null)
                .join(RivalryMatrix.class)
                .filter((a, m) -> RivalAffiliationRule.breaksAny(m, a.getAffiliation(),
                        a.getCell().getPinnedAffiliations(), a.getCell().getModule().getPinnedAffiliations()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(RivalAffiliationRule.CODE + "_HOUSED");
    }

    Constraint rivalAffiliationBetweenArrivals(ConstraintFactory f) {
        return f.forEach(Arrival.class)
                .filter(a -> a.getAffiliation() != null)
                .groupBy(Arrival::getModule, AffiliationCounts.collector())
                .join(RivalryMatrix.class)
                .filter((module, counts, m) -> counts.counts().size() > 1 && counts.rivalPairs(m, false) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (module, counts, m) -> counts.rivalPairs(m, false))
                .asConstraint(RivalAffiliationRule.CODE);
    }

    Constraint rivalAffiliationInCellBetweenArrivals(ConstraintFactory f) {
        return f.forEach(Arrival.class)
                .filter(a -> a.getAffiliation() != null)
                .groupBy(Arrival::getCell, AffiliationCounts.collector())
                .join(RivalryMatrix.class)
                .filter((cell, counts, m) -> counts.counts().size() > 1 && counts.rivalPairs(m, true) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (cell, counts, m) -> counts.rivalPairs(m, true))
                .asConstraint(RivalAffiliationRule.CODE + "_CELL");
    }

    Constraint keepApartWithHoused(ConstraintFactory f) {
        return f.forEach(Arrival.class)
                .filter(a -> !a.getHousedPartners().isEmpty())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, a -> a.getHousedPartners().stream()
                        .filter(p -> KeepApartRule.breaks(p.scope(), p.cell().equals(a.getCell().getCode()),
                                p.module().equals(a.getCell().getModule().getCode())))
                        .count())
                .asConstraint(KeepApartRule.CODE + "_HOUSED");
    }

    Constraint keepApartBetweenArrivals(ConstraintFactory f) {
        return f.forEach(KeepApartPair.class)
                .join(Arrival.class, Joiners.equal(KeepApartPair::first, Arrival::getPrisonerNumber))
                .join(Arrival.class, Joiners.equal((p, a) -> p.second(), Arrival::getPrisonerNumber))
                .filter((p, a, b) -> KeepApartRule.breaks(p.scope(), a.getCell() == b.getCell(),
                        a.getModule() == b.getModule()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(KeepApartRule.CODE);
    }

    Constraint securityLevel(ConstraintFactory f) {
        return f.forEach(Arrival.class)
                .filter(a -> SecurityLevelRule.breaks(a.getSecurityLevel(), a.getCell().getSecurityLevel()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(SecurityLevelRule.CODE);
    }

    Constraint categoryWithHoused(ConstraintFactory f) {
        return f.forEach(Arrival.class)
                .filter(a -> CategoryRule.breaksFacility(a.getCell().getFacilitySex(), a.getCategory())
                        || a.getCell().getPinnedCategories().stream().anyMatch(c -> CategoryRule.breaks(a.getCategory(), c)))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(CategoryRule.CODE + "_HOUSED");
    }

    Constraint categoryBetweenArrivals(ConstraintFactory f) {
        return f.forEachUniquePair(Arrival.class, Joiners.equal(Arrival::getCell))
                .filter((a, b) -> CategoryRule.breaks(a.getCategory(), b.getCategory()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(CategoryRule.CODE);
    }

    Constraint needs(ConstraintFactory f) {
        return f.forEach(Arrival.class)
                .filter(a -> NeedsRule.breaks(a.getNeeds(), a.getCell().getAttributes()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(NeedsRule.CODE);
    }

    // ---- medium: everybody placed

    Constraint unplaced(ConstraintFactory f) {
        return f.forEachIncludingUnassigned(Arrival.class)
                .filter(a -> a.getCell() == null)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM)
                .asConstraint("UNPLACED");
    }

    // ---- soft: preferences

    /**
     * Occupancy above the facility's balanced level (its population after the plan spread over its places in
     * proportion to each cell's capacity), squared: nobody goes into a cell fuller than the average while emptier
     * ones have room, and the fuller a cell gets the dearer each extra person.
     */
    Constraint balanceOccupancy(ConstraintFactory f) {
        return f.forEach(Arrival.class)
                .groupBy(Arrival::getCell, count())
                .filter((cell, n) -> addedLoad(cell, cell.getPinned(), n) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (cell, n) -> addedLoad(cell, cell.getPinned(), n))
                .asConstraint("BALANCE_OCCUPANCY");
    }

    /** What {@code n} newcomers add to a cell holding {@code held}: the growth of its squared load above its level. */
    public static long addedLoad(CellSlot cell, int held, int n) {
        return aboveLevel(cell, held + n) - aboveLevel(cell, held);
    }

    static long aboveLevel(CellSlot cell, int load) {
        long above = Math.max(0, load - cell.getBalancedLevel());
        return above * above;
    }

    Constraint affiliationOutsideItsModules(ConstraintFactory f) {
        return f.forEach(Arrival.class)
                .filter(a -> a.getAffiliation() != null && a.isAffiliationHoused()
                        && !a.getCell().getModule().getPinnedAffiliations().contains(a.getAffiliation()))
                .penalizeLong(HardMediumSoftLongScore.ofSoft(AWAY_FROM_AFFILIATION))
                .asConstraint("AFFILIATION_OUTSIDE_ITS_MODULES");
    }

    Constraint movedFromCurrentCell(ConstraintFactory f) {
        return f.forEach(Arrival.class)
                .filter(a -> a.getCurrentCell() != null && a.getCell() != a.getCurrentCell())
                .penalizeLong(HardMediumSoftLongScore.ofSoft(MOVED))
                .asConstraint("MOVED_FROM_CURRENT_CELL");
    }
}
