package org.custodia.identity.internal;

import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/** A client authentication at the token endpoint refused, secret unchecked, because its id or address is locked out. */
final class ClientThrottledException extends OAuth2AuthenticationException {

    private final transient LoginThrottle.Lockout lockout;

    ClientThrottledException(LoginThrottle.Lockout lockout) {
        super(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                "Too many failed client authentications; try again later", null));
        this.lockout = lockout;
    }

    Instant until() {
        return lockout.until();
    }
}
