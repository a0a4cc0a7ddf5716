package org.custodia.identity.internal;

import java.util.Map;
import org.custodia.identity.IdentityAudited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password (HTTP Basic and the console's form) behind the {@link LoginThrottle}: a locked-out
 * username or address is refused before its password is looked at; a wrong password counts against both, and a
 * lockout it starts is ledgered ({@code LOGIN_LOCKED_OUT}).
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle,
                                    ApplicationEventPublisher events) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        var lockout = throttle.lockedOut(username, address);
        if (lockout.isPresent()) {
            throw new LoginThrottledException(lockout.get());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(username);
            return result;
        } catch (BadCredentialsException e) {
            for (LoginThrottle.Lockout started : throttle.failed(username, address)) {
                events.publishEvent(new IdentityAudited("anonymous", "LOGIN_LOCKED_OUT", started.kind().name(),
                        started.key(), Map.of("until", started.until().toString())));
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
