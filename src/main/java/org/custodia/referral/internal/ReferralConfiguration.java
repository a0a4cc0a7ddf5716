package org.custodia.referral.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReferralConfiguration {

    /** The one place that chooses who computes release dates for MIN_REMAINING_SENTENCE_DAYS. */
    @Bean
    ReleaseDateEstimator releaseDateEstimator() {
        return new FederalReleaseDateEstimator();
    }
}
