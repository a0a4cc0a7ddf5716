package org.custodia.web.internal;

import java.util.ArrayList;
import java.util.List;
import org.custodia.common.ApiException;
import org.custodia.identity.Users;
import org.custodia.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in user's own account: changing the password (the same rules as POST /api/v1/users/me/password). */
@Controller
@ConsolePage
class AccountController {

    private final Users users;

    AccountController(Users users) {
        this.users = users;
    }

    @GetMapping("/account/password")
    String form() {
        return "account-password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam(defaultValue = "") String currentPassword,
                  @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String confirmPassword, Model model) {
        List<String> problems = new ArrayList<>();
        if (!newPassword.equals(confirmPassword)) {
            problems.add("password.error.confirmPassword.MISMATCH");
        } else if (currentPassword.isBlank()) {
            problems.add("password.error.currentPassword.INCORRECT");
        } else {
            try {
                users.changePassword(users.requireCurrent().username(), currentPassword, newPassword);
                return "redirect:/account/password?changed";
            } catch (ApiException e) {
                if (e.errors().isEmpty()) {
                    problems.add("password.error." + e.code());
                }
                e.errors().forEach(f -> problems.add("password.error." + f.field() + "." + f.code()));
            }
        }
        model.addAttribute("problems", problems);
        return "account-password";
    }
}
