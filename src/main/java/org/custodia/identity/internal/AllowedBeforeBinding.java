package org.custodia.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.custodia.identity.Allowed;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Checks an endpoint's {@link Allowed} permission in the filter chain, before the body is read or validated, so
 * that a role without the permission always gets 403 (never a 400 that tells it what the body should look like).
 * The method-level check of {@code @Allowed} stays behind it. An endpoint without {@code @Allowed} needs only an
 * authenticated user; its scope checks live in its service.
 */
@Component
class AllowedBeforeBinding implements AuthorizationManager<RequestAuthorizationContext> {

    private final RequestMappingHandlerMapping mapping;

    AllowedBeforeBinding(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        Authentication user = authentication.get();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            return new AuthorizationDecision(false);
        }
        Allowed allowed = allowedOf(context.getRequest());
        if (allowed == null) {
            return new AuthorizationDecision(true);
        }
        String needed = allowed.value().name();
        return new AuthorizationDecision(user.getAuthorities().stream().anyMatch(a -> needed.equals(a.getAuthority())));
    }

    private Allowed allowedOf(HttpServletRequest request) {
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        if (parsedHere) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain == null || !(chain.getHandler() instanceof HandlerMethod method)) {
                return null;
            }
            Allowed onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Allowed.class);
            return onMethod != null ? onMethod
                    : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Allowed.class);
        } catch (Exception e) {
            // No handler or a mismatch (405, 406, 415): the dispatcher answers that; the user is authenticated.
            return null;
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
