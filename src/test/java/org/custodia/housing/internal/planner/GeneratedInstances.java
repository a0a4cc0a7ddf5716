package org.custodia.housing.internal.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.custodia.facility.SecurityLevel;
import org.custodia.housing.internal.rules.Category;
import org.custodia.housing.internal.rules.RivalryMatrix;
import org.custodia.housing.internal.rules.Scope;

/**
 * Generated planning problems: a facility of modules x cells x places whose cells already hold a pinned population of
 * three rival affiliations (each in its own modules, kept apart by module), arrivals of the same affiliations, and
 * keep-apart pairs. In the dense case some arrivals are kept apart (by module) from housed people in every module
 * of their affiliation but one, so a first fit that fills the first module with anybody leaves them out.
 */
public final class GeneratedInstances {

    public static final List<String> AFFILIATIONS = List.of("MS13", "BARRIO_18_SURENOS", "TREN_DE_ARAGUA");
    /** modules of each affiliation, by index into the facility's modules */
    private static final int[][] HOMES = {{0, 1, 2}, {3, 4}, {5, 6, 7}};

    private GeneratedInstances() {
    }

    public static RivalryMatrix matrix() {
        List<RivalryMatrix.Rivalry> entries = new ArrayList<>();
        for (int i = 0; i < AFFILIATIONS.size(); i++) {
            for (int j = i + 1; j < AFFILIATIONS.size(); j++) {
                entries.add(new RivalryMatrix.Rivalry(AFFILIATIONS.get(i), AFFILIATIONS.get(j), Scope.MODULE));
            }
        }
        return new RivalryMatrix(entries);
    }

