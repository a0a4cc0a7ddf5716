package org.custodia.housing.internal.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rival affiliations never share what the facility's rivalry matrix forbids them to share: a cell or a module. */
public final class RivalAffiliationRule implements HardRule {

    public static final String CODE = "RIVAL_GANG";

    /** Whether members of {@code a} and {@code b}, in the same cell or not and the same module or not, break the matrix. */
    public static boolean breaks(RivalryMatrix matrix, String a, String b, boolean sameCell, boolean sameModule) {
        Scope scope = matrix.between(a, b);
        return scope != null && scope.brokenBy(sameCell, sameModule);
    }

    /** Whether {@code a} breaks the matrix with any of the affiliations present in the cell or in the module. */
    public static boolean breaksAny(RivalryMatrix matrix, String a, Collection<String> inCell, Collection<String> inModule) {
        if (a == null) {
            return false;
        }
        for (String b : inModule) {
            if (breaks(matrix, a, b, inCell.contains(b), true)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Breach> check(Placement p) {
        String mine = p.candidate().affiliation();
        if (mine == null) {
            return List.of();
        }
        Map<String, List<String>> byAffiliation = new LinkedHashMap<>();
        Map<String, Scope> scopes = new LinkedHashMap<>();
        for (Placement.Resident r : p.moduleOccupants()) {
            boolean sameCell = p.cell().code().equals(r.cell());
            if (r.affiliation() != null && breaks(p.matrix(), mine, r.affiliation(), sameCell, true)) {
                byAffiliation.computeIfAbsent(r.affiliation(), k -> new ArrayList<>()).add(r.number());
                scopes.put(r.affiliation(), p.matrix().between(mine, r.affiliation()));
            }
        }
        List<Breach> breaches = new ArrayList<>();
        byAffiliation.forEach((theirs, people) -> {
            Scope scope = scopes.get(theirs);
            String where = scope == Scope.CELL ? p.cell().code() : p.cell().moduleCode();
            breaches.add(new Breach(CODE, List.of(where, theirs, mine, scope.name()), people));
        });
        return breaches;
    }
}
