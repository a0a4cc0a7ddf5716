package org.custodia.housing.internal.planner;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import java.util.List;
import java.util.Set;
import org.custodia.facility.CellAttribute;
import org.custodia.facility.SecurityLevel;
import org.custodia.housing.internal.rules.Category;
import org.custodia.housing.internal.rules.Need;
import org.custodia.housing.internal.rules.RivalryMatrix;
import org.custodia.housing.internal.rules.Scope;
import org.junit.jupiter.api.Test;

/** Each constraint on its own (Timefold's ConstraintVerifier). */
class HousingConstraintsTest {

    private static final Category MAN = new Category("MALE", false, true);
    private static final RivalryMatrix MATRIX = new RivalryMatrix(List.of(
            new RivalryMatrix.Rivalry("MS13", "BARRIO_18_SURENOS", Scope.MODULE),
            new RivalryMatrix.Rivalry("MS13", "TREN_DE_ARAGUA", Scope.CELL)));

    private final ConstraintVerifier<HousingConstraints, PlacementPlan> verifier =
            ConstraintVerifier.build(new HousingConstraints(), PlacementPlan.class, Arrival.class);

    private static final ModuleFact M1 = new ModuleFact("M1", Set.of("MS13"));
    private static final ModuleFact M2 = new ModuleFact("M2", Set.of());

    private static CellSlot cell(String code, ModuleFact module, int capacity, int pinned, Set<String> affiliations) {
        CellSlot c = new CellSlot(code, module, capacity, capacity, pinned, affiliations, pinned > 0 ? Set.of(MAN) : Set.of(),
                SecurityLevel.HIGH, Set.of(), "MALE");
        CellSlot.setBalancedLevels(List.of(c), 0);
        return c;
    }

    private static Arrival arrival(String number, String affiliation, CellSlot cell) {
        return arrival(number, affiliation, MAN, SecurityLevel.MAXIMUM.compareTo(SecurityLevel.HIGH) > 0 ? SecurityLevel.HIGH
                : SecurityLevel.HIGH, Set.of(), List.of(), cell);
    }

    private static Arrival arrival(String number, String affiliation, Category category, SecurityLevel level, Set<Need> needs,
                                   List<HousedPartner> partners, CellSlot cell) {
        Arrival a = new Arrival(number, affiliation, category, level, needs, partners, null, true, 0);
        a.setCell(cell);
        return a;
    }

    @Test
    void capacity() {
        CellSlot c = cell("M2-C01", M2, 3, 2, Set.of());
        verifier.verifyThat(HousingConstraints::capacity).given(arrival("A", null, c), arrival("B", null, c),
                arrival("C", null, c)).penalizesBy(2);
        verifier.verifyThat(HousingConstraints::capacity).given(arrival("A", null, c)).penalizesBy(0);
    }

    @Test
    void rivalAffiliationWithHoused() {
        CellSlot ms13Module = cell("M1-C01", M1, 10, 5, Set.of("MS13"));
        verifier.verifyThat(HousingConstraints::rivalAffiliationWithHoused)
                .given(MATRIX, arrival("S", "BARRIO_18_SURENOS", ms13Module), arrival("M", "MS13", ms13Module))
                .penalizesBy(1);
        CellSlot emptyCellOfMs13Module = cell("M1-C02", M1, 10, 0, Set.of());
        verifier.verifyThat(HousingConstraints::rivalAffiliationWithHoused)
                .given(MATRIX, arrival("T", "TREN_DE_ARAGUA", emptyCellOfMs13Module))
                .penalizesBy(0);
    }

    @Test
    void rivalAffiliationBetweenArrivals() {
        CellSlot a = cell("M2-C01", M2, 10, 0, Set.of());
        CellSlot b = cell("M2-C02", M2, 10, 0, Set.of());
        verifier.verifyThat(HousingConstraints::rivalAffiliationBetweenArrivals)
                .given(MATRIX, arrival("M1", "MS13", a), arrival("M2", "MS13", a), arrival("S", "BARRIO_18_SURENOS", b))
                .penalizesBy(2);
    }

    @Test
    void rivalAffiliationInCellBetweenArrivals() {
        CellSlot a = cell("M2-C01", M2, 10, 0, Set.of());
        CellSlot b = cell("M2-C02", M2, 10, 0, Set.of());
        verifier.verifyThat(HousingConstraints::rivalAffiliationInCellBetweenArrivals)
                .given(MATRIX, arrival("M", "MS13", a), arrival("T", "TREN_DE_ARAGUA", a), arrival("T2", "TREN_DE_ARAGUA", b))
                .penalizesBy(1);
    }

    @Test
    void keepApartWithHoused() {
        CellSlot c = cell("M2-C01", M2, 10, 1, Set.of());
        HousedPartner sameModule = new HousedPartner("H", "M2-C07", "M2", Scope.MODULE);
        HousedPartner otherCell = new HousedPartner("H2", "M2-C07", "M2", Scope.CELL);
        verifier.verifyThat(HousingConstraints::keepApartWithHoused)
                .given(arrival("A", null, MAN, SecurityLevel.HIGH, Set.of(), List.of(sameModule, otherCell), c))
                .penalizesBy(1);
    }

