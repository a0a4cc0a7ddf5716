package org.custodia.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins counted per username and per remote address over a sliding window; past the limit, that
 * username or address is locked out for a short while, during which even the right password is refused without
 * being checked (so a locked-out guesser costs no BCrypt either). A successful sign-in clears the username's count.
 * Kept in memory: each instance throttles what it sees.
 */
@Component
class LoginThrottle {

    /** What the throttle keys on; the ledger names the subject of a lockout by it. */
    enum Kind { USER, ADDRESS }

    record Lockout(Kind kind, String key, Instant until) {
    }

    private static final int MAX_KEY_LENGTH = 200;
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration window;
    private final Duration lockout;
    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock,
                  @Value("${custodia.login-throttle.max-failures-per-user:5}") int maxPerUser,
                  @Value("${custodia.login-throttle.max-failures-per-address:20}") int maxPerAddress,
                  @Value("${custodia.login-throttle.window:PT15M}") Duration window,
                  @Value("${custodia.login-throttle.lockout:PT5M}") Duration lockout) {
        this.clock = clock;
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.lockout = lockout;
    }

    /** The lockout that applies now to this username or this address, the later-ending one if both. */
    Optional<Lockout> lockedOut(String username, String address) {
        Instant now = clock.instant();
        Optional<Lockout> user = lockout(byUser, Kind.USER, key(username), now);
        Optional<Lockout> from = lockout(byAddress, Kind.ADDRESS, key(address), now);
        if (user.isPresent() && from.isPresent()) {
            return user.get().until().isAfter(from.get().until()) ? user : from;
        }
        return user.isPresent() ? user : from;
    }

    /** Counts a failed sign-in; returns the lockouts it started (empty when it started none). */
    List<Lockout> failed(String username, String address) {
        Instant now = clock.instant();
        List<Lockout> started = new ArrayList<>();
        count(byUser, Kind.USER, key(username), maxPerUser, now).ifPresent(started::add);
        count(byAddress, Kind.ADDRESS, key(address), maxPerAddress, now).ifPresent(started::add);
        return started;
    }

    void succeeded(String username) {
        byUser.remove(key(username));
    }

    private static String key(String value) {
        String key = value == null ? "" : value;
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }

    private Optional<Lockout> lockout(Map<String, Failures> map, Kind kind, String key, Instant now) {
        Failures failures = map.get(key);
        if (failures == null) {
            return Optional.empty();
        }
        synchronized (failures) {
            return failures.lockedUntil != null && failures.lockedUntil.isAfter(now)
                    ? Optional.of(new Lockout(kind, key, failures.lockedUntil)) : Optional.empty();
        }
    }

    private Optional<Lockout> count(Map<String, Failures> map, Kind kind, String key, int max, Instant now) {
        if (map.size() >= MAX_TRACKED) {
            map.values().removeIf(f -> f.stale(now.minus(window)));
        }
        Failures failures = map.computeIfAbsent(key, k -> new Failures());
        synchronized (failures) {
            failures.times.addLast(now);
            while (!failures.times.isEmpty() && !failures.times.peekFirst().isAfter(now.minus(window))) {
                failures.times.removeFirst();
            }
            if (failures.times.size() >= max && (failures.lockedUntil == null || !failures.lockedUntil.isAfter(now))) {
                failures.lockedUntil = now.plus(lockout);
                failures.times.clear();
                return Optional.of(new Lockout(kind, key, failures.lockedUntil));
            }
            return Optional.empty();
        }
    }

    private static final class Failures {
        private final Deque<Instant> times = new ArrayDeque<>();
        private Instant lockedUntil;

        synchronized boolean stale(Instant windowStart) {
            return (lockedUntil == null || lockedUntil.isBefore(windowStart))
                    && (times.isEmpty() || times.peekLast().isBefore(windowStart));
        }
    }
}
