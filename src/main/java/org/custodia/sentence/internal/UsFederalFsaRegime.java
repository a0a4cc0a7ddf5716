package org.custodia.sentence.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.custodia.sentence.SentenceCalculation;
import org.custodia.sentence.SentenceRequest;
import org.custodia.sentence.SentenceRequest.Forfeiture;

/**
 * US federal sentences after the First Step Act (18 U.S.C. 3584, 3585, 3624; 28 CFR 523.20).
 * <ul>
 * <li>Full term date = start + term imposed - 1 day - jail credit days.</li>
 * <li>Good conduct time (GCT), only for a term of more than one year and never for life:
 *     rate x whole years imposed + floor(rate x days of the partial final year / 365). The whole years are the
 *     most years n with start + n years not later than start + term; the partial final year runs from
 *     start + n years to the last day of the term imposed (start + term - 1 day), both days counted, that is
 *     {@code DAYS.between(start + n years, start + term)}. It is counted on the term imposed, before jail
 *     credit, because jail credit does not change GCT.</li>
 * <li>Projected release date = full term date - GCT (after forfeitures); release date = the projected release
 *     date or, if that is a Saturday, Sunday or federal holiday, the last weekday before it that is not a
 *     holiday (18 U.S.C. 3624(a)).</li>
 * </ul>
 */
final class UsFederalFsaRegime implements SentenceRegime {

    static final String CODE = "US_FEDERAL_FSA";
    static final int DEFAULT_RATE = 54;

    @Override
    public String code() {
        return CODE;
    }

    /**
     * The good conduct time of a term, before forfeitures.
     *
     * @param moreThanOneYear whether start + term is later than start + 1 year
     * @param wholeYears the whole years imposed
     * @param partialStart start + whole years: the first day of the partial final year
     * @param partialDays the days of the partial final year (0 to 365)
     * @param forWholeYears rate x whole years (0 when not eligible)
     * @param forPartialYear floor(rate x partial days / 365) (0 when not eligible)
     */
    record GoodConductTime(int rate, boolean moreThanOneYear, int wholeYears, LocalDate partialStart, int partialDays,
                           int forWholeYears, int forPartialYear) {

        int total() {
            return forWholeYears + forPartialYear;
        }
    }

    static GoodConductTime goodConductTime(LocalDate start, LocalDate termEnd, int rate) {
        boolean moreThanOneYear = termEnd.isAfter(start.plusYears(1));
        int wholeYears = wholeYears(start, termEnd);
        LocalDate partialStart = start.plusYears(wholeYears);
        int partialDays = (int) ChronoUnit.DAYS.between(partialStart, termEnd);
        if (!moreThanOneYear || rate == 0) {
            return new GoodConductTime(rate, moreThanOneYear, wholeYears, partialStart, partialDays, 0, 0);
        }
        return new GoodConductTime(rate, true, wholeYears, partialStart, partialDays,
                rate * wholeYears, (int) ((long) rate * partialDays / 365));
    }

    /**
     * The most years n with start + n years not later than {@code termEnd}. Years are added to the start each
     * time (2024-02-29 + 1 year = 2025-02-28), never one after another.
     */
    static int wholeYears(LocalDate start, LocalDate termEnd) {
        int years = (int) Math.max(0, ChronoUnit.YEARS.between(start, termEnd));
        while (!start.plusYears(years + 1L).isAfter(termEnd)) {
            years++;
        }
        while (years > 0 && start.plusYears(years).isAfter(termEnd)) {
            years--;
        }
        return years;
    }

