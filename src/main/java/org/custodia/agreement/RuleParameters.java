package org.custodia.agreement;

import java.util.List;
import java.util.Locale;

/**
 * The typed parameters of each {@link RuleType}: one record per shape, read from the policy's stored
 * {@code parameters} object by {@link RuleType#parameters(java.util.Map)} with the rule type's defaults.
 */
public sealed interface RuleParameters {

    /** A rule that takes no parameter. */
    record None() implements RuleParameters {
        public static final None INSTANCE = new None();
    }

    /** {@code MIN_REMAINING_SENTENCE_DAYS}: the least number of days left to serve. */
    record MinimumRemainingSentence(int days) implements RuleParameters {
    }

    /** {@code ADULTS_ONLY}: the least age on the day of evaluation. */
    record MinimumAge(int minimumAge) implements RuleParameters {
    }

    /** {@code SEX_OF_FACILITY}: MALE, FEMALE or MIXED; blank means any. */
    record FacilitySex(String sex) implements RuleParameters {
        public FacilitySex {
            sex = sex == null ? "" : sex.strip().toUpperCase(Locale.ROOT);
        }

        public boolean admits(String personSex) {
            return sex.isEmpty() || sex.equals("MIXED") || sex.equals(personSex);
        }
    }

    /** {@code NATIONALITY_ALLOWED}, {@code NATIONALITY_EXCLUDED}: ISO 3166 alpha-2 codes, upper case. */
    record Nationalities(List<String> nationalities) implements RuleParameters {
        public Nationalities {
            nationalities = nationalities == null ? List.of()
                    : nationalities.stream().map(n -> n.strip().toUpperCase(Locale.ROOT)).distinct().toList();
        }
    }

    /** {@code EXCLUDED_OFFENCES}: statute codes; an offence whose code starts with one of them excludes. */
    record OffenceCodes(List<String> offenceCodes) implements RuleParameters {
        public OffenceCodes {
            offenceCodes = offenceCodes == null ? List.of() : List.copyOf(offenceCodes);
        }
    }
}
