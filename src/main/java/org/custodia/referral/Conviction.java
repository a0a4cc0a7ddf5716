package org.custodia.referral;

import java.time.LocalDate;
import java.util.List;

/**
 * One judgment against the person: the court, the offences, whether and since when it is final, and the sentence.
 *
 * @param relation how this sentence runs with respect to the earlier ones: at the same time or after them
 * @param jailCreditDays days of prior custody credited against this sentence
 */
public record Conviction(String court, String country, String caseNumber, List<Offence> offences,
                         LocalDate convictionDate, boolean judgmentFinal, LocalDate finalSince, Sentence sentence,
                         Relation relation, LocalDate sentenceStartDate, int jailCreditDays) {

    public Conviction {
        offences = offences == null ? List.of() : List.copyOf(offences);
        relation = relation == null ? Relation.CONCURRENT : relation;
    }

    /** Final (no appeal left) on that day: declared final, and final since that day or earlier. */
    public boolean isFinalOn(LocalDate day) {
        return judgmentFinal && finalSince != null && !finalSince.isAfter(day);
    }

    public record Offence(String code, String description) {
    }

    /** The term imposed; a life sentence has no term. */
    public record Sentence(int years, int months, int days, boolean life) {
    }

    public enum Relation {
        CONCURRENT, CONSECUTIVE
    }
}
