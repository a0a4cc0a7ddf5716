package org.custodia.sentence.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.custodia.common.FieldProblem;
import org.custodia.common.Validation;
import org.custodia.sentence.SentenceCalculation;
import org.custodia.sentence.SentenceCalculator;
import org.custodia.sentence.SentenceRequest;
import org.custodia.sentence.SentenceRequest.Forfeiture;
import org.custodia.sentence.SentenceRequest.Relation;
import org.custodia.sentence.SentenceRequest.Sentence;
import org.custodia.sentence.SentenceRequest.Term;

/**
 * Validates a request (every problem at once), then hands it to the regime named by its code. "Today" comes from
 * the injected clock: a start date may be at most ten years ahead, a sanction cannot lie in the future.
 */
final class RegimeSentenceCalculator implements SentenceCalculator {

    static final Set<Integer> GCT_RATES = Set.of(54, 42, 0);
    static final int MAX_TERMS = 100;
    static final int MAX_YEARS = 1_000;
    static final int MAX_MONTHS = 12_000;
    static final int MAX_DAYS = 366_000;
    static final int START_AT_MOST_YEARS_AHEAD = 10;
    static final LocalDate EARLIEST_START = LocalDate.of(1900, 1, 1);

    private final Clock clock;
    private final SentenceRegimes regimes;

    RegimeSentenceCalculator(Clock clock, SentenceRegimes regimes) {
        this.clock = clock;
        this.regimes = regimes;
    }

    @Override
    public Set<String> regimes() {
        return regimes.codes();
    }

    @Override
    public SentenceCalculation calculate(SentenceRequest request) {
        Validation validation = new Validation();
        problems(request).forEach(p -> validation.add(p.field(), p.code(), p.message()));
        validation.throwIfInvalid();
        SentenceRegime regime = regimes.find(request.regime()).orElseThrow();
        return regime.compute(request, Language.of(request.locale()));
    }

