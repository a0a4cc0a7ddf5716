package org.custodia.agreement;

import java.util.List;
import java.util.Map;

/**
 * One rule of an agreement's eligibility policy, with its parameters (for example
 * {@code MIN_REMAINING_SENTENCE_DAYS {"days": 180}}).
 */
public record EligibilityRule(String rule, Map<String, Object> parameters) {

    public EligibilityRule {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public int intParameter(String name, int fallback) {
        Object value = parameters.get(name);
        return value instanceof Number number ? number.intValue() : fallback;
    }

    public String stringParameter(String name, String fallback) {
        Object value = parameters.get(name);
        return value == null ? fallback : value.toString();
    }

    public List<String> listParameter(String name) {
        Object value = parameters.get(name);
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
