package org.custodia.sentence.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/v1/sentence-calculations}: one term ({@code startDate}, {@code term},
 * {@code jailCreditDays}) or several ({@code terms}), not both. Missing numbers count as 0.
 */
record SentenceCalculationBody(String regime, LocalDate startDate, TermBody term, Integer jailCreditDays,
                               Integer gctDaysPerYear, List<TermEntry> terms, List<ForfeitureBody> forfeitures,
                               String language) {

    /** The length imposed: years, months, days, or life. */
    record TermBody(Integer years, Integer months, Integer days, Boolean life) {
    }

    /** One of several terms; {@code relation} (CONCURRENT or CONSECUTIVE) is to the term listed before it. */
    record TermEntry(LocalDate startDate, TermBody term, Integer jailCreditDays, String relation) {
    }

    /** Good conduct time taken away by a disciplinary sanction. */
    record ForfeitureBody(LocalDate date, Integer days, String reason) {
    }
}
