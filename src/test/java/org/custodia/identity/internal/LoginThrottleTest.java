package org.custodia.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.custodia.support.IntegrationTest;
import org.custodia.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The throttle over the app's database (table {@code login_failure}), each throttle of a test on a clock of its
 * own, a day after the app's (so the app's cleanup never takes a test's rows for stale). The database is shared:
 * every username and address of a test ends in this test's own suffix.
 */
class LoginThrottleTest extends IntegrationTest {

    /** A clock the test moves by hand. */
    static final class MovingClock extends Clock {
        Instant now = TestClock.get().instant().plus(Duration.ofDays(1));

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

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    private final MovingClock clock = new MovingClock();
    private final String suffix = "@" + UUID.randomUUID().toString().substring(0, 8);
    private LoginThrottle throttle;

    /** A throttle over the app's database, with the app's default limits (as the app itself builds it). */
    private LoginThrottle throttle(Clock on) {
        return new LoginThrottle(on, JdbcClient.create(dataSource), transactions, 5, 20, Duration.ofMinutes(15),
                Duration.ofMinutes(5));
    }

    @org.junit.jupiter.api.BeforeEach
    void throttle() {
        throttle = throttle(clock);
    }

    /** A username or address of this test alone. */
    private String k(String name) {
        return name + suffix;
    }

    @Test
    void fiveFailuresLockTheUsernameForFiveMinutes() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed(k("ana"), k("10.0.0." + i))).isEmpty();
        }
        assertThat(throttle.lockedOut(k("ana"), k("10.0.0.9"))).isEmpty();
        assertThat(throttle.failed(k("ana"), k("10.0.0.5"))).extracting(LoginThrottle.Lockout::kind)
                .containsExactly(LoginThrottle.Kind.USER);
        assertThat(throttle.lockedOut(k("ana"), k("10.0.0.9"))).get().extracting(LoginThrottle.Lockout::until)
                .isEqualTo(clock.now.plus(Duration.ofMinutes(5)));
        assertThat(throttle.lockedOut(k("bea"), k("10.0.0.9"))).as("other users are not affected").isEmpty();

        clock.now = clock.now.plus(Duration.ofMinutes(5)).plusSeconds(1);
        assertThat(throttle.lockedOut(k("ana"), k("10.0.0.9"))).as("a short lockout").isEmpty();
        assertThat(throttle.failed(k("ana"), k("10.0.0.9"))).as("the count starts afresh").isEmpty();
    }

    @Test
    void failuresOutsideTheWindowDoNotCountAndASuccessClearsTheUsername() {
        for (int i = 0; i < 4; i++) {
            throttle.failed(k("carla"), k("10.1.0.1"));
        }
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(throttle.failed(k("carla"), k("10.1.0.1"))).isEmpty();
        for (int i = 0; i < 3; i++) {
            throttle.failed(k("carla"), k("10.1.0.1"));
        }
        throttle.succeeded(k("carla"));
        assertThat(throttle.failed(k("carla"), k("10.1.0.1"))).isEmpty();
    }

    @Test
    void twentyFailuresFromOneAddressLockTheAddressForEveryUsername() {
        for (int i = 0; i < 19; i++) {
            assertThat(throttle.failed(k("guess-" + i), k("192.0.2.7"))).isEmpty();
        }
        assertThat(throttle.failed(k("guess-19"), k("192.0.2.7"))).extracting(LoginThrottle.Lockout::kind)
                .containsExactly(LoginThrottle.Kind.ADDRESS);
        assertThat(throttle.lockedOut(k("dora"), k("192.0.2.7"))).get().extracting(LoginThrottle.Lockout::kind)
                .isEqualTo(LoginThrottle.Kind.ADDRESS);
        assertThat(throttle.lockedOut(k("dora"), k("192.0.2.8"))).isEmpty();
    }

    @Test
    void twoThrottlesOverOneDatabaseShareTheCount() {
        LoginThrottle first = throttle(clock);
        LoginThrottle second = throttle(clock);
        for (int i = 0; i < 2; i++) {
            assertThat(first.failed(k("elena"), k("10.2.0.1"))).isEmpty();
            assertThat(second.failed(k("elena"), k("10.2.0.2"))).isEmpty();
        }
        assertThat(first.lockedOut(k("elena"), k("10.2.0.3"))).isEmpty();
        assertThat(second.failed(k("elena"), k("10.2.0.2"))).as("the fifth failure, whichever instance sees it")
                .extracting(LoginThrottle.Lockout::kind).containsExactly(LoginThrottle.Kind.USER);
        assertThat(first.lockedOut(k("elena"), k("10.2.0.3"))).as("the other instance refuses too").get()
                .extracting(LoginThrottle.Lockout::until).isEqualTo(clock.now.plus(Duration.ofMinutes(5)));

        clock.now = clock.now.plus(Duration.ofMinutes(6));
        for (int i = 0; i < 4; i++) {
            first.failed(k("elena"), k("10.2.0.4"));
        }
        second.succeeded(k("elena"));
        assertThat(first.failed(k("elena"), k("10.2.0.4"))).as("a success on one clears the count on both").isEmpty();
    }

    @Test
    void failuresCountedAtOnceOnTwoInstancesStartOneLockout() throws Exception {
        LoginThrottle first = throttle(clock);
        LoginThrottle second = throttle(clock);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<LoginThrottle.Lockout>>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                LoginThrottle on = i % 2 == 0 ? first : second;
                String address = k("10.3.0." + i);
                Callable<List<LoginThrottle.Lockout>> failure = () -> on.failed(k("fausto"), address);
                results.add(pool.submit(failure));
            }
            List<LoginThrottle.Lockout> started = new ArrayList<>();
            for (Future<List<LoginThrottle.Lockout>> result : results) {
                started.addAll(result.get());
            }
            assertThat(started).as("no failure lost, no second lockout").hasSize(1)
                    .extracting(LoginThrottle.Lockout::kind).containsExactly(LoginThrottle.Kind.USER);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailureCountedInsideATransactionThatRollsBackStaysCounted() {
        TransactionTemplate caller = new TransactionTemplate(transactions);
        for (int i = 0; i < 5; i++) {
            caller.executeWithoutResult(status -> {
                throttle.failed(k("gala"), k("10.5.0.1"));
                status.setRollbackOnly(); // as UserStore.changePassword does on a wrong current password
            });
        }
        assertThat(throttle.lockedOut(k("gala"), k("10.5.0.2"))).isPresent();
    }

    @Test
    void theCleanupForgetsOnlyRowsThatSayNothingAnyMore() {
        throttle.failed(k("hugo"), k("10.4.0.1"));
        for (int i = 0; i < 5; i++) {
            throttle.failed(k("ines"), k("10.4.0.2"));
        }
        clock.now = clock.now.plus(Duration.ofMinutes(15)).plusSeconds(1);
        throttle.forgetStale();
        assertThat(rows(k("hugo"))).as("its one failure is out of the window").isZero();
        assertThat(rows(k("ines"))).as("its lockout ended, its failures were emptied").isZero();

        throttle.failed(k("hugo"), k("10.4.0.1"));
        throttle.forgetStale();
        assertThat(rows(k("hugo"))).as("a failure inside the window").isOne();
    }

    private long rows(String key) {
        return jdbc.sql("SELECT count(*) FROM login_failure WHERE key = ?").param(key).query(Long.class).single();
    }
}
