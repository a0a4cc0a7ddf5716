package org.custodia.custody.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.custodia.custody.AdmissionCommand.Conviction;
import org.custodia.custody.AdmissionCommand.Term;
import org.springframework.stereotype.Component;

/**
 * Computes a prisoner's dates from the convictions of the file. Convictions are grouped first: a CONSECUTIVE
 * conviction's term is added to the group before it, CONCURRENT convictions run side by side and the group that
 * ends last governs. Each group's term is computed by {@link #term}.
 *
 * <p>The sentence module ({@code org.custodia.sentence}, on its own branch) had not been written when this was; until
 * it is merged, {@link #term} follows the method of DOMAIN.md (28 CFR 523.20 as the Bureau of Prisons applies it)
 * itself. Replace its body by a call to the sentence module once it exists.
 */
@Component
class SentenceModuleAdapter implements SentenceDates.Calculator {

    @Override
    public SentenceDates compute(SentenceDates.Input input) {
        List<Group> groups = new ArrayList<>();
        for (Conviction c : input.convictions()) {
            if (c.sentence() == null || c.sentenceStartDate() == null) {
                continue;
            }
            int credit = c.jailCreditDays() == null ? 0 : c.jailCreditDays();
            if ("CONSECUTIVE".equals(c.relation()) && !groups.isEmpty()) {
                Group last = groups.remove(groups.size() - 1);
                groups.add(last.plus(c.sentence(), credit, c.caseNumber()));
            } else {
                groups.add(new Group(c.sentenceStartDate(), c.sentence(), credit, List.of(c.caseNumber())));
            }
        }
        if (groups.isEmpty()) {
            return new SentenceDates(input.regime(), false, null, null, 0, input.gctForfeitedDays(), null, null,
                    List.of("No conviction with a sentence and a start date: no dates can be computed"));
        }
        SentenceDates governing = null;
        List<String> breakdown = new ArrayList<>();
        for (Group g : groups) {
            SentenceDates dates = term(input.regime(), g, input.gctDaysPerYear(), input.gctForfeitedDays());
            if (groups.size() > 1) {
                breakdown.add("Cases " + String.join(" + ", g.cases()) + ": release " + (dates.life() ? "never (life)" : dates.releaseDate()));
            }
            if (governing == null || (!governing.life()
                    && (dates.life() || dates.releaseDate().isAfter(governing.releaseDate())))) {
                governing = dates;
            }
        }
        if (groups.size() > 1) {
            breakdown.add("Concurrent terms: the one that ends last governs");
        }
        breakdown.addAll(governing.breakdown());
        return new SentenceDates(governing.regime(), governing.life(), governing.sentenceStartDate(),
                governing.fullTermDate(), governing.goodConductTimeDays(), governing.gctForfeitedDays(),
                governing.projectedReleaseDate(), governing.releaseDate(), List.copyOf(breakdown));
    }

    /** One term under the regime's rules: full term, good conduct time, forfeiture, release on a weekday. */
    static SentenceDates term(String regime, Group g, int gctPerYear, int forfeited) {
        List<String> steps = new ArrayList<>();
        Term t = g.term();
        steps.add("Sentence start " + g.start() + ", term " + t.years() + " years " + t.months() + " months " + t.days() + " days"
                + (t.life() ? " (life)" : ""));
        if (t.life()) {
            steps.add("Life sentence: no full term date, no good conduct time, no release date");
            return new SentenceDates(regime, true, g.start(), null, 0, forfeited, null, null, steps);
        }
        LocalDate termEnd = g.start().plusYears(t.years()).plusMonths(t.months()).plusDays(t.days()).minusDays(1);
        LocalDate fullTerm = termEnd.minusDays(g.jailCredit());
        steps.add("Full term date = start + term - 1 day - " + g.jailCredit() + " days of jail credit = " + fullTerm);
        int gct = 0;
        boolean credits = !"NO_CREDITS".equals(regime);
        boolean moreThanOneYear = termEnd.isAfter(g.start().plusYears(1).minusDays(1));
        if (credits && moreThanOneYear && gctPerYear > 0) {
            int wholeYears = t.years() + t.months() / 12;
            LocalDate partialStart = g.start().plusYears(wholeYears);
            long partialDays = Math.max(0, ChronoUnit.DAYS.between(partialStart, termEnd.plusDays(1)));
            gct = gctPerYear * wholeYears + (int) Math.floor(gctPerYear * partialDays / 365.0);
            steps.add("Good conduct time = " + gctPerYear + " x " + wholeYears + " whole years + floor(" + gctPerYear + " x "
                    + partialDays + " days / 365) = " + gct + " days");
        } else if (!credits) {
            steps.add("Regime " + regime + ": no good conduct time");
        } else {
            steps.add("Term of one year or less: no good conduct time");
        }
        int kept = Math.max(0, gct - forfeited);
        if (forfeited > 0) {
            steps.add("Forfeited by disciplinary sanctions: " + forfeited + " days; credit kept " + kept + " days");
        }
        LocalDate projected = fullTerm.minusDays(kept);
        steps.add("Projected release date = full term date - " + kept + " days = " + projected);
        LocalDate release = projected;
        if (credits) {
            while (release.getDayOfWeek() == DayOfWeek.SATURDAY || release.getDayOfWeek() == DayOfWeek.SUNDAY) {
                release = release.minusDays(1);
            }
            if (!release.equals(projected)) {
                steps.add("Falls on a weekend: released on the last preceding weekday, " + release + " (18 USC 3624(a))");
            }
        }
        return new SentenceDates(regime, false, g.start(), fullTerm, gct, forfeited, projected, release, steps);
    }

    record Group(LocalDate start, Term term, int jailCredit, List<String> cases) {
        Group plus(Term more, int credit, String caseNumber) {
            List<String> all = new ArrayList<>(cases);
            all.add(caseNumber);
            Term sum = new Term(term.years() + more.years() + (term.months() + more.months()) / 12,
                    (term.months() + more.months()) % 12, term.days() + more.days(), term.life() || more.life());
            return new Group(start, sum, jailCredit + credit, List.copyOf(all));
        }
    }
}
