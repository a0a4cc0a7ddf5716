package org.custodia.housing.internal.planner;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.custodia.facility.SecurityLevel;
import org.custodia.housing.internal.rules.Category;
import org.custodia.housing.internal.rules.Need;

/** A person to place: the facts the rules read, and the cell the planner chooses (none when nothing fits). */
@PlanningEntity(difficultyComparatorClass = Arrival.Difficulty.class)
public class Arrival {

    @PlanningId
    private String prisonerNumber;
    private String affiliation;
    private Category category;
    private SecurityLevel securityLevel;
    private Set<Need> needs;
    private List<HousedPartner> housedPartners;
    /** the cell the person is in now, when already housed; the planner prefers to leave them there */
    private CellSlot currentCell;
    /** whether the affiliation already lives in some module of the facility */
    private boolean affiliationHoused;
    private int arrivalPartners;

    @PlanningVariable(allowsUnassigned = true)
    private CellSlot cell;

    public Arrival() {
    }

    public Arrival(String prisonerNumber, String affiliation, Category category, SecurityLevel securityLevel,
                   Set<Need> needs, List<HousedPartner> housedPartners, CellSlot currentCell, boolean affiliationHoused,
                   int arrivalPartners) {
        this.prisonerNumber = prisonerNumber;
        this.affiliation = affiliation;
        this.category = category;
        this.securityLevel = securityLevel;
        this.needs = Set.copyOf(needs);
        this.housedPartners = List.copyOf(housedPartners);
        this.currentCell = currentCell;
        this.affiliationHoused = affiliationHoused;
        this.arrivalPartners = arrivalPartners;
    }

    public String getPrisonerNumber() {
        return prisonerNumber;
    }

    public String getAffiliation() {
        return affiliation;
    }

    public Category getCategory() {
        return category;
    }

    public SecurityLevel getSecurityLevel() {
        return securityLevel;
    }

    public Set<Need> getNeeds() {
        return needs;
    }

    public List<HousedPartner> getHousedPartners() {
        return housedPartners;
    }

    public CellSlot getCurrentCell() {
        return currentCell;
    }

    public boolean isAffiliationHoused() {
        return affiliationHoused;
    }

    public int getArrivalPartners() {
        return arrivalPartners;
    }

    public CellSlot getCell() {
        return cell;
    }

    public void setCell(CellSlot cell) {
        this.cell = cell;
    }

    public ModuleFact getModule() {
        return cell == null ? null : cell.getModule();
    }

    @Override
    public String toString() {
        return prisonerNumber + "@" + cell;
    }

    /** The hardest to place first: needs, then keep-apart partners, then an affiliation. */
    public static class Difficulty implements Comparator<Arrival> {
        @Override
        public int compare(Arrival a, Arrival b) {
            return Comparator.<Arrival>comparingInt(x -> x.needs.size())
                    .thenComparingInt(x -> x.housedPartners.size() + x.arrivalPartners)
                    .thenComparing(x -> x.affiliation != null)
                    .thenComparing(Arrival::getPrisonerNumber, Comparator.reverseOrder())
                    .compare(a, b);
        }
    }
}
