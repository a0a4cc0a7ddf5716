package org.custodia.housing.internal.planner;

import ai.timefold.solver.core.api.score.stream.uni.UniConstraintCollector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.custodia.housing.internal.rules.RivalAffiliationRule;
import org.custodia.housing.internal.rules.RivalryMatrix;

/**
 * How many arrivals of each affiliation a cell or a module holds: an incremental collector, so that a move costs a
 * handful of counters instead of a pass over every arrival of the module.
 */
public record AffiliationCounts(Map<String, Integer> counts) {

    public AffiliationCounts {
        counts = Map.copyOf(counts);
    }

    /**
     * Pairs of people who break the rivalry matrix, counting only those the rule calls broken for placements in the
     * same cell or not ({@code sameCell}) and the same module.
     */
    public long rivalPairs(RivalryMatrix matrix, boolean sameCell) {
        List<Map.Entry<String, Integer>> entries = List.copyOf(counts.entrySet());
        long pairs = 0;
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                String a = entries.get(i).getKey();
                String b = entries.get(j).getKey();
                boolean broken = RivalAffiliationRule.breaks(matrix, a, b, sameCell, true);
                // a cell group counts what only a shared cell breaks; the module group counts the rest
                boolean counted = sameCell ? broken && !RivalAffiliationRule.breaks(matrix, a, b, false, true) : broken;
                if (counted) {
                    pairs += (long) entries.get(i).getValue() * entries.get(j).getValue();
                }
            }
        }
        return pairs;
    }

    public static UniConstraintCollector<Arrival, Map<String, int[]>, AffiliationCounts> collector() {
        return new UniConstraintCollector<>() {
            @Override
            public Supplier<Map<String, int[]>> supplier() {
                return HashMap::new;
            }

            @Override
            public BiFunction<Map<String, int[]>, Arrival, Runnable> accumulator() {
                return (map, arrival) -> {
                    String key = arrival.getAffiliation();
                    int[] counter = map.computeIfAbsent(key, k -> new int[1]);
                    counter[0]++;
                    return () -> {
                        if (--counter[0] == 0) {
                            map.remove(key);
                        }
                    };
                };
            }

            @Override
            public Function<Map<String, int[]>, AffiliationCounts> finisher() {
                return map -> {
                    Map<String, Integer> copy = new HashMap<>();
                    map.forEach((k, v) -> copy.put(k, v[0]));
                    return new AffiliationCounts(copy);
                };
            }
        };
    }
}
