package org.custodia.housing.internal.planner;

import org.custodia.housing.internal.rules.Scope;

/** An open keep-apart record between two arrivals of the plan, by prisoner number. */
public record KeepApartPair(String first, String second, Scope scope) {
}
