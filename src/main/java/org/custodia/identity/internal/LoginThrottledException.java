package org.custodia.identity.internal;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** A sign-in refused, without checking its password, because its username or address is locked out. */
final class LoginThrottledException extends LockedException {

    private final transient LoginThrottle.Lockout lockout;

    LoginThrottledException(LoginThrottle.Lockout lockout) {
        super("Too many failed sign-ins; try again later");
        this.lockout = lockout;
    }

    Instant until() {
        return lockout.until();
    }

    LoginThrottle.Kind kind() {
        return lockout.kind();
    }
}
