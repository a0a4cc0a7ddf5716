package org.custodia.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodia.identity.IdentityAudited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The token endpoint's client-secret check behind the same {@link LoginThrottle} as people's passwords: a locked-out
 * client id or address is refused before its secret is looked at (no BCrypt), a wrong secret or an unknown client
 * counts against both. Every failure is ledgered ({@code CLIENT_AUTHENTICATION_FAILED}, subject the client id as
 * claimed), each lockout too ({@code CLIENT_LOCKED_OUT}). The secret itself is never recorded.
 */
final class ThrottledClientAuthenticationProvider implements AuthenticationProvider {

    /** Client ids count in the throttle beside usernames, never colliding with one. */
    static final String KEY_PREFIX = "client:";
    private static final int MAX_ID_LENGTH = 200;

    private final AuthenticationProvider secrets;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    ThrottledClientAuthenticationProvider(AuthenticationProvider secrets, LoginThrottle throttle,
                                          ApplicationEventPublisher events) {
        this.secrets = secrets;
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String clientId = clientId(authentication);
        String address = remoteAddress();
        var lockout = throttle.lockedOut(KEY_PREFIX + clientId, address);
        if (lockout.isPresent()) {
            audit(clientId, "THROTTLED");
            throw new ClientThrottledException(lockout.get());
        }
        try {
            Authentication result = secrets.authenticate(authentication);
            if (result != null) {
                throttle.succeeded(KEY_PREFIX + clientId);
            }
            return result;
        } catch (OAuth2AuthenticationException e) {
            if (OAuth2ErrorCodes.INVALID_CLIENT.equals(e.getError().getErrorCode())) {
                audit(clientId, "INVALID_CLIENT");
                for (LoginThrottle.Lockout started : throttle.failed(KEY_PREFIX + clientId, address)) {
                    boolean byClient = started.kind() == LoginThrottle.Kind.USER;
                    events.publishEvent(new IdentityAudited("anonymous", "CLIENT_LOCKED_OUT",
                            byClient ? "API_CLIENT" : "ADDRESS", byClient ? clientId : started.key(),
                            Map.of("until", started.until().toString())));
                }
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return secrets.supports(authentication);
    }

    private void audit(String clientId, String reason) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", reason);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            payload.put("remoteAddress", request.getRemoteAddr());
            payload.put("path", request.getRequestURI());
        }
        events.publishEvent(new IdentityAudited("anonymous", "CLIENT_AUTHENTICATION_FAILED", "API_CLIENT", clientId,
                payload));
    }

    private static String clientId(Authentication authentication) {
        Object principal = authentication instanceof OAuth2ClientAuthenticationToken token ? token.getPrincipal()
                : authentication.getName();
        String id = principal == null ? "" : principal.toString();
        return id.length() > MAX_ID_LENGTH ? id.substring(0, MAX_ID_LENGTH) : id;
    }

    private static String remoteAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }
}
