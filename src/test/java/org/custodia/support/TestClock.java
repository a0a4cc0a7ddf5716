package org.custodia.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The application's clock in the integration tests: frozen at the second the test run began, and moved only by a
 * test that says so ({@link #advance}). Every "now" of the app and of the tests comes from it, so a test never
 * depends on how long the suite has run or on the moment a request happens to arrive.
 */
public final class TestClock extends Clock {

    private static final TestClock INSTANCE = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    private volatile Instant now;

    private TestClock(Instant start) {
        this.now = start;
    }

    /** The one clock of the run, for static helpers that have no Spring context at hand. */
    public static TestClock get() {
        return INSTANCE;
    }

    /** Moves the clock forward; only ever forward, so that no record is written before one already written. */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the test clock only moves forward");
        }
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
