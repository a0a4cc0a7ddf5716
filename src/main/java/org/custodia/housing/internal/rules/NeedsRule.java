package org.custodia.housing.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.custodia.facility.CellAttribute;

/**
 * Medical and accessibility needs go to cells that meet them; the medical area and segregation cells hold only
 * people who need them.
 */
public final class NeedsRule implements HardRule {

    public static final String CODE = "NEEDS";

    /** The first need the cell does not meet, or the first reserved attribute the person does not need, or null. */
    public static String unmet(Set<Need> needs, Set<CellAttribute> attributes) {
        for (Need need : needs) {
            if (!attributes.contains(need.attribute())) {
                return need.name();
            }
        }
        for (CellAttribute reserved : List.of(CellAttribute.SEGREGATION, CellAttribute.MEDICAL)) {
            if (attributes.contains(reserved) && needs.stream().noneMatch(n -> n.attribute() == reserved)) {
                return "RESERVED_" + reserved.name();
            }
        }
        return null;
    }

    public static boolean breaks(Set<Need> needs, Set<CellAttribute> attributes) {
        return unmet(needs, attributes) != null;
    }

    @Override
    public List<Breach> check(Placement p) {
        List<Breach> breaches = new ArrayList<>();
        String unmet = unmet(p.candidate().needs(), p.cell().attributes());
        if (unmet != null) {
            breaches.add(new Breach(CODE, List.of(p.cell().code(), unmet), List.of()));
        }
        return breaches;
    }
}
