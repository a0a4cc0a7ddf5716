package org.custodia.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-01-10T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, 20, Duration.ofMinutes(15), Duration.ofMinutes(5));

    @Test
    void fiveFailuresLockTheUsernameForFiveMinutes() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("ana", "10.0.0." + i)).isEmpty();
        }
        assertThat(throttle.lockedOut("ana", "10.0.0.9")).isEmpty();
        assertThat(throttle.failed("ana", "10.0.0.5")).extracting(LoginThrottle.Lockout::kind)
                .containsExactly(LoginThrottle.Kind.USER);
        assertThat(throttle.lockedOut("ana", "10.0.0.9")).get().extracting(LoginThrottle.Lockout::until)
                .isEqualTo(clock.now.plus(Duration.ofMinutes(5)));
        assertThat(throttle.lockedOut("bea", "10.0.0.9")).as("other users are not affected").isEmpty();

        clock.now = clock.now.plus(Duration.ofMinutes(5)).plusSeconds(1);
        assertThat(throttle.lockedOut("ana", "10.0.0.9")).as("a short lockout").isEmpty();
        assertThat(throttle.failed("ana", "10.0.0.9")).as("the count starts afresh").isEmpty();
    }

    @Test
    void failuresOutsideTheWindowDoNotCountAndASuccessClearsTheUsername() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("carla", "10.1.0.1");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(throttle.failed("carla", "10.1.0.1")).isEmpty();
        for (int i = 0; i < 3; i++) {
            throttle.failed("carla", "10.1.0.1");
        }
        throttle.succeeded("carla");
        assertThat(throttle.failed("carla", "10.1.0.1")).isEmpty();
    }

    @Test
    void twentyFailuresFromOneAddressLockTheAddressForEveryUsername() {
        for (int i = 0; i < 19; i++) {
            assertThat(throttle.failed("guess-" + i, "192.0.2.7")).isEmpty();
        }
        assertThat(throttle.failed("guess-19", "192.0.2.7")).extracting(LoginThrottle.Lockout::kind)
                .containsExactly(LoginThrottle.Kind.ADDRESS);
        assertThat(throttle.lockedOut("dora", "192.0.2.7")).get().extracting(LoginThrottle.Lockout::kind)
                .isEqualTo(LoginThrottle.Kind.ADDRESS);
        assertThat(throttle.lockedOut("dora", "192.0.2.8")).isEmpty();
    }
}
