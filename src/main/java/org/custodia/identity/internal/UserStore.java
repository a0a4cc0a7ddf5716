package org.custodia.identity.internal;

import org.custodia.common.CommonProblem;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodia.common.ApiException;
import org.custodia.common.FieldProblem;
import org.custodia.common.Validation;
import org.custodia.identity.IdentityProblem;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Role;
import org.custodia.identity.Users;
import org.custodia.identity.IdentityAudited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class UserStore implements Users {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;

    UserStore(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, PasswordEncoder encoder,
              LoginThrottle throttle) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.encoder = encoder;
        this.throttle = throttle;
    }

    @Override
    public Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication instanceof ClientAuthentication client) {
            return Optional.of(client.user());
        }
        return find(authentication.getName());
    }

    @Override
    public CurrentUser requireCurrent() {
        return current().orElseThrow(() -> new ApiException(CommonProblem.UNAUTHENTICATED, "Sign in first"));
    }

    @Override
    public Optional<CurrentUser> find(String username) {
        return findAccount(username).map(Account::toCurrentUser);
    }

    Optional<Account> findAccount(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> new Account(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                        rs.getString("party_code"), rs.getString("nationality"), rs.getString("locale"),
                        rs.getBoolean("enabled")))
                .optional();
    }

    @Override
    @Transactional
    public void changeLocale(String username, String locale) {
        if (!"es".equals(locale) && !"en".equals(locale)) {
            throw ApiException.validation(List.of(new FieldProblem("locale", "INVALID_VALUE", "Use es or en")));
        }
        int updated = jdbc.sql("UPDATE app_user SET locale = ? WHERE username = ?").params(locale, username).update();
        if (updated == 1) {
            events.publishEvent(new IdentityAudited(null, "USER_LOCALE_CHANGED", "USER", username, Map.of("locale", locale)));
        }
    }

    @Override
    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword) {
        Account account = findAccount(username)
                .orElseThrow(() -> new ApiException(CommonProblem.ACCESS_DENIED, "Only a user has a password to change"));
        if (throttle.lockedOut(username, null).isPresent()) {
            throw new ApiException(IdentityProblem.LOGIN_THROTTLED, "Too many failed sign-ins; try again later");
        }
        if (!encoder.matches(currentPassword, account.passwordHash())) {
            throttle.failed(username, null);
            events.publishEvent(new IdentityAudited(null, "PASSWORD_CHANGE_FAILED", "USER", username,
                    Map.of("reason", "CURRENT_PASSWORD_INCORRECT")));
            throw ApiException.validation(List.of(new FieldProblem("currentPassword", "INCORRECT",
                    "The current password is not right")));
        }
        Validation validation = new Validation();
        validation.require(newPassword.length() >= MIN_PASSWORD_LENGTH && newPassword.length() <= MAX_PASSWORD_LENGTH,
                "newPassword", "SIZE", "Between " + MIN_PASSWORD_LENGTH + " and " + MAX_PASSWORD_LENGTH + " characters");
        validation.require(!newPassword.equals(currentPassword), "newPassword", "UNCHANGED",
                "The new password must differ from the current one");
        validation.require(!newPassword.equalsIgnoreCase(username), "newPassword", "IS_USERNAME",
                "The password must not be the username");
        validation.throwIfInvalid();
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?")
                .params(encoder.encode(newPassword), username).update();
        throttle.succeeded(username);
        // Never the password, nor its hash.
        events.publishEvent(new IdentityAudited(null, "PASSWORD_CHANGED", "USER", username, Map.of()));
    }

    /** NIST SP 800-63B: at least 8; 12 here, as the accounts reach prisoners' files. */
    static final int MIN_PASSWORD_LENGTH = 12;
    static final int MAX_PASSWORD_LENGTH = 128;

    boolean anyUser() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user)").query(Boolean.class).single();
    }

    /** Creates a user unless one with that name exists; returns whether it did. */
    @Transactional
    boolean createIfAbsent(String username, String displayName, String passwordHash, Role role, String partyCode,
                           String nationality, String locale) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        INSERT INTO app_user (id, username, display_name, password_hash, role, party_code, nationality,
                                              locale, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (username) DO NOTHING""")
                .params(id, username, displayName, passwordHash, role.name(), partyCode, nationality, locale,
                        clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .update();
        if (inserted == 1) {
            java.util.Map<String, Object> payload = new java.util.LinkedHashMap<>();
            payload.put("username", username);
            payload.put("displayName", displayName);
            payload.put("role", role.name());
            payload.put("partyCode", partyCode);
            payload.put("nationality", nationality);
            events.publishEvent(new IdentityAudited(null, "USER_CREATED", "USER", username, payload));
        }
        return inserted == 1;
    }

    record Account(UUID id, String username, String displayName, String passwordHash, Role role, String partyCode,
                   String nationality, String locale, boolean enabled) {
        CurrentUser toCurrentUser() {
            return new CurrentUser(username, displayName, role, partyCode, nationality, locale);
        }
    }
}
