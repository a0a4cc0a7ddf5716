package org.custodia.sentence;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What a sentence computation needs.
 *
 * @param regime the regime code, for example {@code US_FEDERAL_FSA} (an agreement's sentence regime)
 * @param terms the terms of imprisonment in the order the court imposed them; a {@link Relation#CONSECUTIVE} term
 *              runs after the term before it, a {@link Relation#CONCURRENT} term from its own start date
 * @param gctDaysPerYear good conduct time days per year imposed: 54, 42 or 0; {@code null} means 54
 * @param forfeitures good conduct time taken away by disciplinary sanctions
 * @param locale the language of the breakdown: Spanish for {@code es}, English otherwise (also for {@code null})
 */
public record SentenceRequest(String regime, List<Sentence> terms, Integer gctDaysPerYear,
                              List<Forfeiture> forfeitures, Locale locale) {

    public SentenceRequest {
        terms = terms == null ? List.of() : List.copyOf(terms);
        forfeitures = forfeitures == null ? List.of() : List.copyOf(forfeitures);
    }

    /** One term of imprisonment, no forfeiture, 54 days of good conduct time a year. */
    public static SentenceRequest single(String regime, LocalDate startDate, Term term, int jailCreditDays, Locale locale) {
        return new SentenceRequest(regime, List.of(new Sentence(startDate, term, jailCreditDays, Relation.CONCURRENT)),
                null, List.of(), locale);
    }

    /** How a term relates to the term listed before it (18 U.S.C. 3584). The first term's relation is not used. */
    public enum Relation {
        /** Runs from its own start date, side by side with the others. */
        CONCURRENT,
        /** Runs after the term listed before it; both become one aggregate term (18 U.S.C. 3584(c)). */
        CONSECUTIVE
    }

    /**
     * One term as imposed for a conviction.
     *
     * @param startDate the day the sentence commences (18 U.S.C. 3585(a)); not used for a consecutive term
     * @param term the length imposed by the court
     * @param jailCreditDays prior custody credit (18 U.S.C. 3585(b)), days not credited against another sentence
     * @param relation to the term listed before it; {@code null} only for the first term
     */
    public record Sentence(LocalDate startDate, Term term, int jailCreditDays, Relation relation) {
    }

    /** The length of a term as the court said it: years, months and days, or life. */
    public record Term(int years, int months, int days, boolean life) {

        public static Term of(int years, int months, int days) {
            return new Term(years, months, days, false);
        }

        public static Term ofMonths(int months) {
            return new Term(0, months, 0, false);
        }

        public static Term lifeTerm() {
            return new Term(0, 0, 0, true);
        }
    }

    /** Good conduct time disallowed by a disciplinary sanction on {@code date}. */
    public record Forfeiture(LocalDate date, int days, String reason) {
    }
}
