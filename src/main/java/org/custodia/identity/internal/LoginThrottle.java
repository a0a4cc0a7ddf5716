package org.custodia.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins counted per username and per remote address over a sliding window; past the limit, that
 * username or address is locked out for a short while, during which even the right password is refused without
 * being checked (so a locked-out guesser costs no BCrypt either). A successful sign-in clears the username's count.
 * Kept in PostgreSQL (table {@code login_failure}), so every instance against the database counts the same
 * failures: each failure is one upsert that trims the window, counts and starts the lockout in one statement, so
 * two instances counting at once neither lose a failure nor both start the lockout. Every time is this
 * application's {@link Clock}, never the database's. The writes take a transaction of their own, so a failure
 * counted inside a caller's transaction that rolls back (a wrong current password) stays counted.
 */
@Component
class LoginThrottle {

    /** What the throttle keys on; the ledger names the subject of a lockout by it. */
    enum Kind { USER, ADDRESS }

    record Lockout(Kind kind, String key, Instant until) {
    }

    private static final int MAX_KEY_LENGTH = 200;

    /**
     * One failure of {@code (kind, key)} at {@code now}: the failures after {@code windowStart} plus this one; a
     * lockout starts when they reach {@code max} and none is running, and then they are emptied. Only a lockout
     * started now leaves the row with no failure (otherwise this one is in it) and ending at {@code until}, which
     * is what {@code started} says.
     */
    private static final String FAILED = """
            INSERT INTO login_failure AS f (kind, key, failures, locked_until)
            VALUES (:kind, :key,
                    CASE WHEN :lockAtOnce OR NOT :counted THEN CAST('{}' AS timestamptz[])
                         ELSE ARRAY[CAST(:now AS timestamptz)] END,
                    CASE WHEN :lockAtOnce THEN :until END)
            ON CONFLICT (kind, key) DO UPDATE SET
                locked_until = CASE
                    WHEN (SELECT count(*) FROM unnest(f.failures || CAST(:now AS timestamptz)) t
                          WHERE t > :windowStart) >= :max
                         AND (f.locked_until IS NULL OR f.locked_until <= :now)
                    THEN :until ELSE f.locked_until END,
                failures = CASE
                    WHEN (SELECT count(*) FROM unnest(f.failures || CAST(:now AS timestamptz)) t
                          WHERE t > :windowStart) >= :max
                         AND (f.locked_until IS NULL OR f.locked_until <= :now)
                    THEN CAST('{}' AS timestamptz[])
                    ELSE ARRAY(SELECT t FROM unnest(f.failures || CAST(:now AS timestamptz)) t
                               WHERE t > :windowStart ORDER BY t) END
            RETURNING cardinality(failures) = 0 AND locked_until = :until AS started, locked_until""";

    private final Clock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration window;
    private final Duration lockout;

    LoginThrottle(Clock clock, JdbcClient jdbc, PlatformTransactionManager transactions,
                  @Value("${custodia.login-throttle.max-failures-per-user:5}") int maxPerUser,
                  @Value("${custodia.login-throttle.max-failures-per-address:20}") int maxPerAddress,
                  @Value("${custodia.login-throttle.window:PT15M}") Duration window,
                  @Value("${custodia.login-throttle.lockout:PT5M}") Duration lockout) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.lockout = lockout;
    }

    /** The lockout that applies now to this username or this address, the later-ending one if both. */
    Optional<Lockout> lockedOut(String username, String address) {
        Instant now = now();
        Optional<Lockout> user = lockout(Kind.USER, key(username), now);
        Optional<Lockout> from = lockout(Kind.ADDRESS, key(address), now);
        if (user.isPresent() && from.isPresent()) {
            return user.get().until().isAfter(from.get().until()) ? user : from;
        }
        return user.isPresent() ? user : from;
    }

    /** Counts a failed sign-in; returns the lockouts it started (empty when it started none). */
    List<Lockout> failed(String username, String address) {
        Instant now = now();
        List<Lockout> started = new ArrayList<>();
        ownTransaction.executeWithoutResult(status -> {
            count(Kind.USER, key(username), maxPerUser, now).ifPresent(started::add);
            count(Kind.ADDRESS, key(address), maxPerAddress, now).ifPresent(started::add);
        });
        return started;
    }

    void succeeded(String username) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("DELETE FROM login_failure WHERE kind = ? AND key = ?")
                .params(Kind.USER.name(), stored(key(username))).update());
    }

    /**
     * Every ten minutes, deletes the rows that say nothing any more: no lockout running and no failure inside the window. Whichever
     * instance runs it, and however often, the throttle decides the same.
     */
    @Scheduled(initialDelayString = "${custodia.login-throttle.cleanup-interval:PT10M}",
            fixedDelayString = "${custodia.login-throttle.cleanup-interval:PT10M}")
    void cleanUp() {
        forgetStale();
    }

    /** The rows {@link #cleanUp} deletes, now; returns how many. */
    int forgetStale() {
        Instant now = now();
        OffsetDateTime windowStart = at(now.minus(window));
        return ownTransaction.execute(status -> jdbc.sql("""
                        DELETE FROM login_failure
                        WHERE (locked_until IS NULL OR locked_until <= :now)
                          AND NOT EXISTS (SELECT 1 FROM unnest(failures) t WHERE t > :windowStart)""")
                .param("now", at(now)).param("windowStart", windowStart).update());
    }

    /** The clock's instant to the microsecond, the precision of {@code timestamptz}, so what is stored is exact. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String key(String value) {
        String key = value == null ? "" : value;
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }

    /** PostgreSQL's text holds no NUL character: one (which no real username has) is stored as U+FFFD. */
    private static String stored(String key) {
        return key.replace('\u0000', '\uFFFD');
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private Optional<Lockout> lockout(Kind kind, String key, Instant now) {
        return jdbc.sql("""
                        SELECT locked_until FROM login_failure
                        WHERE kind = ? AND key = ? AND locked_until > ?""")
                .params(kind.name(), stored(key), at(now))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional()
                .map(until -> new Lockout(kind, key, until));
    }

    private Optional<Lockout> count(Kind kind, String key, int max, Instant now) {
        Instant windowStart = now.minus(window);
        Instant until = now.plus(lockout);
        boolean counted = now.isAfter(windowStart);
        boolean lockAtOnce = (counted ? 1 : 0) >= max;
        return jdbc.sql(FAILED)
                .param("kind", kind.name())
                .param("key", stored(key))
                .param("now", at(now))
                .param("windowStart", at(windowStart))
                .param("until", at(until))
                .param("max", max)
                .param("lockAtOnce", lockAtOnce)
                .param("counted", counted)
                .query((rs, n) -> rs.getBoolean("started")
                        ? Optional.of(new Lockout(kind, key, rs.getObject("locked_until", OffsetDateTime.class).toInstant()))
                        : Optional.<Lockout>empty())
                .single();
    }
}
