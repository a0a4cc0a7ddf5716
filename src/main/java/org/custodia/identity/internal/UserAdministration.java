package org.custodia.identity.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.common.ApiException;
import org.custodia.common.Validation;
import org.custodia.identity.IdentityAudited;
import org.custodia.identity.IdentityProblem;
import org.custodia.identity.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's work on user accounts: list, create, change role, scope, name and language, disable and
 * re-enable. Every change is ledgered in its own transaction (USER_CREATED, USER_CHANGED, USER_DISABLED,
 * USER_ENABLED). The system never loses its last enabled administrator: a change that would is refused with
 * {@code LAST_ADMIN}. The scope fields belong to the roles that need them (a party for SENDING_AGENCY, a nationality
 * for CONSULAR); for any other role they are cleared.
 */
@Service
class UserAdministration {

    private static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,63}";
    private static final String PARTY = "[A-Z][A-Z0-9-]{1,19}";
    private static final String NATIONALITY = "[A-Z]{2}";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final Clock clock;

    UserAdministration(JdbcClient jdbc, ApplicationEventPublisher events, PasswordEncoder encoder,
                       LoginThrottle throttle, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.encoder = encoder;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * A user as the administrator sees them (never the password nor its hash).
     *
     * @param lockedOut whether failed sign-ins lock the username out at the moment
     */
    record UserView(String username, String displayName, Role role, String partyCode, String nationality,
                    String locale, boolean enabled, boolean lockedOut) {
    }

    /** What a new user is made of; what an existing one may change is the same but the username and password. */
    record NewUser(String username, String displayName, String role, String password, String partyCode,
                   String nationality, String locale) {
    }

    record UserChange(String displayName, String role, String partyCode, String nationality, String locale) {
    }

    @Transactional(readOnly = true)
    List<UserView> list() {
        return jdbc.sql("SELECT * FROM app_user ORDER BY username").query((rs, n) -> rs.getString("username"))
                .list().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    UserView get(String username) {
        return view(username);
    }

    @Transactional
    UserView create(NewUser user) {
        Validation validation = new Validation();
        validation.require(user.username() != null && user.username().matches(USERNAME), "username", "INVALID_FORMAT",
                "2 to 64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit");
        Role role = checkProfile(validation, user.displayName(), user.role(), user.partyCode(), user.nationality(),
                user.locale());
        String password = user.password();
        if (password == null || password.isEmpty()) {
            validation.add("password", "REQUIRED", "password is required");
        } else {
            validation.require(password.length() >= UserStore.MIN_PASSWORD_LENGTH
                            && password.length() <= UserStore.MAX_PASSWORD_LENGTH, "password", "INVALID_LENGTH",
                    "Between " + UserStore.MIN_PASSWORD_LENGTH + " and " + UserStore.MAX_PASSWORD_LENGTH + " characters");
            validation.require(!password.equalsIgnoreCase(String.valueOf(user.username())), "password", "IS_USERNAME",
                    "The password must not be the username");
        }
        validation.throwIfInvalid();
        String party = role == Role.SENDING_AGENCY ? user.partyCode().strip() : null;
        String nationality = role == Role.CONSULAR ? user.nationality().strip() : null;
        String locale = locale(user.locale());
        int inserted = jdbc.sql("""
                        INSERT INTO app_user (id, username, display_name, password_hash, role, party_code, nationality,
                                              locale, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (username) DO NOTHING""")
                .params(UUID.randomUUID(), user.username(), user.displayName().strip(), encoder.encode(password),
                        role.name(), party, nationality, locale, clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        if (inserted == 0) {
            throw new ApiException(IdentityProblem.USERNAME_TAKEN, "A user named " + user.username() + " exists");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("username", user.username());
        payload.put("displayName", user.displayName().strip());
        payload.put("role", role.name());
        payload.put("partyCode", party);
        payload.put("nationality", nationality);
        payload.put("locale", locale);
        // Never the password, nor its hash.
        events.publishEvent(new IdentityAudited(null, "USER_CREATED", "USER", user.username(), payload));
        return view(user.username());
    }

    @Transactional
    UserView change(String username, UserChange change) {
        List<String> admins = lockEnabledAdmins();
        UserView current = view(username);
        Validation validation = new Validation();
        Role role = checkProfile(validation, change.displayName(), change.role(), change.partyCode(),
                change.nationality(), change.locale());
        validation.throwIfInvalid();
        if (current.role() == Role.ADMIN && role != Role.ADMIN && current.enabled() && admins.size() <= 1) {
            throw new ApiException(IdentityProblem.LAST_ADMIN,
                    username + " is the last enabled administrator; make another one first");
        }
        String party = role == Role.SENDING_AGENCY ? change.partyCode().strip() : null;
        String nationality = role == Role.CONSULAR ? change.nationality().strip() : null;
        String locale = locale(change.locale());
        jdbc.sql("""
                        UPDATE app_user SET display_name = ?, role = ?, party_code = ?, nationality = ?, locale = ?
                        WHERE username = ?""")
                .params(change.displayName().strip(), role.name(), party, nationality, locale, username).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("displayName", change.displayName().strip());
        payload.put("role", role.name());
        payload.put("partyCode", party);
        payload.put("nationality", nationality);
        payload.put("locale", locale);
        payload.put("previousRole", current.role().name());
        boolean scopeChanged = role != current.role() || !java.util.Objects.equals(party, current.partyCode())
                || !java.util.Objects.equals(nationality, current.nationality());
        if (scopeChanged) {
            payload.put("sessionsEnded", endSessions(username));
        }
        events.publishEvent(new IdentityAudited(null, "USER_CHANGED", "USER", username, payload));
        return view(username);
    }

    /** Disables or re-enables a user; a user already so is answered as they are, with no ledger entry. */
    @Transactional
    UserView enable(String username, boolean enabled) {
        List<String> admins = lockEnabledAdmins();
        UserView current = view(username);
        if (current.enabled() == enabled) {
            return current;
        }
        if (!enabled && current.role() == Role.ADMIN && admins.size() <= 1) {
            throw new ApiException(IdentityProblem.LAST_ADMIN,
                    username + " is the last enabled administrator; make another one first");
        }
        jdbc.sql("UPDATE app_user SET enabled = ? WHERE username = ?").params(enabled, username).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("enabled", enabled);
        if (!enabled) {
            payload.put("sessionsEnded", endSessions(username));
        }
        events.publishEvent(new IdentityAudited(null, enabled ? "USER_ENABLED" : "USER_DISABLED", "USER", username,
                payload));
        return view(username);
    }

    /**
     * Signs the user out of every console session (they are rows of Spring Session's table, shared by every instance):
     * a session keeps the role it was signed in with, so a disabled user, or one whose role or scope changed, must
     * sign in again. Returns how many sessions ended.
     */
    private int endSessions(String username) {
        return jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?").param(username).update();
    }

    /** The enabled administrators, locked: two admins disabling each other at once cannot both succeed. */
    private List<String> lockEnabledAdmins() {
        return jdbc.sql("SELECT username FROM app_user WHERE role = 'ADMIN' AND enabled ORDER BY username FOR UPDATE")
                .query(String.class).list();
    }

    private Role checkProfile(Validation validation, String displayName, String roleName, String partyCode,
                              String nationality, String locale) {
        validation.notBlank(displayName, "displayName");
        validation.require(displayName == null || displayName.strip().length() <= 200, "displayName",
                "INVALID_LENGTH", "At most 200 characters");
        Role role = null;
        if (roleName == null || roleName.isBlank()) {
            validation.add("role", "REQUIRED", "role is required");
        } else {
            try {
                role = Role.valueOf(roleName.strip());
            } catch (IllegalArgumentException e) {
                validation.add("role", "INVALID_VALUE", "One of " + List.of(Role.values()));
            }
        }
        if (role == Role.SENDING_AGENCY) {
            if (partyCode == null || partyCode.isBlank()) {
                validation.add("partyCode", "REQUIRED", "A sending agency user sees one party's records: name it");
            } else {
                validation.require(partyCode.strip().matches(PARTY), "partyCode", "INVALID_FORMAT",
                        "A party code such as US");
            }
        }
        if (role == Role.CONSULAR) {
            if (nationality == null || nationality.isBlank()) {
                validation.add("nationality", "REQUIRED", "A consular user reads one nationality's files: name it");
            } else {
                validation.require(nationality.strip().matches(NATIONALITY), "nationality", "INVALID_FORMAT",
                        "An ISO 3166 alpha-2 code such as VE");
            }
        }
        validation.require(locale == null || locale.isBlank() || "es".equals(locale) || "en".equals(locale), "locale",
                "INVALID_VALUE", "Use es or en");
        return role;
    }

    private static String locale(String locale) {
        return locale == null || locale.isBlank() ? "es" : locale;
    }

    private UserView view(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = ?").param(username)
                .query((rs, n) -> new UserView(rs.getString("username"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getString("party_code"), rs.getString("nationality"),
                        rs.getString("locale"), rs.getBoolean("enabled"), false))
                .optional()
                .map(u -> new UserView(u.username(), u.displayName(), u.role(), u.partyCode(), u.nationality(),
                        u.locale(), u.enabled(), throttle.lockedOut(u.username(), null).isPresent()))
                .orElseThrow(() -> new ApiException(IdentityProblem.USER_NOT_FOUND, "No user named " + username));
    }
}
