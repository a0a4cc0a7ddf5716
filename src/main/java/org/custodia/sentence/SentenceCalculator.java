package org.custodia.sentence;

import java.util.List;
import java.util.Set;
import org.custodia.common.FieldProblem;

/**
 * Computes release dates under a sentencing regime ({@code US_FEDERAL_FSA}, {@code NO_CREDITS}, ...).
 * Stateless and free of side effects: the same request on the same day gives the same answer.
 */
public interface SentenceCalculator {

    /** The codes of the regimes this calculator knows, for example {@code US_FEDERAL_FSA}. */
    Set<String> regimes();

    /**
     * Every problem of the request at once (empty when it can be computed). Field names follow the REST body,
     * for example {@code terms[0].term.years} or {@code forfeitures[1].date}.
     */
    List<FieldProblem> problems(SentenceRequest request);

    /**
     * The release dates with their breakdown.
     *
     * @throws org.custodia.common.ApiException {@code VALIDATION_FAILED} naming every problem of the request
     */
    SentenceCalculation calculate(SentenceRequest request);
}
