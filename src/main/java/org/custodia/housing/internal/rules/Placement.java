package org.custodia.housing.internal.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.facility.Location;
import org.custodia.facility.SecurityLevel;

/**
 * One person proposed for one cell, with everything the hard rules read: who is in the cell and the module already
 * (the person excluded), the person's open keep-apart records and where each partner is.
 *
 * @param partners partner's prisoner number to where the partner is housed; an unhoused partner is absent
 */
public record Placement(Candidate candidate, Location cell, String facilitySex, List<Resident> cellOccupants,
                        List<Resident> moduleOccupants, List<KeepApartLink> keepApart, Map<String, Resident> partners,
                        RivalryMatrix matrix) {

    /** The person to place. */
    public record Candidate(String number, String affiliation, Category category, SecurityLevel level, Set<Need> needs) {
        public Candidate {
            needs = needs == null ? Set.of() : Set.copyOf(needs);
        }
    }

    /** Somebody housed: where, and the facts the rules read. */
    public record Resident(String number, String affiliation, Category category, String cell, String module) {
    }

    /** An open keep-apart record of the candidate: the other person and the scope. */
    public record KeepApartLink(String partner, Scope scope, String reason) {
    }
}
