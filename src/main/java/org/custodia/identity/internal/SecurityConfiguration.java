package org.custodia.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.common.CommonProblem;
import org.custodia.common.ProblemCode;
import org.custodia.common.Problems;
import org.custodia.identity.IdentityAudited;
import org.custodia.identity.IdentityProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three chains. The token endpoint ({@code POST /oauth2/token}, see {@link OAuth2Configuration}) authenticates
 * machine clients by their secret. The API ({@code /api/**}, {@code /v3/api-docs}) takes a bearer token or HTTP
 * Basic on every request and answers 401, 403 and 429 as problem responses; a console session may call it too,
 * with the CSRF token. The console takes form login with a session (a new session id at sign-in) and CSRF. Open:
 * health, the login page and static assets. Every answer carries the same strict headers (see {@link #CSP}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Scripts, style sheets, images and connections from this origin only: no inline script, no inline event
     * handler, no {@code eval}, no {@code <style>} element; never framed. Style attributes are allowed
     * ({@code style-src-attr}) because the charts' SVG renderer (ECharts) styles its elements with them; the
     * templates themselves have none (a test reads them).
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * Swagger UI's pages only ({@code /swagger-ui/**}, springdoc's unchanged): the same policy, but for one
     * {@code <style>} element that swagger-ui-bundle.js inserts, allowed by its SHA-256 alone (no
     * {@code unsafe-inline}: any other inline style stays blocked). SwaggerUiBrowserTest fails, naming the new hash,
     * if an upgrade of springdoc changes that style.
     */
    static final String SWAGGER_UI_STYLE_HASH = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";
    static final String SWAGGER_UI_CSP = CSP.replace("style-src 'self';", "style-src 'self' " + SWAGGER_UI_STYLE_HASH + ";");

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Lets {@link org.custodia.identity.Allowed} fill its permission into {@code @PreAuthorize}. */
    @Bean
    static AnnotationTemplateExpressionDefaults annotationTemplateExpressionDefaults() {
        return new AnnotationTemplateExpressionDefaults();
    }

    /**
     * BCrypt at cost 10 (about 80 ms a check on these machines); the test profile lowers the cost so that thousands
     * of Basic requests stay quick. A stored hash carries its own cost, so hashes of either cost verify. Outside the
     * {@code demo} profile the demo password never matches ({@link DemoPasswordGuard}).
     */
    @Bean
    PasswordEncoder passwordEncoder(Environment environment,
                                    @Value("${custodia.security.bcrypt-strength:10}") int strength) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(strength);
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
        encoder.setDefaultPasswordEncoderForMatches(bcrypt);
        return environment.acceptsProfiles(Profiles.of("demo")) ? encoder : new DemoPasswordGuard(encoder);
    }

    /** Usernames and passwords (Basic and the login form), throttled, with their outcome published for the ledger. */
    private static ProviderManager passwordAuthentication(DatabaseUserDetailsService users, PasswordEncoder encoder,
                                                          LoginThrottle throttle, ApplicationEventPublisher events) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle, events));
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(
                Map.of(LoginThrottledException.class, AuthenticationFailureLockedEvent.class));
        manager.setAuthenticationEventPublisher(publisher);
        return manager;
    }

    static void strictHeaders(HttpSecurity http) throws Exception {
        RequestMatcher swaggerUi = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
        http.headers(headers -> headers
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
                        new ContentSecurityPolicyHeaderWriter(CSP)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
                        new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_CSP)))
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(options -> { })
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApplicationEventPublisher events, DatabaseUserDetailsService users,
                                 PasswordEncoder encoder, LoginThrottle throttle, Clock clock,
                                 OAuth2Configuration.BearerAuthentication bearer, AllowedBeforeBinding allowed)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                long seconds = Math.max(1, Duration.between(clock.instant(), throttled.until()).toSeconds() + 1);
                response.setHeader("Retry-After", Long.toString(seconds));
                writeProblem(request, response, IdentityProblem.LOGIN_THROTTLED,
                        "Too many failed sign-ins; try again in " + seconds + " s");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Custodia\", Bearer realm=\"Custodia\"");
            writeProblem(request, response, CommonProblem.UNAUTHENTICATED,
                    "Authenticate with HTTP Basic or a bearer token from POST /oauth2/token");
        };
        AuthenticationEntryPoint badToken = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Custodia\", error=\"invalid_token\"");
            writeProblem(request, response, IdentityProblem.INVALID_TOKEN,
                    "The bearer token is expired, malformed, wrongly signed or names no enabled client");
        };
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**")
                .authenticationManager(passwordAuthentication(users, encoder, throttle, events))
                .authorizeHttpRequests(auth -> auth.anyRequest().access(allowed))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .oauth2ResourceServer(rs -> rs
                        .authenticationEntryPoint(badToken)
                        .jwt(jwt -> jwt.authenticationManager(bearer.manager())))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(deniedHandler(events, true)))
                // Basic and bearer clients carry no session; a console page calling the API reuses its session.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                // CSRF guards only what a browser session could be tricked into: a change riding on the session
                // cookie. Basic and bearer clients, and anonymous requests (which get 401), carry no session.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request ->
                        !SAFE_METHODS.contains(request.getMethod()) && request.getHeader("Authorization") == null
                                && request.getRequestedSessionId() != null));
        strictHeaders(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http, ApplicationEventPublisher events,
                                     DatabaseUserDetailsService users, PasswordEncoder encoder,
                                     LoginThrottle throttle) throws Exception {
        http.authenticationManager(passwordAuthentication(users, encoder, throttle, events))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/webjars/**",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole("ADMIN", "OVERSIGHT")
                        .anyRequest().authenticated())
                // A throttled sign-in fails like any other (the login page's one message), never saying why.
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .httpBasic(basic -> { }) // for scrapers of /actuator/prometheus
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                // Session fixation: the session id changes at sign-in, so an id planted before it is worthless.
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(ex -> ex.accessDeniedHandler(deniedHandler(events, false)));
        strictHeaders(http);
        return http.build();
    }

    private static AccessDeniedHandler deniedHandler(ApplicationEventPublisher events, boolean api) {
        return (request, response, e) -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            String actor = authentication == null ? "anonymous" : authentication.getName();
            events.publishEvent(new IdentityAudited(actor, "ACCESS_DENIED", "REQUEST",
                    request.getMethod() + " " + request.getRequestURI(),
                    Map.of("method", request.getMethod(), "path", request.getRequestURI())));
            if (api) {
                writeProblem(request, response, CommonProblem.ACCESS_DENIED, "Your role may not do this");
            } else {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            }
        };
    }

    static void writeProblem(HttpServletRequest request, HttpServletResponse response, ProblemCode code,
                             String detail) throws IOException {
        ProblemDetail problem = Problems.problem(code, detail, List.of(), request);
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), Problems.asMap(problem));
    }
}
