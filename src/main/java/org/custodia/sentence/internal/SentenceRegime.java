package org.custodia.sentence.internal;

import org.custodia.sentence.SentenceCalculation;
import org.custodia.sentence.SentenceRequest;

/**
 * The rules of one sentencing state. A regime is chosen by its code (an agreement's sentence regime); adding one
 * is a new implementation registered as a bean, and touches no other regime.
 */
interface SentenceRegime {

    /** The stable code, for example {@code US_FEDERAL_FSA}. */
    String code();

    /** Computes a request that has passed validation, with the breakdown in {@code language}. */
    SentenceCalculation compute(SentenceRequest request, Language language);
}
