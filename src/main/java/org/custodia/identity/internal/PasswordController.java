package org.custodia.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.custodia.identity.Users;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users/me")
@Tag(name = "Users", description = "The signed-in user")
class PasswordController {

    private final Users users;

    PasswordController(Users users) {
        this.users = users;
    }

    @Schema(description = "A password change: the current password, to confirm it is the user, and the new one")
    record PasswordChange(
            @Schema(description = "The password the user signs in with today")
            @NotBlank String currentPassword,
            @Schema(description = "The new password: 12 to 128 characters, not the current one, not the username")
            @NotBlank @Size(min = UserStore.MIN_PASSWORD_LENGTH, max = UserStore.MAX_PASSWORD_LENGTH)
            String newPassword) {
    }

    @PostMapping("/password")
    @Operation(summary = "Change the signed-in user's password (any user; not machine clients)",
            description = "204 when changed; 400 VALIDATION_FAILED (currentPassword INCORRECT, newPassword SIZE, "
                    + "UNCHANGED, IS_USERNAME); a wrong current password counts as a failed sign-in, and while "
                    + "the user is locked out the answer is 429 LOGIN_THROTTLED. Ledgered as PASSWORD_CHANGED.")
    ResponseEntity<Void> change(@Valid @RequestBody PasswordChange body) {
        users.changePassword(users.requireCurrent().username(), body.currentPassword(), body.newPassword());
        return ResponseEntity.noContent().build();
    }
}
