package org.custodia.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OAuth2 for the sending state's systems: the embedded authorization server issues client-credentials access tokens
 * (signed JWTs, RS256) at {@code POST /oauth2/token} to the clients of {@code api_client}; the API validates them
 * and acts as the client's role and scope, exactly as for a person of that role ({@link ApiClients.ApiClient}).
 * The bearer path checks a signature and reads one row: no BCrypt.
 *
 * <p>With {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} set, the API accepts the tokens of that
 * external issuer instead (keys from its metadata); its {@code client_id} claim, else {@code sub}, must name a
 * client of {@code api_client}.
 */
@Configuration(proxyBeanMethods = false)
class OAuth2Configuration {

    /** Validates bearer tokens and turns them into the client's {@link ClientAuthentication}. */
    record BearerAuthentication(AuthenticationManager manager) {
    }

    @Bean
    RSAKey tokenSigningKey(@Value("${custodia.oauth2.signing-key:}") String keyFile, JdbcClient jdbc,
                           TransactionTemplate tx, Clock clock) {
        return SigningKeys.load(keyFile, jdbc, tx, clock);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey tokenSigningKey) {
        return new ImmutableJWKSet<>(new JWKSet(tokenSigningKey));
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri,
                          RSAKey tokenSigningKey) throws JOSEException {
        if (!issuerUri.isBlank()) {
            return NimbusJwtDecoder.withIssuerLocation(issuerUri).build();
        }
        return NimbusJwtDecoder.withPublicKey(tokenSigningKey.toRSAPublicKey()).build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${custodia.oauth2.issuer:}") String issuer) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (!issuer.isBlank()) {
            settings.issuer(issuer);
        }
        return settings.build();
    }

    @Bean
    BearerAuthentication bearerAuthentication(JwtDecoder decoder, ApiClients clients, ApplicationEventPublisher events) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter((Jwt jwt) -> {
            String clientId = jwt.hasClaim("client_id") ? jwt.getClaimAsString("client_id") : jwt.getSubject();
            ApiClients.ApiClient client = clients.findEnabled(clientId)
                    .orElseThrow(() -> new InvalidBearerTokenException("The token names no enabled client"));
            return new ClientAuthentication(jwt, client.toCurrentUser(),
                    DatabaseUserDetailsService.authoritiesOf(client.role()));
        });
        ProviderManager tokens = new ProviderManager(provider);
        // Every refused token is ledgered (BEARER_TOKEN_REJECTED), as a wrong password is (LOGIN_FAILED).
        return new BearerAuthentication(attempt -> {
            try {
                return tokens.authenticate(attempt);
            } catch (AuthenticationException refused) {
                events.publishEvent(BearerFailures.audited(attempt, refused));
                throw refused;
            }
        });
    }

    /** The token endpoint (and the server's metadata and public keys), before the API and console chains. */
    @Bean
    @Order(0)
    SecurityFilterChain tokenChain(HttpSecurity http, ApiClients clients, PasswordEncoder encoder, LoginThrottle throttle,
                                   ApplicationEventPublisher events, Clock clock) throws Exception {
        OAuth2ErrorHttpMessageConverter oauthErrors = new OAuth2ErrorHttpMessageConverter();
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.registeredClientRepository(clients)
                            .authorizationService(new Stateless())
                            .clientAuthentication(client -> client
                                    .authenticationProviders(providers -> providers.replaceAll(p -> {
                                        if (p instanceof ClientSecretAuthenticationProvider secrets) {
                                            secrets.setPasswordEncoder(encoder);
                                            return new ThrottledClientAuthenticationProvider(secrets, throttle, events);
                                        }
                                        return p;
                                    }))
                                    // A locked-out client: 429 with Retry-After, the body as RFC 6749 (invalid_client).
                                    .errorResponseHandler((request, response, e) -> {
                                        if (e instanceof ClientThrottledException throttled) {
                                            long seconds = Math.max(1, Duration.between(clock.instant(),
                                                    throttled.until()).toSeconds() + 1);
                                            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                                            response.setHeader("Retry-After", Long.toString(seconds));
                                            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                                            response.setCharacterEncoding("UTF-8");
                                            response.getWriter().write("{\"error\":\"invalid_client\","
                                                    + "\"error_description\":\"Too many failed client "
                                                    + "authentications; try again in " + seconds + " s\"}");
                                            return;
                                        }
                                        // As the client authentication filter answers by itself: 401 for
                                        // invalid_client, 400 for anything else, the error as RFC 6749 JSON.
                                        SecurityContextHolder.clearContext();
                                        OAuth2Error error = e instanceof OAuth2AuthenticationException oauth
                                                ? oauth.getError() : new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT);
                                        ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
                                        answer.setStatusCode(OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())
                                                ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST);
                                        oauthErrors.write(error, null, answer);
                                    }));
                })
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        SecurityConfiguration.strictHeaders(http);
        return http.build();
    }

    /**
     * Keeps nothing: access tokens are self-contained JWTs that live {@code custodia.oauth2.token-ttl} (15 minutes),
     * so there is nothing to look up, and an in-memory store would grow with every token issued. Disabling a client
     * in {@code api_client} stops its tokens at once.
     */
    static final class Stateless implements OAuth2AuthorizationService {
        @Override
        public void save(OAuth2Authorization authorization) {
        }

        @Override
        public void remove(OAuth2Authorization authorization) {
        }

        @Override
        public OAuth2Authorization findById(String id) {
            return null;
        }

        @Override
        public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
            return null;
        }
    }
}
