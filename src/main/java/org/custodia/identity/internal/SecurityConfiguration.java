package org.custodia.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.common.CommonProblem;
import org.custodia.common.ProblemCode;
import org.custodia.common.Problems;
import org.custodia.identity.IdentityAudited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two chains. The API ({@code /api/**}, {@code /v3/api-docs}) takes HTTP Basic on every request and answers
 * 401 and 403 as problem responses; a console session may call it too, with the CSRF token. The console takes
 * form login with a session and CSRF. Open: health, the login page and static assets.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Lets {@link org.custodia.identity.Allowed} fill its permission into {@code @PreAuthorize}. */
    @Bean
    static AnnotationTemplateExpressionDefaults annotationTemplateExpressionDefaults() {
        return new AnnotationTemplateExpressionDefaults();
    }

    /**
     * BCrypt at cost 10 (about 80 ms a check on these machines); the test profile lowers the cost so that thousands
     * of Basic requests stay quick. A stored hash carries its own cost, so hashes of either cost verify.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${custodia.security.bcrypt-strength:10}") int strength) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(strength);
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
        encoder.setDefaultPasswordEncoderForMatches(bcrypt);
        return encoder;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApplicationEventPublisher events, AllowedBeforeBinding allowed)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Custodia\"");
            writeProblem(request, response, CommonProblem.UNAUTHENTICATED, "Authenticate with HTTP Basic");
        };
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().access(allowed))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(deniedHandler(events, true)))
                // Basic clients carry no session; a console page calling the API reuses its session and its token.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                // CSRF guards only what a browser session could be tricked into: a change riding on the session
                // cookie. Basic clients, and anonymous requests (which get 401), carry no session.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request ->
                        !SAFE_METHODS.contains(request.getMethod()) && request.getHeader("Authorization") == null
                                && request.getRequestedSessionId() != null));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http, ApplicationEventPublisher events) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/webjars/**",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole("ADMIN", "OVERSIGHT")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .httpBasic(basic -> { }) // for scrapers of /actuator/prometheus
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(ex -> ex.accessDeniedHandler(deniedHandler(events, false)));
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
