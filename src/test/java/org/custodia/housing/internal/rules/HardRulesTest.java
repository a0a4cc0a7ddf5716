package org.custodia.housing.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodia.facility.CellAttribute;
import org.custodia.facility.InactiveReason;
import org.custodia.facility.Location;
import org.custodia.facility.SecurityLevel;
import org.custodia.housing.internal.rules.Placement.Candidate;
import org.custodia.housing.internal.rules.Placement.KeepApartLink;
import org.custodia.housing.internal.rules.Placement.Resident;
import org.junit.jupiter.api.Test;

/** Each hard rule refuses what it must and lets through what it may, on its own. */
class HardRulesTest {

    private static final Category MAN = new Category("MALE", false, true);
    private static final RivalryMatrix MATRIX = new RivalryMatrix(List.of(
            new RivalryMatrix.Rivalry("MS13", "BARRIO_18_SURENOS", Scope.MODULE),
            new RivalryMatrix.Rivalry("MS13", "TREN_DE_ARAGUA", Scope.CELL)));

    private static Location cell(String code, int working, boolean active, SecurityLevel level, Set<CellAttribute> attributes) {
        return new Location(UUID.randomUUID(), "F", code, "CELL", "M1", working, working, active, working, "M1", level,
                attributes, active ? null : InactiveReason.DAMAGED);
    }

    private static Location cell(String code) {
        return cell(code, 10, true, SecurityLevel.MAXIMUM, Set.of());
    }

    private static Candidate candidate(String affiliation) {
        return new Candidate("P-1", affiliation, MAN, SecurityLevel.MAXIMUM, Set.of());
    }

    private static Placement placement(Candidate c, Location cell, List<Resident> inCell, List<Resident> inModule) {
        return new Placement(c, cell, "MALE", inCell, inModule, List.of(), Map.of(), MATRIX);
    }

    @Test
    void capacityRefusesAFullCellAndAnInactiveOne() {
        List<Resident> two = List.of(new Resident("A", null, MAN, "M1-C01", "M1"), new Resident("B", null, MAN, "M1-C01", "M1"));
        Location small = cell("M1-C01", 2, true, SecurityLevel.MAXIMUM, Set.of());
        assertThat(new CapacityRule().check(placement(candidate(null), small, two, two)))
                .extracting(Breach::rule).containsExactly("CELL_FULL");
        assertThat(new CapacityRule().check(placement(candidate(null), small, two.subList(0, 1), two.subList(0, 1)))).isEmpty();
        Location closed = cell("M1-C02", 10, false, SecurityLevel.MAXIMUM, Set.of());
        assertThat(new CapacityRule().check(placement(candidate(null), closed, List.of(), List.of())))
                .extracting(Breach::rule).containsExactly("CELL_INACTIVE");
    }

    @Test
    void rivalsAreKeptApartAtTheScopeOfTheMatrix() {
        Resident surenoElsewhere = new Resident("S", "BARRIO_18_SURENOS", MAN, "M1-C09", "M1");
        Resident trenElsewhere = new Resident("T", "TREN_DE_ARAGUA", MAN, "M1-C09", "M1");
        Resident trenHere = new Resident("T2", "TREN_DE_ARAGUA", MAN, "M1-C01", "M1");
        RivalAffiliationRule rule = new RivalAffiliationRule();
        List<Breach> module = rule.check(placement(candidate("MS13"), cell("M1-C01"), List.of(), List.of(surenoElsewhere)));
        assertThat(module).extracting(Breach::rule).containsExactly("RIVAL_GANG");
        assertThat(module.get(0).people()).containsExactly("S");
        assertThat(rule.check(placement(candidate("MS13"), cell("M1-C01"), List.of(), List.of(trenElsewhere))))
                .as("a cell-level rival may share the module").isEmpty();
        assertThat(rule.check(placement(candidate("MS13"), cell("M1-C01"), List.of(trenHere), List.of(trenHere))))
                .extracting(Breach::rule).containsExactly("RIVAL_GANG");
        assertThat(rule.check(placement(candidate("MS13"), cell("M1-C01"), List.of(), List.of(
                new Resident("M", "MS13", MAN, "M1-C01", "M1"))))).as("the same gang").isEmpty();
        assertThat(RivalAffiliationRule.breaks(MATRIX, "BARRIO_18_SURENOS", "MS13", false, true)).as("symmetric").isTrue();
    }

