package org.custodia.referral.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.custodia.referral.Conviction;

/**
 * The US federal computation of DOMAIN.md (28 CFR 523.20 after the First Step Act), for the eligibility rule only.
 *
 * <p>Per term: full term date = start + term imposed − 1 day − jail credit; good conduct time = g × whole years +
 * floor(g × days of the partial final year / 365), only for terms of more than one year; projected release = full
 * term date − GCT; a release falling on a Saturday, Sunday or federal legal holiday moves to the last weekday before
 * (18 USC 3624(a)). Under {@code NO_CREDITS} the release is the full term date.
 *
 * <p>Several convictions: a CONCURRENT sentence runs from its own start; a CONSECUTIVE one is added to the term that
 * ends last before it, and the two are computed as one aggregate term (18 USC 3584(c)). The governing release date is
 * the latest of all. A life sentence makes the whole indeterminate.
 */
final class FederalReleaseDateEstimator implements ReleaseDateEstimator {

    @Override
    public Estimate estimate(List<Conviction> convictions, String regime, int gctDaysPerYear) {
        List<Conviction> ordered = new ArrayList<>(convictions);
        ordered.sort(Comparator.comparing(Conviction::sentenceStartDate, Comparator.nullsLast(Comparator.naturalOrder())));
        for (Conviction c : ordered) {
            if (c.sentence() != null && c.sentence().life()) {
                return Estimate.life("life sentence in case " + c.caseNumber());
            }
        }
        List<Term> terms = new ArrayList<>();
        for (Conviction c : ordered) {
            if (c.sentenceStartDate() == null || c.sentence() == null) {
                continue;
            }
            Term term = new Term(c.sentenceStartDate(), c.sentence().years(), c.sentence().months(), c.sentence().days(),
                    c.jailCreditDays());
            if (c.relation() == Conviction.Relation.CONSECUTIVE && !terms.isEmpty()) {
                Term governing = terms.stream().max(Comparator.comparing(t -> t.release(regime, gctDaysPerYear))).orElseThrow();
                terms.set(terms.indexOf(governing), governing.plus(term));
            } else {
                terms.add(term);
            }
        }
        if (terms.isEmpty()) {
            return new Estimate(false, null, "no term to compute");
        }
        Term governing = terms.stream().max(Comparator.comparing(t -> t.release(regime, gctDaysPerYear))).orElseThrow();
        LocalDate release = governing.release(regime, gctDaysPerYear);
        return new Estimate(false, release, governing.describe(regime, gctDaysPerYear));
    }

    /** One (possibly aggregate) term: where it starts, what was imposed, the jail credit against it. */
    record Term(LocalDate start, int years, int months, int days, int jailCredit) {

        Term plus(Term other) {
            return new Term(start, years + other.years, months + other.months, days + other.days, jailCredit + other.jailCredit);
        }

        LocalDate endOfTerm() {
            return start.plusYears(years).plusMonths(months).plusDays(days).minusDays(1);
        }

        LocalDate fullTermDate() {
            return endOfTerm().minusDays(jailCredit);
        }

        int goodConductTime(int perYear) {
            LocalDate afterTerm = endOfTerm().plusDays(1);
            if (perYear <= 0 || !afterTerm.isAfter(start.plusYears(1))) {
                return 0; // only terms of more than one year earn GCT
            }
            int wholeYears = years + months / 12;
            LocalDate partialFrom = start.plusYears(wholeYears);
            long partialDays = Math.max(0, ChronoUnit.DAYS.between(partialFrom, endOfTerm()) + 1);
            return perYear * wholeYears + (int) (perYear * partialDays / 365);
        }

        LocalDate release(String regime, int perYear) {
            if (!"US_FEDERAL_FSA".equals(regime)) {
                return fullTermDate();
            }
            LocalDate projected = fullTermDate().minusDays(goodConductTime(perYear));
            return lastWorkingDayOnOrBefore(projected);
        }

        String describe(String regime, int perYear) {
            String term = years + "y " + months + "m " + days + "d from " + start + ", jail credit " + jailCredit
                    + " days, full term " + fullTermDate();
            return "US_FEDERAL_FSA".equals(regime) ? term + ", GCT " + goodConductTime(perYear) + " days" : term;
        }
    }

    static LocalDate lastWorkingDayOnOrBefore(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || isFederalHoliday(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The federal legal holidays of 5 USC 6103, on their date and on the day they are observed. */
    static boolean isFederalHoliday(LocalDate d) {
        int year = d.getYear();
        List<LocalDate> fixed = List.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 19), LocalDate.of(year, 7, 4),
                LocalDate.of(year, 11, 11), LocalDate.of(year, 12, 25), LocalDate.of(year + 1, 1, 1));
        for (LocalDate holiday : fixed) {
            if (d.equals(holiday) || d.equals(observed(holiday))) {
                return true;
            }
        }
        return d.equals(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3))
                || d.equals(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3))
                || d.equals(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)))
                || d.equals(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1))
                || d.equals(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2))
                || d.equals(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }
}
