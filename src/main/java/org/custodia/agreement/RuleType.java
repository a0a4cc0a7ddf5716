package org.custodia.agreement;

import java.util.List;

/**
 * The rules an eligibility policy may contain, and the parameters each takes. The referral module evaluates
 * them; the agreement only stores which apply and with what values.
 */
public enum RuleType {
    FINAL_CONVICTION_REQUIRED(List.of()),
    COMMITMENT_ORDER_REQUIRED(List.of()),
    /** {@code days}: the least remaining sentence; a life sentence counts as indeterminate and passes */
    MIN_REMAINING_SENTENCE_DAYS(List.of("days")),
    /** {@code minimumAge}: age at submission, 18 when absent */
    ADULTS_ONLY(List.of()),
    /** {@code sex}: MALE or FEMALE, the facility's population */
    SEX_OF_FACILITY(List.of("sex")),
    /** {@code nationalities}: ISO 3166 alpha-2 codes */
    NATIONALITY_ALLOWED(List.of("nationalities")),
    NATIONALITY_EXCLUDED(List.of("nationalities")),
    CONSENT_REQUIRED(List.of()),
    FIT_TO_TRAVEL(List.of()),
    /** {@code offenceCodes}: statute codes (prefix match) that exclude a person */
    EXCLUDED_OFFENCES(List.of("offenceCodes")),
    DUPLICATE_PERSON(List.of());

    private final List<String> requiredParameters;

    RuleType(List<String> requiredParameters) {
        this.requiredParameters = requiredParameters;
    }

    public List<String> requiredParameters() {
        return requiredParameters;
    }

    public static boolean isKnown(String name) {
        for (RuleType type : values()) {
            if (type.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
