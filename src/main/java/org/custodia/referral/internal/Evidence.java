package org.custodia.referral.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.custodia.agreement.RuleType;
import org.custodia.referral.Finding;

/** What the rule checks share: evidence maps and findings whose message code is {@code eligibility.<RULE>.<variant>}. */
final class Evidence {

    private Evidence() {
    }

    /** An evidence map from name/value pairs; keeps nulls (a missing fact is evidence too) and the order. */
    static Map<String, Object> of(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static String code(RuleType type, String variant) {
        return "eligibility." + type.name() + "." + variant;
    }

    static Finding finding(RuleType type, Finding.Outcome outcome, String variant, Map<String, Object> evidence,
                           Object... arguments) {
        return Finding.of(type.name(), outcome, code(type, variant), java.util.Arrays.asList(arguments), evidence);
    }
}
