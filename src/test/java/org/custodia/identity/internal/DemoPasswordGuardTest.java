package org.custodia.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Outside the demo profile, the demo password opens nothing, even on a database that holds the demo accounts. */
class DemoPasswordGuardTest {

    private static PasswordEncoder encoderUnder(String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new SecurityConfiguration().passwordEncoder(environment, 4);
    }

    @Test
    void theDemoProfileAcceptsTheDemoPassword() {
        PasswordEncoder demo = encoderUnder("demo", "test");
        String hash = demo.encode("demo");
        assertThat(demo.matches("demo", hash)).isTrue();
    }

    @Test
    void withoutTheDemoProfileTheDemoPasswordNeverMatchesNorIsAccepted() {
        String demoHash = encoderUnder("demo").encode("demo");
        PasswordEncoder production = encoderUnder();
        assertThat(production.matches("demo", demoHash)).as("a demo account left in the database").isFalse();
        assertThatThrownBy(() -> production.encode("demo")).isInstanceOf(IllegalArgumentException.class);

        String hash = production.encode("a-real-password-1");
        assertThat(production.matches("a-real-password-1", hash)).isTrue();
        assertThat(production.matches("another-password", hash)).isFalse();
        assertThat(encoderUnder("prod").matches("demo", demoHash)).isFalse();
    }
}
