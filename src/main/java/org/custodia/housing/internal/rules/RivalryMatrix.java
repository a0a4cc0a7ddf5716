package org.custodia.housing.internal.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A facility's rivalry matrix: which affiliations may not share a cell and which may not share a module. Symmetric;
 * an affiliation is never its own rival.
 */
public final class RivalryMatrix {

    /** One entry of the matrix. */
    public record Rivalry(String a, String b, Scope scope) {
    }

    private final Map<String, Map<String, Scope>> scopes = new HashMap<>();
    private final List<Rivalry> entries;

    public RivalryMatrix(List<Rivalry> entries) {
        this.entries = List.copyOf(entries);
        for (Rivalry r : entries) {
            if (r.a().equals(r.b())) {
                continue;
            }
            put(r.a(), r.b(), r.scope());
            put(r.b(), r.a(), r.scope());
        }
    }

    public static RivalryMatrix none() {
        return new RivalryMatrix(List.of());
    }

    private void put(String a, String b, Scope scope) {
        scopes.computeIfAbsent(a, k -> new HashMap<>()).merge(b, scope, (x, y) -> x == Scope.MODULE ? x : y);
    }

    /** How far apart {@code a} and {@code b} must be, or {@code null} when they may share a cell. */
    public Scope between(String a, String b) {
        if (a == null || b == null) {
            return null;
        }
        Map<String, Scope> row = scopes.get(a);
        return row == null ? null : row.get(b);
    }

    public List<Rivalry> entries() {
        return entries;
    }

    public List<String> affiliations() {
        List<String> all = new ArrayList<>(scopes.keySet());
        all.sort(null);
        return all;
    }
}
