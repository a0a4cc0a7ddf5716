package org.custodia.referral;

import java.util.Map;

/**
 * The outcome of one eligibility rule for one referral on one day, with a message in English and Spanish and the
 * facts it rests on.
 */
public record Finding(String rule, Outcome outcome, String messageEn, String messageEs, Map<String, Object> evidence) {

    public Finding {
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }

    /** The message in {@code es} or {@code en} (anything else gives English). */
    public String message(String language) {
        return "es".equals(language) ? messageEs : messageEn;
    }

    public enum Outcome {
        /** the rule is met */
        PASS,
        /** the rule does not bar the referral, but a reviewer should look */
        WARN,
        /** the rule is not met: the referral is ineligible */
        FAIL
    }
}
