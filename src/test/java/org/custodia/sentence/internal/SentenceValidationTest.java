package org.custodia.sentence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custodia.sentence.internal.Fixtures.CALCULATOR;
import static org.custodia.sentence.internal.Fixtures.FSA;
import static org.custodia.sentence.internal.Fixtures.d;
import static org.custodia.sentence.internal.Fixtures.first;
import static org.custodia.sentence.internal.Fixtures.months;

import java.util.List;
import org.custodia.common.ApiException;
import org.custodia.common.FieldProblem;
import org.custodia.sentence.SentenceRequest;
import org.custodia.sentence.SentenceRequest.Forfeiture;
import org.custodia.sentence.SentenceRequest.Relation;
import org.custodia.sentence.SentenceRequest.Sentence;
import org.custodia.sentence.SentenceRequest.Term;
import org.junit.jupiter.api.Test;

/** Every problem at once; today is 2025-06-01. */
class SentenceValidationTest {

    private static List<String> problems(SentenceRequest request) {
        return CALCULATOR.problems(request).stream().map(p -> p.field() + " " + p.code()).toList();
    }

    private static SentenceRequest one(Sentence sentence) {
        return new SentenceRequest(FSA, List.of(sentence), null, List.of(), null);
    }

    @Test
    void aValidRequestHasNone() {
        assertThat(problems(one(first("2025-01-01", months(60), 0)))).isEmpty();
    }

    @Test
    void everyProblemOfTheIssueAtOnce() {
        SentenceRequest request = new SentenceRequest("XX_UNKNOWN", List.of(
                new Sentence(d("2035-06-02"), new Term(-1, 0, 0, false), -1, null),
                new Sentence(d("2025-01-01"), new Term(0, 0, 0, false), 0, Relation.CONCURRENT),
                new Sentence(d("2025-01-01"), new Term(0, 6, 0, true), 0, Relation.CONCURRENT)), 50, List.of(), null);
        assertThat(problems(request)).containsExactlyInAnyOrder(
                "regime INVALID_VALUE",
                "gctDaysPerYear INVALID_VALUE",
                "terms[0].startDate INVALID_DATE",
                "terms[0].term.years OUT_OF_RANGE",
                "terms[0].jailCreditDays OUT_OF_RANGE",
                "terms[1].term ZERO_TERM",
                "terms[2].term.life LIFE_WITH_TERM");
        assertThatThrownBy(() -> CALCULATOR.calculate(request)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(e.errors()).hasSize(7);
        });
    }

    @Test
    void theLatestStartIsTodayPlusTenYears() {
        assertThat(problems(one(first("2035-06-01", months(60), 0)))).isEmpty();
        assertThat(problems(one(first("2035-06-02", months(60), 0)))).containsExactly("terms[0].startDate INVALID_DATE");
    }

    @Test
    void theEarliestStartIs1900() {
        assertThat(problems(one(first("1900-01-01", months(60), 0)))).isEmpty();
        assertThat(problems(one(first("1899-12-31", months(60), 0)))).containsExactly("terms[0].startDate INVALID_DATE");
    }

    @Test
    void missingThings() {
        assertThat(problems(new SentenceRequest(null, List.of(), null, List.of(), null)))
                .containsExactlyInAnyOrder("regime REQUIRED", "terms REQUIRED");
        assertThat(problems(one(new Sentence(null, null, 0, null))))
                .containsExactlyInAnyOrder("terms[0].startDate REQUIRED", "terms[0].term REQUIRED");
    }

    @Test
    void relations() {
        SentenceRequest request = new SentenceRequest(FSA, List.of(
                new Sentence(d("2025-01-01"), months(12), 0, Relation.CONSECUTIVE),
                new Sentence(d("2025-01-01"), months(12), 0, null),
                new Sentence(null, months(12), 0, Relation.CONSECUTIVE),
                new Sentence(null, months(12), 0, Relation.CONCURRENT)), null, List.of(), null);
        assertThat(problems(request)).containsExactlyInAnyOrder("terms[0].relation INVALID_VALUE",
                "terms[1].relation REQUIRED", "terms[3].startDate REQUIRED");
    }

    @Test
    void jailCreditCannotExceedTheTerm() {
        // 30 days from 2025-01-01: 30 days of credit are the whole term; 31 are more.
        assertThat(problems(one(first("2025-01-01", Term.of(0, 0, 30), 30)))).isEmpty();
        List<FieldProblem> problems = CALCULATOR.problems(one(first("2025-01-01", Term.of(0, 0, 30), 31)));
        assertThat(problems).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("terms[0].jailCreditDays", "EXCEEDS_TERM"));
    }

    @Test
    void forfeitures() {
        SentenceRequest request = new SentenceRequest(FSA, List.of(first("2025-01-01", months(60), 0)), null, List.of(
                new Forfeiture(d("2025-06-02"), 0, " "),
                new Forfeiture(d("2024-12-31"), 10, "fighting"),
                new Forfeiture(null, 10, "fighting")), null);
        assertThat(problems(request)).containsExactlyInAnyOrder(
                "forfeitures[0].date INVALID_DATE", "forfeitures[0].days OUT_OF_RANGE", "forfeitures[0].reason REQUIRED",
                "forfeitures[1].date INVALID_DATE", "forfeitures[2].date REQUIRED");
    }

    @Test
    void absurdLengthsAreRefused() {
        assertThat(problems(one(first("2025-01-01", new Term(1001, 12001, 366001, false), 0))))
                .containsExactlyInAnyOrder("terms[0].term.years OUT_OF_RANGE", "terms[0].term.months OUT_OF_RANGE",
                        "terms[0].term.days OUT_OF_RANGE");
    }
}