    @Test
    void keepApartBetweenArrivals() {
        CellSlot a = cell("M2-C01", M2, 10, 0, Set.of());
        CellSlot b = cell("M2-C02", M2, 10, 0, Set.of());
        verifier.verifyThat(HousingConstraints::keepApartBetweenArrivals)
                .given(new KeepApartPair("A", "B", Scope.MODULE), new KeepApartPair("A", "C", Scope.CELL),
                        arrival("A", null, a), arrival("B", null, b), arrival("C", null, b))
                .penalizesBy(1);
    }

    @Test
    void securityLevel() {
        CellSlot high = cell("M2-C01", M2, 10, 0, Set.of());
        verifier.verifyThat(HousingConstraints::securityLevel)
                .given(arrival("MAX", null, MAN, SecurityLevel.MAXIMUM, Set.of(), List.of(), high),
                        arrival("MED", null, MAN, SecurityLevel.MEDIUM, Set.of(), List.of(), high))
                .penalizesBy(1);
    }

    @Test
    void categoryWithHoused() {
        CellSlot men = cell("M2-C01", M2, 10, 3, Set.of());
        verifier.verifyThat(HousingConstraints::categoryWithHoused)
                .given(arrival("U", null, new Category("MALE", false, false), SecurityLevel.HIGH, Set.of(), List.of(), men),
                        arrival("W", null, new Category("FEMALE", false, true), SecurityLevel.HIGH, Set.of(), List.of(),
                                cell("M2-C02", M2, 10, 0, Set.of())),
                        arrival("OK", null, men))
                .penalizesBy(2);
    }

    @Test
    void categoryBetweenArrivals() {
        CellSlot c = cell("M2-C01", M2, 10, 0, Set.of());
        verifier.verifyThat(HousingConstraints::categoryBetweenArrivals)
                .given(arrival("A", null, c), arrival("Y", null, new Category("MALE", true, true), SecurityLevel.HIGH,
                        Set.of(), List.of(), c))
                .penalizesBy(1);
    }

    @Test
    void needs() {
        CellSlot ward = new CellSlot("MED-C01", M2, 10, 10, 0, Set.of(), Set.of(), SecurityLevel.MAXIMUM,
                Set.of(CellAttribute.MEDICAL), "MALE");
        CellSlot plain = cell("M2-C01", M2, 10, 0, Set.of());
        verifier.verifyThat(HousingConstraints::needs)
                .given(arrival("SICK", null, MAN, SecurityLevel.HIGH, Set.of(Need.MEDICAL), List.of(), plain),
                        arrival("WELL", null, MAN, SecurityLevel.HIGH, Set.of(), List.of(), ward),
                        arrival("SICK2", null, MAN, SecurityLevel.HIGH, Set.of(Need.MEDICAL), List.of(), ward))
                .penalizesBy(2);
    }

    @Test
    void unplaced() {
        verifier.verifyThat(HousingConstraints::unplaced).given(arrival("A", null, null),
                arrival("B", null, cell("M2-C01", M2, 10, 0, Set.of()))).penalizesBy(1);
    }

    @Test
    void balanceOccupancy() {
        CellSlot c = cell("M2-C01", M2, 10, 4, Set.of());
        CellSlot.setBalancedLevels(List.of(c), 1);
        // one cell alone: its balanced level is its own population after the plan, so it is never above it
        verifier.verifyThat(HousingConstraints::balanceOccupancy).given(arrival("A", null, c)).penalizesBy(0);
        CellSlot full = cell("M2-C02", M2, 10, 9, Set.of());
        CellSlot empty = cell("M2-C03", M2, 10, 0, Set.of());
        CellSlot.setBalancedLevels(List.of(full, empty), 1);
        // level ceil(10 * 10 / 20) = 5: one more in the cell of 9 makes 10, 5 above; its squared growth is 25 - 16
        verifier.verifyThat(HousingConstraints::balanceOccupancy).given(arrival("A", null, full)).penalizesBy(9);
        verifier.verifyThat(HousingConstraints::balanceOccupancy).given(arrival("A", null, empty)).penalizesBy(0);
    }

    @Test
    void affiliationOutsideItsModules() {
        verifier.verifyThat(HousingConstraints::affiliationOutsideItsModules)
                .given(arrival("M", "MS13", cell("M2-C01", M2, 10, 0, Set.of())),
                        arrival("M2", "MS13", cell("M1-C01", M1, 10, 0, Set.of())))
                .penalizesBy(1);
    }

    @Test
    void movedFromCurrentCell() {
        CellSlot here = cell("M2-C01", M2, 10, 0, Set.of());
        CellSlot there = cell("M2-C02", M2, 10, 0, Set.of());
        Arrival moved = new Arrival("H", null, MAN, SecurityLevel.HIGH, Set.of(), List.of(), here, false, 0);
        moved.setCell(there);
        Arrival stays = new Arrival("S", null, MAN, SecurityLevel.HIGH, Set.of(), List.of(), here, false, 0);
        stays.setCell(here);
        verifier.verifyThat(HousingConstraints::movedFromCurrentCell).given(moved, stays).penalizesBy(1);
    }
}
