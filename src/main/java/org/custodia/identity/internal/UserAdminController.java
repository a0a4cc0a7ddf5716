package org.custodia.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.custodia.common.Idempotency;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
import org.custodia.identity.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * User administration (ADMIN): every field is checked at once and a refusal lists every failure; each change is
 * ledgered. Nobody can disable or demote the last enabled administrator ({@code 409 LAST_ADMIN}).
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "The signed-in user, and user administration (administrators only)")
@Allowed(Permission.USER_MANAGE)
class UserAdminController {

    private final UserAdministration users;
    private final Idempotency idempotency;

    UserAdminController(UserAdministration users, Idempotency idempotency) {
        this.users = users;
        this.idempotency = idempotency;
    }

    @Schema(description = "A user account as the administrator sees it (never its password)")
    record UserResponse(
            @Schema(example = "ve-consul") String username,
            @Schema(example = "Daniel Pérez") String displayName,
            Role role,
            @Schema(description = "SENDING_AGENCY only: the party whose records the user sees", example = "US")
            String partyCode,
            @Schema(description = "CONSULAR only: the nationality whose files the user reads", example = "VE")
            String nationality,
            @Schema(description = "The console language: es or en", example = "es") String locale,
            @Schema(description = "A disabled user cannot sign in") boolean enabled,
            @Schema(description = "Failed sign-ins lock the username out at the moment") boolean lockedOut) {

        static UserResponse of(UserAdministration.UserView v) {
            return new UserResponse(v.username(), v.displayName(), v.role(), v.partyCode(), v.nationality(),
                    v.locale(), v.enabled(), v.lockedOut());
        }
    }

    @Schema(description = "A new user")
    record CreateUserRequest(
            @Schema(description = "2 to 64 lower-case letters, digits, dots, dashes or underscores", example = "mx-consul")
            String username,
            @Schema(description = "The person's name, up to 200 characters", example = "Lucía Ramírez") String displayName,
            @Schema(description = "One of the roles", example = "CONSULAR") String role,
            @Schema(description = "The initial password: 12 to 128 characters, not the username")
            String password,
            @Schema(description = "Required for SENDING_AGENCY (a party code); ignored for other roles", example = "US")
            String partyCode,
            @Schema(description = "Required for CONSULAR (ISO 3166 alpha-2); ignored for other roles", example = "MX")
            String nationality,
            @Schema(description = "es (default) or en", example = "es") String locale) {
    }

    @Schema(description = "A user's new name, role, scope and language (all of them, as after the change)")
    record UpdateUserRequest(
            @Schema(example = "Lucía Ramírez") String displayName,
            @Schema(example = "CONSULAR") String role,
            @Schema(description = "Required for SENDING_AGENCY; ignored for other roles") String partyCode,
            @Schema(description = "Required for CONSULAR; ignored for other roles", example = "MX") String nationality,
            @Schema(example = "es") String locale) {
    }

    @GetMapping
    @Operation(summary = "Every user account (ADMIN)")
    List<UserResponse> list() {
        return users.list().stream().map(UserResponse::of).toList();
    }

    @GetMapping("/{username}")
    @Operation(summary = "One user account (ADMIN); 404 USER_NOT_FOUND")
    UserResponse get(@PathVariable String username) {
        return UserResponse.of(users.get(username));
    }

    @PostMapping
    @Operation(summary = "Create a user (ADMIN); header Idempotency-Key makes a retry harmless",
            description = "201 with the user; 400 VALIDATION_FAILED listing every failing field (username, "
                    + "displayName, role, password, partyCode, nationality, locale); 409 USERNAME_TAKEN. "
                    + "Ledgered as USER_CREATED (never the password).")
    ResponseEntity<Object> create(@RequestBody CreateUserRequest body,
                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute("user-create", key, body, () -> {
            UserResponse created = UserResponse.of(users.create(new UserAdministration.NewUser(body.username(),
                    body.displayName(), body.role(), body.password(), body.partyCode(), body.nationality(),
                    body.locale())));
            return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
        });
    }

    @PutMapping("/{username}")
    @Operation(summary = "Change a user's name, role, scope and language (ADMIN)",
            description = "400 VALIDATION_FAILED listing every failure; 404 USER_NOT_FOUND; 409 LAST_ADMIN when it "
                    + "would take the role from the last enabled administrator. Ledgered as USER_CHANGED.")
    UserResponse update(@PathVariable String username, @RequestBody UpdateUserRequest body) {
        return UserResponse.of(users.change(username, new UserAdministration.UserChange(body.displayName(),
                body.role(), body.partyCode(), body.nationality(), body.locale())));
    }

    @PostMapping("/{username}/disable")
    @Operation(summary = "Disable a user: they can no longer sign in (ADMIN)",
            description = "404 USER_NOT_FOUND; 409 LAST_ADMIN for the last enabled administrator. Ledgered as "
                    + "USER_DISABLED; disabling a disabled user changes nothing.")
    UserResponse disable(@PathVariable String username) {
        return UserResponse.of(users.enable(username, false));
    }

    @PostMapping("/{username}/enable")
    @Operation(summary = "Re-enable a disabled user (ADMIN)",
            description = "404 USER_NOT_FOUND. Ledgered as USER_ENABLED; enabling an enabled user changes nothing.")
    UserResponse enable(@PathVariable String username) {
        return UserResponse.of(users.enable(username, true));
    }
}
