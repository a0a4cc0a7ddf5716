package org.custodia.sentence.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.custodia.sentence.SentenceRequest.Relation;
import org.custodia.sentence.SentenceRequest.Sentence;
import org.custodia.sentence.SentenceRequest.Term;

/**
 * Terms computed as one: a term with the terms consecutive to it, aggregated into a single term that runs from the
 * first term's start (18 U.S.C. 3584(c)). A concurrent term starts a group of its own.
 *
 * @param number the group's number, from 1
 * @param termNumbers the numbers (from 1, in the order given) of the terms in the group
 * @param parts the terms as imposed
 * @param start the first term's start date
 * @param ignoredStarts terms after the first that carried a start date of their own, which is not used
 * @param jailCreditDays the sum of the terms' jail credit
 */
record TermGroup(int number, List<Integer> termNumbers, List<Term> parts, LocalDate start,
                 List<IgnoredStart> ignoredStarts, int jailCreditDays) {

    /** A consecutive term's own start date, which the aggregate does not use. */
    record IgnoredStart(int termNumber, LocalDate startDate) {
    }

    /** Groups validated terms: each term not consecutive to the one before starts a group. */
    static List<TermGroup> of(List<Sentence> terms) {
        List<TermGroup> groups = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            Sentence sentence = terms.get(i);
            boolean consecutive = i > 0 && sentence.relation() == Relation.CONSECUTIVE;
            if (!consecutive) {
                groups.add(new TermGroup(groups.size() + 1, List.of(i + 1), List.of(sentence.term()),
                        sentence.startDate(), List.of(), sentence.jailCreditDays()));
            } else {
                TermGroup last = groups.remove(groups.size() - 1);
                List<Integer> numbers = new ArrayList<>(last.termNumbers());
                numbers.add(i + 1);
                List<Term> parts = new ArrayList<>(last.parts());
                parts.add(sentence.term());
                List<IgnoredStart> ignored = new ArrayList<>(last.ignoredStarts());
                if (sentence.startDate() != null) {
                    ignored.add(new IgnoredStart(i + 1, sentence.startDate()));
                }
                groups.add(new TermGroup(last.number(), List.copyOf(numbers), List.copyOf(parts), last.start(),
                        List.copyOf(ignored), last.jailCreditDays() + sentence.jailCreditDays()));
            }
        }
        return List.copyOf(groups);
    }

    boolean aggregated() {
        return parts.size() > 1;
    }

    boolean life() {
        return parts.stream().anyMatch(Term::life);
    }

    /**
     * The term to compute: a single term as imposed; for an aggregate, the months (12 a year) and the days of the
     * parts summed, shown as whole years, months and days (the same arithmetic: years are added as 12 months).
     * Meaningless for life.
     */
    Term term() {
        if (!aggregated()) {
            return parts.get(0);
        }
        long months = 0;
        int days = 0;
        for (Term part : parts) {
            months += 12L * part.years() + part.months();
            days += part.days();
        }
        return Term.of((int) (months / 12), (int) (months % 12), days);
    }

    /** Start + term imposed: the day after the last day of the term, before jail credit. */
    LocalDate termEnd() {
        return termEnd(start, term());
    }

    /**
     * Calendar arithmetic: start plus the months of the term (12 per year, then the months) and then the days.
     * Years and months are added together so that 1 year and 1 month ends where 13 months ends.
     */
    static LocalDate termEnd(LocalDate start, Term term) {
        return start.plusMonths(12L * term.years() + term.months()).plusDays(term.days());
    }

    /** The length of the term in days, before jail credit. */
    long termDays() {
        return ChronoUnit.DAYS.between(start, termEnd());
    }

    /** Start + term imposed - 1 day - jail credit. */
    LocalDate fullTermDate() {
        return termEnd().minusDays(1).minusDays(jailCreditDays);
    }

    /** True when a (validated) forfeiture on {@code day} falls within this group's service, start to full term. */
    boolean serving(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(fullTermDate());
    }
}
