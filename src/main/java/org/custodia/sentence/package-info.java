/**
 * Sentence computation: release dates under the sentencing state's rules (a regime per agreement), with a
 * breakdown a person can follow. Pure domain code with no database. Other modules use {@link
 * org.custodia.sentence.SentenceCalculator} with a {@link org.custodia.sentence.SentenceRequest} and read a
 * {@link org.custodia.sentence.SentenceCalculation}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sentence")
package org.custodia.sentence;
