package org.custodia.referral.internal;

import org.custodia.sentence.SentenceCalculator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReferralConfiguration {

    /** The one place that chooses who computes release dates for MIN_REMAINING_SENTENCE_DAYS: the sentence module. */
    @Bean
    ReleaseDateEstimator releaseDateEstimator(SentenceCalculator calculator) {
        return new SentenceCalculatorEstimator(calculator);
    }

    /** One check per eligibility rule type, collected once. */
    @Bean
    EligibilityEngine eligibilityEngine(ReleaseDateEstimator estimator) {
        return EligibilityEngine.standard(estimator);
    }
}