    /**
     * @param keepApartPairs pairs among arrivals and between arrivals and housed people
     * @param forcedShare in [0, 1]: share of each module's free places taken by arrivals that may go only there
     */
    public static PlacementPlan generate(long seed, int modules, int cellsPerModule, int places, int pinned, int arrivals,
                                         int keepApartPairs, double forcedShare) {
        Random random = new Random(seed);
        int cellCount = modules * cellsPerModule;
        // pinned counts per cell: random, then scaled to the total
        double[] weights = new double[cellCount];
        double sum = 0;
        for (int i = 0; i < cellCount; i++) {
            weights[i] = 0.75 + random.nextDouble() * 0.25;
            sum += weights[i];
        }
        int[] counts = new int[cellCount];
        int given = 0;
        for (int i = 0; i < cellCount; i++) {
            counts[i] = Math.min(places, (int) Math.floor(pinned * weights[i] / sum));
            given += counts[i];
        }
        for (int i = 0; given < pinned; i = (i + 1) % cellCount) {
            if (counts[i] < places) {
                counts[i]++;
                given++;
            }
        }
        String[] moduleAffiliation = new String[modules];
        for (int g = 0; g < HOMES.length; g++) {
            for (int m : HOMES[g]) {
                if (m < modules) {
                    moduleAffiliation[m] = AFFILIATIONS.get(g);
                }
            }
        }
        Category adult = new Category("MALE", false, true);
        List<ModuleFact> moduleFacts = new ArrayList<>();
        List<CellSlot> cells = new ArrayList<>();
        int[] freeByModule = new int[modules];
        for (int m = 0; m < modules; m++) {
            String affiliation = moduleAffiliation[m] == null ? AFFILIATIONS.get(m % 3) : moduleAffiliation[m];
            moduleAffiliation[m] = affiliation;
            ModuleFact module = new ModuleFact("M" + (m + 1), Set.of(affiliation));
            moduleFacts.add(module);
            for (int c = 0; c < cellsPerModule; c++) {
                int n = counts[m * cellsPerModule + c];
                freeByModule[m] += places - n;
                cells.add(new CellSlot("M%d-C%02d".formatted(m + 1, c + 1), module, places, places, n,
                        n > 0 ? Set.of(affiliation) : Set.of(), n > 0 ? Set.of(adult) : Set.of(), SecurityLevel.MAXIMUM,
                        Set.of(), "MALE"));
            }
        }
        int totalFree = 0;
        for (int f : freeByModule) {
            totalFree += f;
        }
        // arrivals: each affiliation in proportion to the free places of its modules
        List<String> numbers = new ArrayList<>();
        List<Integer> homeModule = new ArrayList<>();
        List<String> affiliationOf = new ArrayList<>();
        List<Integer> forcedModule = new ArrayList<>();
        int[] forcedLeft = new int[modules];
        for (int m = 0; m < modules; m++) {
            forcedLeft[m] = (int) Math.floor(forcedShare * freeByModule[m] * arrivals / (double) totalFree);
        }
        for (int i = 0; i < arrivals; i++) {
            // pick a module weighted by free places, the arrival is of that module's affiliation
            int pick = random.nextInt(totalFree);
            int m = 0;
            while (pick >= freeByModule[m]) {
                pick -= freeByModule[m];
                m++;
            }
            numbers.add("GEN-%06d".formatted(i + 1));
            homeModule.add(m);
            affiliationOf.add(moduleAffiliation[m]);
            boolean forced = forcedLeft[m] > 0 && random.nextDouble() < forcedShare * 1.5;
            if (forced) {
                forcedLeft[m]--;
            }
            forcedModule.add(forced ? m : -1);
        }
        Map<Integer, List<HousedPartner>> housed = new HashMap<>();
        List<KeepApartPair> pairs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // the forced: kept apart by module from somebody housed in every other module of their affiliation
        int made = 0;
        for (int i = 0; i < arrivals && made < keepApartPairs; i++) {
            int m = forcedModule.get(i);
            if (m < 0) {
                continue;
            }
            for (int other = 0; other < modules && made < keepApartPairs; other++) {
                if (other != m && moduleAffiliation[other].equals(affiliationOf.get(i))) {
                    int c = other * cellsPerModule + random.nextInt(cellsPerModule);
                    housed.computeIfAbsent(i, k -> new ArrayList<>()).add(new HousedPartner("PIN-%06d-%d".formatted(c, made),
                            cells.get(c).getCode(), moduleFacts.get(other).getCode(), Scope.MODULE));
                    made++;
                }
            }
        }
        // the rest: pairs of arrivals (mostly by cell) and arrivals with housed people (by cell)
        while (made < keepApartPairs) {
            int i = random.nextInt(arrivals);
            if (random.nextInt(4) == 0) {
                int m = homeModule.get(i);
                int c = m * cellsPerModule + random.nextInt(cellsPerModule);
                housed.computeIfAbsent(i, k -> new ArrayList<>()).add(new HousedPartner("PIN-%06d-%d".formatted(c, made),
                        cells.get(c).getCode(), moduleFacts.get(m).getCode(), Scope.CELL));
                made++;
                continue;
            }
            int j = random.nextInt(arrivals);
            if (i == j) {
                continue;
            }
            String a = numbers.get(Math.min(i, j));
            String b = numbers.get(Math.max(i, j));
            if (!seen.add(a + b)) {
                continue;
            }
            boolean sameAffiliation = affiliationOf.get(i).equals(affiliationOf.get(j));
            Scope scope = sameAffiliation && random.nextInt(20) == 0 && forcedModule.get(i) < 0 && forcedModule.get(j) < 0
                    ? Scope.MODULE : Scope.CELL;
            pairs.add(new KeepApartPair(a, b, scope));
            made++;
        }
        Map<String, Integer> partnersOf = new HashMap<>();
        pairs.forEach(p -> {
            partnersOf.merge(p.first(), 1, Integer::sum);
            partnersOf.merge(p.second(), 1, Integer::sum);
        });
        List<Arrival> arrivalList = new ArrayList<>();
        for (int i = 0; i < arrivals; i++) {
            arrivalList.add(new Arrival(numbers.get(i), affiliationOf.get(i), adult, SecurityLevel.MAXIMUM, Set.of(),
                    housed.getOrDefault(i, List.of()), null, true, partnersOf.getOrDefault(numbers.get(i), 0)));
        }
        // the order people arrive in: the forced ones were generated first, the gate sees them mixed
        java.util.Collections.shuffle(arrivalList, random);
        return new PlacementPlan(moduleFacts, cells, pairs, matrix(), arrivalList);
    }

    /** The instance: 1,000 arrivals into 256 cells x 80 places holding 19,000, with 500 keep-apart pairs. */
    public static PlacementPlan standard(long seed) {
        return generate(seed, 8, 32, 80, 19_000, 1_000, 500, 0.0);
    }

    /** The dense case: the same facility and arrivals with 20,000 keep-apart pairs. */
    public static PlacementPlan dense(long seed) {
        return generate(seed, 8, 32, 80, 19_000, 1_000, 20_000, 0.6);
    }
}
