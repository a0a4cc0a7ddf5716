package org.custodia.housing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.custody.HousedPrisoner;
import org.custodia.facility.Facility;
import org.custodia.facility.Location;
import org.custodia.facility.SecurityLevel;
import org.custodia.housing.internal.rules.Breach;
import org.custodia.housing.internal.rules.Category;
import org.custodia.housing.internal.rules.HardRule;
import org.custodia.housing.internal.rules.Need;
import org.custodia.housing.internal.rules.Placement;
import org.custodia.housing.internal.rules.RivalryMatrix;

/**
 * A facility as the housing rules see it at one moment: its cells, everybody on the roll and where they are, their
 * needs, the open keep-apart records and the rivalry matrix. Positions can be overridden (a plan's placements) to
 * ask the rules about a facility that does not exist yet.
 */
final class HousingState {

    final Facility facility;
    final List<Location> cells;
    final Map<String, Location> cellsByCode = new LinkedHashMap<>();
    final Map<String, HousedPrisoner> prisoners = new LinkedHashMap<>();
    final Map<String, Set<Need>> needs;
    final List<KeepApartStore.Pair> keepApart;
    final Map<String, List<Placement.KeepApartLink>> links = new HashMap<>();
    final RivalryMatrix matrix;
    final LocalDate today;
    /** prisoner number to cell code: everybody housed, with the overrides applied */
    private final Map<String, String> positions = new HashMap<>();
    private final Map<String, List<String>> byCell = new HashMap<>();
    private final Map<String, List<String>> byModule = new HashMap<>();

    HousingState(Facility facility, List<Location> locations, List<HousedPrisoner> onRoll, Map<String, Set<Need>> needs,
                 List<KeepApartStore.Pair> keepApart, RivalryMatrix matrix, LocalDate today) {
        this.facility = facility;
        this.cells = locations.stream().filter(Location::isCell).toList();
        this.cells.forEach(c -> cellsByCode.put(c.code(), c));
        onRoll.forEach(p -> prisoners.put(p.prisonerNumber(), p));
        this.needs = needs;
        this.keepApart = keepApart;
        for (KeepApartStore.Pair k : keepApart) {
            links.computeIfAbsent(k.a(), x -> new ArrayList<>()).add(new Placement.KeepApartLink(k.b(), k.scope(), k.reason()));
            links.computeIfAbsent(k.b(), x -> new ArrayList<>()).add(new Placement.KeepApartLink(k.a(), k.scope(), k.reason()));
        }
        this.matrix = matrix;
        this.today = today;
        onRoll.stream().filter(p -> p.cell() != null).forEach(p -> place(p.prisonerNumber(), p.cell()));
    }

    /** Moves (or houses) somebody in this picture only; a null cell unhouses them. */
    void place(String number, String cell) {
        String old = positions.remove(number);
        if (old != null) {
            byCell.get(old).remove(number);
            Location oldCell = cellsByCode.get(old);
            if (oldCell != null) {
                byModule.get(oldCell.moduleCode()).remove(number);
            }
        }
        if (cell != null) {
            positions.put(number, cell);
            byCell.computeIfAbsent(cell, k -> new ArrayList<>()).add(number);
            Location c = cellsByCode.get(cell);
            if (c != null) {
                byModule.computeIfAbsent(c.moduleCode(), k -> new ArrayList<>()).add(number);
            }
        }
    }

    String cellOf(String number) {
        return positions.get(number);
    }

    List<String> occupants(String cell) {
        return byCell.getOrDefault(cell, List.of());
    }

    Placement.Candidate candidate(HousedPrisoner p) {
        return new Placement.Candidate(p.prisonerNumber(), p.gangGroup(), category(p), SecurityLevel.parse(p.securityLevel()),
                needs.getOrDefault(p.prisonerNumber(), Set.of()));
    }

    Category category(HousedPrisoner p) {
        return Category.of(p.sex(), p.dateOfBirth(), today, p.convicted());
    }

    Placement.Resident resident(String number) {
        HousedPrisoner p = prisoners.get(number);
        String cell = positions.get(number);
        Location c = cell == null ? null : cellsByCode.get(cell);
        return new Placement.Resident(number, p == null ? null : p.gangGroup(),
                p == null ? new Category(null, false, true) : category(p), cell, c == null ? null : c.moduleCode());
    }

    /** The placement of {@code p} into {@code cell}, against everybody else where they are in this picture. */
    Placement placement(HousedPrisoner p, Location cell) {
        String me = p.prisonerNumber();
        List<Placement.Resident> inCell = byCell.getOrDefault(cell.code(), List.of()).stream()
                .filter(n -> !n.equals(me)).map(this::resident).toList();
        List<Placement.Resident> inModule = byModule.getOrDefault(cell.moduleCode(), List.of()).stream()
                .filter(n -> !n.equals(me)).map(this::resident).toList();
        List<Placement.KeepApartLink> mine = links.getOrDefault(me, List.of());
        Map<String, Placement.Resident> partners = new HashMap<>();
        for (Placement.KeepApartLink l : mine) {
            if (positions.containsKey(l.partner())) {
                partners.put(l.partner(), resident(l.partner()));
            }
        }
        return new Placement(candidate(p), cell, facility.sex(), inCell, inModule, mine, partners, matrix);
    }

    /** Every hard rule the placement breaks, in the order of {@link HardRule#all()}. */
    List<Breach> breaches(HousedPrisoner p, Location cell) {
        Placement placement = placement(p, cell);
        List<Breach> all = new ArrayList<>();
        for (HardRule rule : HardRule.all()) {
            all.addAll(rule.check(placement));
        }
        return all;
    }
}
