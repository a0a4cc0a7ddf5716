package org.custodia.sentence.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.custodia.sentence.SentenceRequest.Sentence;

/** The steps every regime starts with: which terms, the term, its start, its end, jail credit, full term date. */
final class TermSteps {

    private TermSteps() {
    }

    /**
     * Describes the term of {@code group} up to its full term date (for life: up to the statement that no date is
     * computed). Returns false for life.
     */
    static boolean describe(Breakdown b, TermGroup group, int groupCount, List<Sentence> terms) {
        if (groupCount > 1 || group.aggregated()) {
            String numbers = b.numbers(group.termNumbers());
            b.addText("COMPUTATION", group.aggregated() ? "COMPUTATION_AGGREGATE" : "COMPUTATION", group.number(), null,
                    group.number(), groupCount, numbers);
        }
        if (group.aggregated()) {
            String sum = group.parts().stream().map(b::term).collect(Collectors.joining(" + "));
            b.add("AGGREGATE_TERM", null, null, sum, group.life() ? b.text("life") : b.term(group.term()));
            for (TermGroup.IgnoredStart ignored : group.ignoredStarts()) {
                b.add("CONSECUTIVE_START_NOT_USED", null, ignored.startDate(), ignored.termNumber(),
                        Breakdown.date(ignored.startDate()), Breakdown.date(group.start()));
            }
        } else {
            b.add("TERM_IMPOSED", null, null, b.term(group.parts().get(0)));
        }
        if (group.life()) {
            b.add("LIFE", null, null);
            return false;
        }
        b.add("SENTENCE_START", null, group.start(), Breakdown.date(group.start()));
        b.add("TERM_END", null, group.termEnd(), Breakdown.date(group.start()), b.term(group.term()),
                Breakdown.date(group.termEnd()));
        if (group.aggregated()) {
            String credits = group.termNumbers().stream()
                    .map(n -> String.valueOf(terms.get(n - 1).jailCreditDays())).collect(Collectors.joining(" + "));
            b.addText("JAIL_CREDIT", "JAIL_CREDIT_AGGREGATE", group.jailCreditDays(), null,
                    credits, b.days(group.jailCreditDays()));
        } else {
            b.add("JAIL_CREDIT", group.jailCreditDays(), null, b.days(group.jailCreditDays()));
        }
        b.add("FULL_TERM_DATE", null, group.fullTermDate(), Breakdown.date(group.termEnd()),
                b.days(group.jailCreditDays()), Breakdown.date(group.fullTermDate()));
        return true;
    }
}
