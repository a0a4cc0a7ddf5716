package org.custodia.housing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.custodia.custody.HousedPrisoner;
import org.custodia.facility.Location;
import org.custodia.housing.internal.planner.Arrival;
import org.custodia.housing.internal.planner.CellSlot;
import org.custodia.housing.internal.planner.HousedPartner;
import org.custodia.housing.internal.planner.KeepApartPair;
import org.custodia.housing.internal.planner.ModuleFact;
import org.custodia.housing.internal.planner.PlacementPlan;
import org.custodia.housing.internal.rules.Category;
import org.custodia.housing.internal.rules.Placement;

/**
 * Turns a {@link HousingState} and the people to place into the planner's problem: everybody else is pinned into
 * the cells as counts and sets; and fingerprints the state a plan was made on.
 */
final class PlanProblems {

    private PlanProblems() {
    }

    static PlacementPlan build(HousingState state, List<HousedPrisoner> people) {
        Set<String> moving = new HashSet<>();
        people.forEach(p -> moving.add(p.prisonerNumber()));
        Map<String, Set<String>> moduleAffiliations = new HashMap<>();
        for (Location cell : state.cells) {
            for (String n : state.occupants(cell.code())) {
                HousedPrisoner p = state.prisoners.get(n);
                if (!moving.contains(n) && p != null && p.gangGroup() != null) {
                    moduleAffiliations.computeIfAbsent(cell.moduleCode(), k -> new HashSet<>()).add(p.gangGroup());
                }
            }
        }
        Map<String, ModuleFact> modules = new LinkedHashMap<>();
        for (Location cell : state.cells) {
            modules.computeIfAbsent(cell.moduleCode(), m -> new ModuleFact(m, moduleAffiliations.getOrDefault(m, Set.of())));
        }
        Set<String> housedAffiliations = new HashSet<>();
        moduleAffiliations.values().forEach(housedAffiliations::addAll);
        List<CellSlot> cells = new ArrayList<>();
        Map<String, CellSlot> byCode = new HashMap<>();
        for (Location cell : state.cells) {
            int pinned = 0;
            Set<String> affiliations = new HashSet<>();
            Set<Category> categories = new HashSet<>();
            for (String n : state.occupants(cell.code())) {
                if (moving.contains(n)) {
                    continue;
                }
                pinned++;
                Placement.Resident r = state.resident(n);
                if (r.affiliation() != null) {
                    affiliations.add(r.affiliation());
                }
                categories.add(r.category());
            }
            CellSlot slot = new CellSlot(cell.code(), modules.get(cell.moduleCode()), cell.usableCapacity(),
                    cell.certifiedNormalAccommodation(), pinned, affiliations, categories, cell.securityLevel(),
                    cell.attributes(), state.facility.sex());
            cells.add(slot);
            byCode.put(cell.code(), slot);
        }
        List<KeepApartPair> pairs = new ArrayList<>();
        Map<String, Integer> partnerCount = new HashMap<>();
        for (KeepApartStore.Pair k : state.keepApart) {
            if (moving.contains(k.a()) && moving.contains(k.b())) {
                pairs.add(new KeepApartPair(k.a(), k.b(), k.scope()));
                partnerCount.merge(k.a(), 1, Integer::sum);
                partnerCount.merge(k.b(), 1, Integer::sum);
            }
        }
        List<Arrival> arrivals = new ArrayList<>();
        for (HousedPrisoner p : people) {
            Placement.Candidate c = state.candidate(p);
            List<HousedPartner> housed = new ArrayList<>();
            for (Placement.KeepApartLink link : state.links.getOrDefault(p.prisonerNumber(), List.of())) {
                String cell = state.cellOf(link.partner());
                if (!moving.contains(link.partner()) && cell != null && state.cellsByCode.containsKey(cell)) {
                    housed.add(new HousedPartner(link.partner(), cell, state.cellsByCode.get(cell).moduleCode(), link.scope()));
                }
            }
            String current = state.cellOf(p.prisonerNumber());
            arrivals.add(new Arrival(p.prisonerNumber(), c.affiliation(), c.category(), c.level(), c.needs(), housed,
                    current == null ? null : byCode.get(current),
                    c.affiliation() != null && housedAffiliations.contains(c.affiliation()),
                    partnerCount.getOrDefault(p.prisonerNumber(), 0)));
        }
        return new PlacementPlan(new ArrayList<>(modules.values()), cells, pairs, state.matrix, arrivals);
    }

    /**
     * What a plan rests on: the cells (capacity, activity, attributes, level), where everybody housed is, the open
     * keep-apart records, the needs and the rivalry matrix. Any change makes a plan made before it stale.
     */
    static String fingerprint(HousingState state) {
        StringBuilder s = new StringBuilder();
        for (Location c : state.cells) {
            s.append(c.code()).append('|').append(c.usableCapacity()).append('|').append(new TreeSet<>(c.attributes()))
                    .append('|').append(c.securityLevel()).append('\n');
        }
        TreeSet<String> housed = new TreeSet<>();
        state.prisoners.keySet().forEach(n -> {
            String cell = state.cellOf(n);
            if (cell != null) {
                housed.add(n + "@" + cell);
            }
        });
        housed.forEach(h -> s.append(h).append('\n'));
        new TreeSet<>(state.keepApart.stream().map(k -> k.id() + ":" + k.scope()).toList()).forEach(k -> s.append(k).append('\n'));
        new TreeSet<>(state.needs.entrySet().stream().map(e -> e.getKey() + "=" + new TreeSet<>(e.getValue())).toList())
                .forEach(k -> s.append(k).append('\n'));
        state.matrix.entries().forEach(r -> s.append(r).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