    @Override
    public List<FieldProblem> problems(SentenceRequest request) {
        Validation v = new Validation();
        LocalDate today = LocalDate.now(clock);
        LocalDate latestStart = today.plusYears(START_AT_MOST_YEARS_AHEAD);

        if (request.regime() == null || request.regime().isBlank()) {
            v.add("regime", "REQUIRED", "regime is required: one of " + regimes.codes());
        } else if (regimes.find(request.regime()).isEmpty()) {
            v.add("regime", "INVALID_VALUE", "Unknown regime " + request.regime() + ": one of " + regimes.codes());
        }
        Integer rate = request.gctDaysPerYear();
        v.require(rate == null || GCT_RATES.contains(rate), "gctDaysPerYear", "INVALID_VALUE",
                "gctDaysPerYear must be 54, 42 or 0");

        List<Sentence> terms = request.terms();
        if (terms.isEmpty()) {
            v.add("terms", "REQUIRED", "At least one term is required");
        } else if (terms.size() > MAX_TERMS) {
            v.add("terms", "OUT_OF_RANGE", "At most " + MAX_TERMS + " terms");
        }
        boolean termsValid = !terms.isEmpty() && terms.size() <= MAX_TERMS;
        LocalDate earliestStart = null;
        for (int i = 0; i < terms.size(); i++) {
            String at = "terms[" + i + "]";
            Sentence s = terms.get(i);
            if (s == null) {
                v.add(at, "REQUIRED", at + " is required");
                termsValid = false;
                continue;
            }
            int before = v.problems().size();
            boolean consecutive = i > 0 && s.relation() == Relation.CONSECUTIVE;
            if (i > 0 && s.relation() == null) {
                v.add(at + ".relation", "REQUIRED",
                        "relation is required for every term after the first: CONCURRENT or CONSECUTIVE");
            }
            if (i == 0 && s.relation() == Relation.CONSECUTIVE) {
                v.add(at + ".relation", "INVALID_VALUE", "The first term has no term before it to be consecutive to");
            }
            if (s.startDate() == null) {
                v.require(consecutive, at + ".startDate", "REQUIRED", "startDate is required");
            } else {
                v.require(!s.startDate().isAfter(latestStart), at + ".startDate", "INVALID_DATE",
                        "startDate must not be after " + latestStart + " (today + " + START_AT_MOST_YEARS_AHEAD + " years)");
                v.require(!s.startDate().isBefore(EARLIEST_START), at + ".startDate", "INVALID_DATE",
                        "startDate must not be before " + EARLIEST_START);
                if (!consecutive && (earliestStart == null || s.startDate().isBefore(earliestStart))) {
                    earliestStart = s.startDate();
                }
            }
            checkTerm(v, at + ".term", s.term());
            v.require(s.jailCreditDays() >= 0, at + ".jailCreditDays", "OUT_OF_RANGE", "jailCreditDays must not be negative");
            v.require(s.jailCreditDays() <= MAX_DAYS, at + ".jailCreditDays", "OUT_OF_RANGE",
                    "jailCreditDays must not be more than " + MAX_DAYS);
            termsValid &= v.problems().size() == before;
        }
        if (termsValid) {
            for (TermGroup group : TermGroup.of(terms)) {
                if (!group.life() && group.jailCreditDays() > group.termDays()) {
                    int first = group.termNumbers().get(0) - 1;
                    v.add("terms[" + first + "].jailCreditDays", "EXCEEDS_TERM",
                            "Jail credit of " + group.jailCreditDays() + " days is more than the term imposed ("
                                    + group.termDays() + " days)");
                }
            }
        }

        List<Forfeiture> forfeitures = request.forfeitures();
        for (int j = 0; j < forfeitures.size(); j++) {
            String at = "forfeitures[" + j + "]";
            Forfeiture f = forfeitures.get(j);
            if (f == null) {
                v.add(at, "REQUIRED", at + " is required");
                continue;
            }
            if (f.date() == null) {
                v.add(at + ".date", "REQUIRED", "date is required");
            } else {
                v.require(!f.date().isAfter(today), at + ".date", "INVALID_DATE",
                        "A sanction cannot be dated after today (" + today + ")");
                v.require(earliestStart == null || !f.date().isBefore(earliestStart), at + ".date", "INVALID_DATE",
                        "A sanction cannot be dated before the sentence starts (" + earliestStart + ")");
            }
            v.require(f.days() >= 1, at + ".days", "OUT_OF_RANGE", "days must be at least 1");
            v.require(f.days() <= MAX_DAYS, at + ".days", "OUT_OF_RANGE", "days must not be more than " + MAX_DAYS);
            v.require(f.reason() != null && !f.reason().isBlank(), at + ".reason", "REQUIRED", "reason is required");
        }
        return v.problems();
    }

    private static void checkTerm(Validation v, String at, Term term) {
        if (term == null) {
            v.add(at, "REQUIRED", "term is required");
            return;
        }
        checkPart(v, at + ".years", term.years(), MAX_YEARS);
        checkPart(v, at + ".months", term.months(), MAX_MONTHS);
        checkPart(v, at + ".days", term.days(), MAX_DAYS);
        boolean anyLength = term.years() != 0 || term.months() != 0 || term.days() != 0;
        if (term.life()) {
            v.require(!anyLength, at + ".life", "LIFE_WITH_TERM", "A life term has no years, months or days");
        } else {
            v.require(anyLength, at, "ZERO_TERM", "The term must be longer than zero: give years, months or days, or life");
        }
    }

    private static void checkPart(Validation v, String field, int value, int max) {
        String name = field.substring(field.lastIndexOf('.') + 1);
        v.require(value >= 0, field, "OUT_OF_RANGE", name + " must not be negative");
        v.require(value <= max, field, "OUT_OF_RANGE", name + " must not be more than " + max);
    }
}
