package org.custodia.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodia.identity.IdentityAudited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts console logins and every failed authentication (console or API) in the ledger. Successful HTTP Basic
 * requests are not ledgered one by one: each API call authenticates, and the changes it makes are ledgered
 * under its user anyway.
 */
@Component
class SecurityAudit {

    private final ApplicationEventPublisher events;

    SecurityAudit(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        events.publishEvent(new IdentityAudited(username, "LOGIN", "USER", username, context(Map.of())));
    }

    @EventListener
    void loginFailed(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            // Bearer tokens and client secrets are ledgered where they are checked (BearerFailures,
            // ThrottledClientAuthenticationProvider): the name of a bearer token's authentication is the token.
            return;
        }
        String username = String.valueOf(event.getAuthentication().getName());
        events.publishEvent(new IdentityAudited("anonymous", "LOGIN_FAILED", "USER", username,
                context(Map.of("reason", event.getException().getClass().getSimpleName()))));
    }

    private static Map<String, Object> context(Map<String, Object> extra) {
        Map<String, Object> payload = new LinkedHashMap<>(extra);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            payload.put("remoteAddress", request.getRemoteAddr());
            payload.put("path", request.getRequestURI());
        }
        return payload;
    }
}
