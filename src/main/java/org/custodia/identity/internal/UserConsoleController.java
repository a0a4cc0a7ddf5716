package org.custodia.identity.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.common.ApiException;
import org.custodia.common.ConsoleForm;
import org.custodia.common.ConsolePage;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
import org.custodia.identity.Role;
import org.custodia.identity.Users;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's user pages: the users with their role and scope in words, a form to create one, and per user a
 * form to change the role, scope, name and language, and to disable or re-enable the account. A refused form comes
 * back with what was typed and each problem next to its field.
 */
@Controller
@ConsolePage
@Allowed(Permission.USER_MANAGE)
class UserConsoleController {

    private final UserAdministration admin;
    private final Users users;

    UserConsoleController(UserAdministration admin, Users users) {
        this.admin = admin;
        this.users = users;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("users", admin.list());
        model.addAttribute("roles", List.of(Role.values()));
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam Map<String, String> form, RedirectAttributes flash) {
        try {
            var created = admin.create(new UserAdministration.NewUser(ConsoleForm.text(form.get("username")),
                    ConsoleForm.text(form.get("displayName")), ConsoleForm.text(form.get("role")), form.get("password"),
                    ConsoleForm.text(form.get("partyCode")), ConsoleForm.text(form.get("nationality")),
                    ConsoleForm.text(form.get("locale"))));
            flash.addFlashAttribute("done", "admin.users.created");
            return "redirect:/admin/users/" + created.username();
        } catch (ApiException e) {
            Map<String, String> typed = new LinkedHashMap<>(form);
            typed.remove("password");
            flash.addFlashAttribute("userForm", ConsoleForm.refused("create", typed, e, Map.of("password", "password"), "username"));
            return "redirect:/admin/users#new-user";
        }
    }

    @GetMapping("/admin/users/{username}")
    String user(@PathVariable String username, Model model) {
        UserAdministration.UserView user;
        try {
            user = admin.get(username);
        } catch (ApiException e) {
            throw new org.springframework.web.server.ResponseStatusException(e.status());
        }
        model.addAttribute("user", user);
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("self", users.requireCurrent().username().equals(username));
        if (!model.containsAttribute("userForm")) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("displayName", user.displayName());
            values.put("role", user.role().name());
            values.put("partyCode", user.partyCode() == null ? "" : user.partyCode());
            values.put("nationality", user.nationality() == null ? "" : user.nationality());
            values.put("locale", user.locale());
            model.addAttribute("userForm", ConsoleForm.of("change", values));
        }
        return "admin/user";
    }

    @PostMapping("/admin/users/{username}")
    String change(@PathVariable String username, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        try {
            admin.change(username, new UserAdministration.UserChange(ConsoleForm.text(form.get("displayName")),
                    ConsoleForm.text(form.get("role")), ConsoleForm.text(form.get("partyCode")),
                    ConsoleForm.text(form.get("nationality")), ConsoleForm.text(form.get("locale"))));
            flash.addFlashAttribute("done", "admin.users.changed");
        } catch (ApiException e) {
            flash.addFlashAttribute("userForm", ConsoleForm.refused("change", form, e, Map.of(), "role"));
        }
        return "redirect:/admin/users/" + username;
    }

    @PostMapping("/admin/users/{username}/disable")
    String disable(@PathVariable String username, RedirectAttributes flash) {
        return enable(username, false, flash);
    }

    @PostMapping("/admin/users/{username}/enable")
    String enable(@PathVariable String username, RedirectAttributes flash) {
        return enable(username, true, flash);
    }

    private String enable(String username, boolean enabled, RedirectAttributes flash) {
        try {
            admin.enable(username, enabled);
            flash.addFlashAttribute("done", enabled ? "admin.users.enabled.done" : "admin.users.disabled.done");
        } catch (ApiException e) {
            flash.addFlashAttribute("accountForm", ConsoleForm.refused("account", Map.of(), e, Map.of(), null));
        }
        return "redirect:/admin/users/" + username;
    }
}
