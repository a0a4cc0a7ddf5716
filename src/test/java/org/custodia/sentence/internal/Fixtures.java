package org.custodia.sentence.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.custodia.sentence.SentenceCalculation;
import org.custodia.sentence.SentenceCalculator;
import org.custodia.sentence.SentenceRequest;
import org.custodia.sentence.SentenceRequest.Forfeiture;
import org.custodia.sentence.SentenceRequest.Relation;
import org.custodia.sentence.SentenceRequest.Sentence;
import org.custodia.sentence.SentenceRequest.Term;

/** A calculator on a frozen day (2025-06-01) with both regimes, and short ways to ask it. */
final class Fixtures {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
    static final SentenceCalculator CALCULATOR = new RegimeSentenceCalculator(CLOCK,
            new SentenceRegimes(List.of(new UsFederalFsaRegime(), new NoCreditsRegime())));
    static final String FSA = "US_FEDERAL_FSA";

    private Fixtures() {
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static SentenceCalculation fsa(String start, Term term) {
        return fsa(start, term, 0);
    }

    static SentenceCalculation fsa(String start, Term term, int jailCredit) {
        return CALCULATOR.calculate(SentenceRequest.single(FSA, d(start), term, jailCredit, Locale.ENGLISH));
    }

    static SentenceCalculation fsa42(String start, Term term) {
        return CALCULATOR.calculate(new SentenceRequest(FSA, List.of(first(start, term, 0)), 42, List.of(), null));
    }

    static SentenceCalculation calculate(String regime, List<Sentence> terms, List<Forfeiture> forfeitures, Locale locale) {
        return CALCULATOR.calculate(new SentenceRequest(regime, terms, null, forfeitures, locale));
    }

    static Sentence first(String start, Term term, int jailCredit) {
        return new Sentence(d(start), term, jailCredit, null);
    }

    static Sentence concurrent(String start, Term term, int jailCredit) {
        return new Sentence(d(start), term, jailCredit, Relation.CONCURRENT);
    }

    static Sentence consecutive(Term term, int jailCredit) {
        return new Sentence(null, term, jailCredit, Relation.CONSECUTIVE);
    }

    static Term months(int months) {
        return Term.ofMonths(months);
    }

    static Term days(int days) {
        return Term.of(0, 0, days);
    }

    static Integer stepValue(SentenceCalculation c, String code) {
        return c.breakdown().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow().value();
    }

    static List<String> codes(SentenceCalculation c) {
        return c.breakdown().stream().map(SentenceCalculation.Step::code).toList();
    }
}
