package org.custodia.agreement;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one list of eligibility rule codes, each with the parameters it takes (a {@link RuleParameters} record) and
 * their defaults. The agreement stores which rules its policy lists and with what values; the referral module
 * has one check per rule type. A rule that {@link #appliesToEveryAgreement() applies to every agreement} is
 * evaluated whether the policy lists it or not (with its defaults when it does not).
 */
public enum RuleType {
    /** a judgment final on or before the day of evaluation */
    FINAL_CONVICTION_REQUIRED(false, List.of(), p -> RuleParameters.None.INSTANCE),
    /** a commitment order with reference, authority and date, dated no later than the day of evaluation */
    COMMITMENT_ORDER_REQUIRED(false, List.of(), p -> RuleParameters.None.INSTANCE),
    /** {@code days}: the least remaining sentence (default {@value #DEFAULT_MIN_REMAINING_DAYS}); life passes */
    MIN_REMAINING_SENTENCE_DAYS(false, List.of("days"),
            p -> new RuleParameters.MinimumRemainingSentence(intOf(p, "days", RuleType.DEFAULT_MIN_REMAINING_DAYS))),
    /** {@code minimumAge}: age on the day of evaluation (default {@value #DEFAULT_MINIMUM_AGE}) */
    ADULTS_ONLY(false, List.of(), p -> new RuleParameters.MinimumAge(intOf(p, "minimumAge", RuleType.DEFAULT_MINIMUM_AGE))),
    /** {@code sex}: MALE, FEMALE or MIXED, the facility's population */
    SEX_OF_FACILITY(false, List.of("sex"), p -> new RuleParameters.FacilitySex(stringOf(p, "sex"))),
    /** {@code nationalities}: ISO 3166 alpha-2 codes; one of the person's must be among them */
    NATIONALITY_ALLOWED(false, List.of("nationalities"), p -> new RuleParameters.Nationalities(listOf(p, "nationalities"))),
    /** {@code nationalities}: ISO 3166 alpha-2 codes; none of the person's may be among them */
    NATIONALITY_EXCLUDED(false, List.of("nationalities"), p -> new RuleParameters.Nationalities(listOf(p, "nationalities"))),
    /** the person consented to the transfer */
    CONSENT_REQUIRED(false, List.of(), p -> RuleParameters.None.INSTANCE),
    /** the sending state declared the person fit to travel */
    FIT_TO_TRAVEL(false, List.of(), p -> RuleParameters.None.INSTANCE),
    /** {@code offenceCodes}: statute codes (prefix match) that exclude a person */
    EXCLUDED_OFFENCES(false, List.of("offenceCodes"), p -> new RuleParameters.OffenceCodes(listOf(p, "offenceCodes"))),
    /** no identity document or biometric reference already referred or in custody; applies to every agreement */
    DUPLICATE_PERSON(true, List.of(), p -> RuleParameters.None.INSTANCE),
    /**
     * advisory, never fails: a claimed gang affiliation is verified (PASS) or not (WARN); applies to every agreement
     * and gives a finding only when an affiliation other than NONE is claimed
     */
    GANG_AFFILIATION_EVIDENCE(true, List.of(), p -> RuleParameters.None.INSTANCE);

    public static final int DEFAULT_MIN_REMAINING_DAYS = 180;
    public static final int DEFAULT_MINIMUM_AGE = 18;

    private final boolean everyAgreement;
    private final List<String> requiredParameters;
    private final Function<Map<String, Object>, RuleParameters> reader;

    RuleType(boolean everyAgreement, List<String> requiredParameters, Function<Map<String, Object>, RuleParameters> reader) {
        this.everyAgreement = everyAgreement;
        this.requiredParameters = requiredParameters;
        this.reader = reader;
    }

    /** The parameters an agreement must give when its policy lists this rule. */
    public List<String> requiredParameters() {
        return requiredParameters;
    }

    /** Evaluated for every agreement, listed in its policy or not. */
    public boolean appliesToEveryAgreement() {
        return everyAgreement;
    }

    /** The typed parameters from a policy's stored parameters; what is absent takes the default. */
    public RuleParameters parameters(Map<String, Object> stored) {
        return reader.apply(stored == null ? Map.of() : stored);
    }

    /** The typed parameters when the policy does not list the rule. */
    public RuleParameters defaults() {
        return parameters(Map.of());
    }

    public static Optional<RuleType> find(String name) {
        for (RuleType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static boolean isKnown(String name) {
        return find(name).isPresent();
    }

    private static int intOf(Map<String, Object> p, String name, int fallback) {
        return p.get(name) instanceof Number number ? number.intValue() : fallback;
    }

    private static String stringOf(Map<String, Object> p, String name) {
        Object value = p.get(name);
        return value == null ? "" : value.toString();
    }

    private static List<String> listOf(Map<String, Object> p, String name) {
        return p.get(name) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
