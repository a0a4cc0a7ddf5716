package org.custodia.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.IdentityAudited;
import org.custodia.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The machine clients of the API (table {@code api_client}): the authorization server's registered clients (client
 * credentials only, secret checked at the token endpoint), and the role and scope a bearer token of each acts with.
 */
@Component
class ApiClients implements RegisteredClientRepository {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration tokenTtl;

    ApiClients(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
               @Value("${custodia.oauth2.token-ttl:PT15M}") Duration tokenTtl) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.tokenTtl = tokenTtl;
    }

    record ApiClient(UUID id, String clientId, String secretHash, String displayName, Role role, String partyCode,
                     String nationality, boolean enabled) {

        /** The same user a person of this role and scope is: every scope check applies unchanged. */
        CurrentUser toCurrentUser() {
            return new CurrentUser(clientId, displayName, role, partyCode, nationality, "en");
        }
    }

    /** An enabled client by its id, for the bearer path (no password check there: the token was signed). */
    Optional<ApiClient> findEnabled(String clientId) {
        return find("client_id", clientId).filter(ApiClient::enabled);
    }

    private Optional<ApiClient> find(String column, Object value) {
        return jdbc.sql("SELECT * FROM api_client WHERE " + column + " = ?")
                .param(value)
                .query((rs, n) -> new ApiClient(rs.getObject("id", UUID.class), rs.getString("client_id"),
                        rs.getString("client_secret_hash"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getString("party_code"), rs.getString("nationality"),
                        rs.getBoolean("enabled")))
                .optional();
    }

    /** Registers a client unless one with that id exists; returns whether it did. */
    @Transactional
    boolean createIfAbsent(String clientId, String secretHash, String displayName, Role role, String partyCode,
                           String nationality) {
        int inserted = jdbc.sql("""
                        INSERT INTO api_client (id, client_id, client_secret_hash, display_name, role, party_code,
                                                nationality, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (client_id) DO NOTHING""")
                .params(UUID.randomUUID(), clientId, secretHash, displayName, role.name(), partyCode, nationality,
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        if (inserted == 1) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("clientId", clientId);
            payload.put("displayName", displayName);
            payload.put("role", role.name());
            payload.put("partyCode", partyCode);
            payload.put("nationality", nationality);
            events.publishEvent(new IdentityAudited(null, "API_CLIENT_CREATED", "API_CLIENT", clientId, payload));
        }
        return inserted == 1;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("API clients are registered in the api_client table");
    }

    @Override
    public RegisteredClient findById(String id) {
        try {
            return find("id", UUID.fromString(id)).filter(ApiClient::enabled).map(this::registered).orElse(null);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return findEnabled(clientId).map(this::registered).orElse(null);
    }

    private RegisteredClient registered(ApiClient client) {
        return RegisteredClient.withId(client.id().toString())
                .clientId(client.clientId())
                .clientSecret(client.secretHash())
                .clientName(client.displayName())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenTtl).build())
                .build();
    }
}