    @Override
    public SentenceCalculation compute(SentenceRequest request, Language language) {
        int rate = request.gctDaysPerYear() == null ? DEFAULT_RATE : request.gctDaysPerYear();
        List<TermGroup> groups = TermGroup.of(request.terms());
        List<Forfeiture> forfeitures = request.forfeitures();
        boolean[] applied = new boolean[forfeitures.size()];
        Breakdown b = new Breakdown(language);
        List<Outcome> outcomes = new ArrayList<>();
        for (TermGroup group : groups) {
            if (!TermSteps.describe(b, group, groups.size(), request.terms())) {
                for (int j = 0; j < forfeitures.size(); j++) {
                    Forfeiture f = forfeitures.get(j);
                    if (!f.date().isBefore(group.start())) {
                        applied[j] = true;
                        b.add("FORFEITURE_NO_GCT", 0, f.date(), Breakdown.date(f.date()), b.days(f.days()), f.reason());
                    }
                }
                outcomes.add(Outcome.life(group.number()));
                continue;
            }
            GoodConductTime gct = goodConductTime(group.start(), group.termEnd(), rate);
            describeGoodConductTime(b, group, gct);

            int sanctioned = 0;
            for (int j = 0; j < forfeitures.size(); j++) {
                Forfeiture f = forfeitures.get(j);
                if (!group.serving(f.date())) {
                    continue;
                }
                applied[j] = true;
                if (gct.total() == 0) {
                    b.add("FORFEITURE_NO_GCT", 0, f.date(), Breakdown.date(f.date()), b.days(f.days()), f.reason());
                } else {
                    sanctioned += f.days();
                    b.add("FORFEITURE", f.days(), f.date(), Breakdown.date(f.date()), b.days(f.days()), f.reason());
                }
            }
            int forfeited = Math.min(sanctioned, gct.total());
            if (sanctioned > gct.total()) {
                b.add("FORFEITURE_CAPPED", forfeited, null, b.days(sanctioned), b.days(gct.total()));
            }
            int earned = gct.total() - forfeited;
            if (sanctioned > 0) {
                b.add("GCT_AFTER_FORFEITURE", earned, null, gct.total(), forfeited, earned);
            }

            LocalDate full = group.fullTermDate();
            LocalDate projected = full.minusDays(earned);
            b.add("PROJECTED_RELEASE_DATE", null, projected, Breakdown.date(full), b.days(earned),
                    Breakdown.date(projected));
            UsFederalHolidays.WorkingDay release = UsFederalHolidays.lastWorkingDayOnOrBefore(projected);
            describeRelease(b, projected, release);
            outcomes.add(new Outcome(group.number(), false, full, earned, forfeited, projected, release.date()));
        }
        for (int j = 0; j < forfeitures.size(); j++) {
            if (!applied[j]) {
                Forfeiture f = forfeitures.get(j);
                b.add("FORFEITURE_NOT_APPLIED", 0, f.date(), Breakdown.date(f.date()), b.days(f.days()), f.reason());
            }
        }
        return Outcome.governing(outcomes, b).toCalculation(CODE, b);
    }

    private static void describeGoodConductTime(Breakdown b, TermGroup group, GoodConductTime gct) {
        switch (gct.rate()) {
            case 0 -> b.addText("GCT_RATE", "GCT_RATE_0", 0, null);
            case 42 -> b.addText("GCT_RATE", "GCT_RATE_42", 42, null);
            default -> b.add("GCT_RATE", gct.rate(), null, gct.rate());
        }
        if (gct.rate() == 0) {
            return;
        }
        LocalDate start = group.start();
        LocalDate oneYear = start.plusYears(1);
        if (!gct.moreThanOneYear()) {
            b.add("GCT_NOT_ELIGIBLE", 0, null, Breakdown.date(group.termEnd()), Breakdown.date(oneYear));
            return;
        }
        b.add("WHOLE_YEARS", gct.wholeYears(), gct.partialStart(), gct.wholeYears(), Breakdown.date(start),
                Breakdown.date(gct.partialStart()), Breakdown.date(group.termEnd()),
                Breakdown.date(start.plusYears(gct.wholeYears() + 1L)),
                b.text(gct.wholeYears() == 1 ? "year" : "years", gct.wholeYears()));
        if (gct.partialDays() == 0) {
            b.addText("PARTIAL_YEAR_DAYS", "PARTIAL_YEAR_NONE", 0, null);
        } else {
            b.add("PARTIAL_YEAR_DAYS", gct.partialDays(), gct.partialStart(), Breakdown.date(gct.partialStart()),
                    Breakdown.date(group.termEnd().minusDays(1)), b.days(gct.partialDays()));
        }
        b.add("GCT_WHOLE_YEARS", gct.forWholeYears(), null, gct.rate(), gct.wholeYears(), gct.forWholeYears());
        b.add("GCT_PARTIAL_YEAR", gct.forPartialYear(), null, gct.rate(), gct.partialDays(), gct.forPartialYear());
        b.add("GCT_TOTAL", gct.total(), null, gct.forWholeYears(), gct.forPartialYear(), gct.total());
    }

    private static void describeRelease(Breakdown b, LocalDate projected, UsFederalHolidays.WorkingDay release) {
        if (release.skipped().isEmpty()) {
            b.add("RELEASE_DATE", null, release.date(), Breakdown.date(projected), b.dayOfWeek(projected));
            return;
        }
        List<String> reasons = new ArrayList<>();
        for (UsFederalHolidays.SkippedDay day : release.skipped()) {
            if (day.weekend()) {
                reasons.add(b.text("SKIPPED_WEEKEND", Breakdown.date(day.date()), b.dayOfWeek(day.date())));
            } else if (day.holiday().shifted()) {
                reasons.add(b.text("SKIPPED_HOLIDAY_OBSERVED", Breakdown.date(day.date()),
                        day.holiday().holiday().name(b.language()), Breakdown.date(day.holiday().date())));
            } else {
                reasons.add(b.text("SKIPPED_HOLIDAY", Breakdown.date(day.date()),
                        day.holiday().holiday().name(b.language())));
            }
        }
        String joined = String.join("; ", reasons);
        joined = Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
        b.addText("RELEASE_DATE", "RELEASE_DATE_ADJUSTED", null, release.date(), joined,
                Breakdown.date(release.date()), b.dayOfWeek(release.date()));
    }
}
