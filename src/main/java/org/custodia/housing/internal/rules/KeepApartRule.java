package org.custodia.housing.internal.rules;

import java.util.ArrayList;
import java.util.List;

/** Two people under an open keep-apart record never share its scope: a cell, or a module. */
public final class KeepApartRule implements HardRule {

    public static final String CODE = "KEEP_APART";

    public static boolean breaks(Scope scope, boolean sameCell, boolean sameModule) {
        return scope.brokenBy(sameCell, sameModule);
    }

    @Override
    public List<Breach> check(Placement p) {
        List<Breach> breaches = new ArrayList<>();
        for (Placement.KeepApartLink link : p.keepApart()) {
            Placement.Resident partner = p.partners().get(link.partner());
            if (partner == null || partner.cell() == null) {
                continue;
            }
            boolean sameCell = partner.cell().equals(p.cell().code());
            boolean sameModule = partner.module() != null && partner.module().equals(p.cell().moduleCode());
            if (breaks(link.scope(), sameCell, sameModule)) {
                String where = link.scope() == Scope.CELL ? p.cell().code() : p.cell().moduleCode();
                breaches.add(new Breach(CODE, List.of(where, link.scope().name(), link.reason() == null ? "OTHER" : link.reason()),
                        List.of(partner.number())));
            }
        }
        return breaches;
    }
}
