package org.custodia.housing.internal.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mandela Rule 11: men and women, the young and adults, the untried and the convicted never share a cell; and a
 * facility for one sex holds only that sex.
 */
public final class CategoryRule implements HardRule {

    public static final String CODE = "CATEGORY";

    /** The first category by which {@code a} and {@code b} may not share a cell (SEX, AGE, LEGAL_STATUS), or null. */
    public static String separating(Category a, Category b) {
        if (a.sex() != null && b.sex() != null && !a.sex().equals(b.sex())) {
            return "SEX";
        }
        if (a.young() != b.young()) {
            return "AGE";
        }
        if (a.convicted() != b.convicted()) {
            return "LEGAL_STATUS";
        }
        return null;
    }

    public static boolean breaks(Category a, Category b) {
        return separating(a, b) != null;
    }

    /** A facility for MALE or FEMALE prisoners holds nobody of the other sex; MIXED holds both. */
    public static boolean breaksFacility(String facilitySex, Category c) {
        return facilitySex != null && !"MIXED".equals(facilitySex) && c.sex() != null && !facilitySex.equals(c.sex());
    }

    @Override
    public List<Breach> check(Placement p) {
        List<Breach> breaches = new ArrayList<>();
        Category mine = p.candidate().category();
        if (breaksFacility(p.facilitySex(), mine)) {
            breaches.add(new Breach(CODE, List.of(p.cell().code(), "FACILITY_SEX"), List.of()));
        }
        Map<String, List<String>> byCategory = new LinkedHashMap<>();
        for (Placement.Resident r : p.cellOccupants()) {
            String separating = separating(mine, r.category());
            if (separating != null) {
                byCategory.computeIfAbsent(separating, k -> new ArrayList<>()).add(r.number());
            }
        }
        byCategory.forEach((what, people) -> breaches.add(new Breach(CODE, List.of(p.cell().code(), what), people)));
        return breaches;
    }
}