    @Test
    void keepApartRecordsHoldAtTheirScope() {
        Resident partner = new Resident("Q", null, MAN, "M1-C05", "M1");
        KeepApartRule rule = new KeepApartRule();
        Placement byModule = new Placement(candidate(null), cell("M1-C01"), "MALE", List.of(), List.of(partner),
                List.of(new KeepApartLink("Q", Scope.MODULE, "VIOLENCE")), Map.of("Q", partner), MATRIX);
        assertThat(rule.check(byModule)).extracting(Breach::rule).containsExactly("KEEP_APART");
        assertThat(rule.check(byModule).get(0).people()).containsExactly("Q");
        Placement byCell = new Placement(candidate(null), cell("M1-C01"), "MALE", List.of(), List.of(partner),
                List.of(new KeepApartLink("Q", Scope.CELL, "THREAT")), Map.of("Q", partner), MATRIX);
        assertThat(rule.check(byCell)).as("another cell of the module is apart enough").isEmpty();
    }

    @Test
    void aPrisonersLevelMayNotExceedTheModules() {
        SecurityLevelRule rule = new SecurityLevelRule();
        Location medium = cell("M1-C01", 10, true, SecurityLevel.MEDIUM, Set.of());
        assertThat(rule.check(placement(candidate(null), medium, List.of(), List.of()))).extracting(Breach::rule)
                .containsExactly("SECURITY_LEVEL");
        Candidate low = new Candidate("P-2", null, MAN, SecurityLevel.MINIMUM, Set.of());
        assertThat(rule.check(placement(low, medium, List.of(), List.of()))).isEmpty();
    }

    @Test
    void rule11CategoriesNeverShareACell() {
        CategoryRule rule = new CategoryRule();
        Candidate woman = new Candidate("W", null, new Category("FEMALE", false, true), SecurityLevel.MAXIMUM, Set.of());
        assertThat(rule.check(placement(woman, cell("M1-C01"), List.of(), List.of()))).as("a male facility")
                .extracting(b -> b.args().get(1)).containsExactly("FACILITY_SEX");
        Resident untried = new Resident("U", null, new Category("MALE", false, false), "M1-C01", "M1");
        Resident young = new Resident("Y", null, new Category("MALE", true, true), "M1-C01", "M1");
        List<Breach> breaches = rule.check(placement(candidate(null), cell("M1-C01"), List.of(untried, young), List.of()));
        assertThat(breaches).extracting(b -> b.args().get(1)).containsExactlyInAnyOrder("LEGAL_STATUS", "AGE");
        assertThat(rule.check(placement(candidate(null), cell("M1-C01"),
                List.of(new Resident("A", null, MAN, "M1-C01", "M1")), List.of()))).isEmpty();
    }

    @Test
    void needsGoToCellsThatMeetThemAndReservedCellsToThoseWhoNeedThem() {
        NeedsRule rule = new NeedsRule();
        Candidate patient = new Candidate("P", null, MAN, SecurityLevel.MAXIMUM, Set.of(Need.MEDICAL, Need.ACCESSIBLE));
        Location ward = cell("MED-C01", 10, true, SecurityLevel.MAXIMUM, Set.of(CellAttribute.MEDICAL, CellAttribute.ACCESSIBLE));
        assertThat(rule.check(placement(patient, cell("M1-C01"), List.of(), List.of()))).extracting(Breach::rule)
                .containsExactly("NEEDS");
        assertThat(rule.check(placement(patient, ward, List.of(), List.of()))).isEmpty();
        assertThat(rule.check(placement(candidate(null), ward, List.of(), List.of()))).as("the ward is for patients")
                .extracting(b -> b.args().get(1)).containsExactly("RESERVED_MEDICAL");
    }

    @Test
    void everyRuleIsAskedAndTheirOrderIsStable() {
        assertThat(HardRule.all()).extracting(r -> r.getClass().getSimpleName()).containsExactly("CapacityRule",
                "RivalAffiliationRule", "KeepApartRule", "SecurityLevelRule", "CategoryRule", "NeedsRule");
    }
}
