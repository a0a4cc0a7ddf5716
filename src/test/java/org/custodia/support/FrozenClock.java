package org.custodia.support;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The app's clock in the integration tests is {@link TestClock}: frozen at the start of the run. */
@TestConfiguration(proxyBeanMethods = false)
public class FrozenClock {

    @Bean
    @Primary
    Clock frozenClock() {
        return TestClock.get();
    }
}
