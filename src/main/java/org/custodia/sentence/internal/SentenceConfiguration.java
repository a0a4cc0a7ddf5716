package org.custodia.sentence.internal;

import java.time.Clock;
import java.util.List;
import org.custodia.sentence.SentenceCalculator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The regimes, one bean each, and the calculator that picks among them by code. */
@Configuration(proxyBeanMethods = false)
class SentenceConfiguration {

    @Bean
    SentenceRegime usFederalFsaRegime() {
        return new UsFederalFsaRegime();
    }

    @Bean
    SentenceRegime noCreditsRegime() {
        return new NoCreditsRegime();
    }

    @Bean
    SentenceCalculator sentenceCalculator(Clock clock, List<SentenceRegime> regimes) {
        return new RegimeSentenceCalculator(clock, new SentenceRegimes(regimes));
    }
}
