package org.custodia.sentence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.sentence.internal.Fixtures.calculate;
import static org.custodia.sentence.internal.Fixtures.codes;
import static org.custodia.sentence.internal.Fixtures.concurrent;
import static org.custodia.sentence.internal.Fixtures.consecutive;
import static org.custodia.sentence.internal.Fixtures.d;
import static org.custodia.sentence.internal.Fixtures.first;
import static org.custodia.sentence.internal.Fixtures.months;

import java.util.List;
import java.util.Locale;
import org.custodia.sentence.SentenceCalculation;
import org.custodia.sentence.SentenceRequest.Forfeiture;
import org.custodia.sentence.SentenceRequest.Term;
import org.junit.jupiter.api.Test;

class NoCreditsRegimeTest {

    private static final String NO_CREDITS = "NO_CREDITS";

    @Test
    void releaseAtTheFullTerm() {
        // 60 months from 2025-01-01: end 2030-01-01, full 2029-12-31 = projected = release, no GCT.
        SentenceCalculation c = calculate(NO_CREDITS, List.of(first("2025-01-01", months(60), 0)), List.of(), null);
        assertThat(c.regime()).isEqualTo(NO_CREDITS);
        assertThat(c.fullTermDate()).isEqualTo(d("2029-12-31"));
        assertThat(c.goodConductTimeDays()).isZero();
        assertThat(c.projectedReleaseDate()).isEqualTo(d("2029-12-31"));
        assertThat(c.releaseDate()).isEqualTo(d("2029-12-31"));
        assertThat(codes(c)).containsExactly("TERM_IMPOSED", "SENTENCE_START", "TERM_END", "JAIL_CREDIT",
                "FULL_TERM_DATE", "NO_CREDITS", "RELEASE_DATE");
    }

    @Test
    void jailCreditCountsButWeekendsDoNotMoveTheRelease() {
        // full 2029-12-31 - 30 = 2029-12-01, a Saturday: this regime does not move it.
        SentenceCalculation c = calculate(NO_CREDITS, List.of(first("2025-01-01", months(60), 30)), List.of(), null);
        assertThat(c.releaseDate()).isEqualTo(d("2029-12-01"));
    }

    @Test
    void forfeituresChangeNothing() {
        SentenceCalculation c = calculate(NO_CREDITS, List.of(first("2025-01-01", months(60), 0)),
                List.of(new Forfeiture(d("2025-02-01"), 30, "fighting")), Locale.ENGLISH);
        assertThat(c.releaseDate()).isEqualTo(d("2029-12-31"));
        assertThat(codes(c)).endsWith("FORFEITURE_NOT_APPLICABLE");
    }

    @Test
    void severalTermsAndLife() {
        // 24 + 12 months consecutive from 2020-01-01 = 36 months: full 2022-12-31; concurrent 12 months from
        // 2022-06-01: full 2023-05-31, later, governs.
        SentenceCalculation c = calculate(NO_CREDITS, List.of(first("2020-01-01", months(24), 0),
                consecutive(months(12), 0), concurrent("2022-06-01", months(12), 0)), List.of(), null);
        assertThat(c.releaseDate()).isEqualTo(d("2023-05-31"));
        assertThat(calculate(NO_CREDITS, List.of(first("2020-01-01", Term.lifeTerm(), 0)), List.of(), null).life())
                .isTrue();
    }
}
