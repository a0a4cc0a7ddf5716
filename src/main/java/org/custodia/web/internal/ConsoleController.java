package org.custodia.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Locale;
import org.custodia.agreement.Agreements;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.custodia.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

@Controller
@ConsolePage
class ConsoleController {

    private final Users users;
    private final Agreements agreements;
    private final Ledger ledger;
    private final LocaleResolver localeResolver;

    ConsoleController(Users users, Agreements agreements, Ledger ledger, LocaleResolver localeResolver) {
        this.users = users;
        this.agreements = agreements;
        this.ledger = ledger;
        this.localeResolver = localeResolver;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, HttpServletResponse response, @RequestParam(required = false) String lang) {
        if ("es".equals(lang) || "en".equals(lang)) {
            localeResolver.setLocale(request, response, Locale.forLanguageTag(lang));
        }
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = users.requireCurrent();
        model.addAttribute("agreements", agreements.visibleTo(user));
        return "home";
    }

    @GetMapping("/ledger")
    String ledger(Model model) {
        model.addAttribute("verification", ledger.verify());
        return "ledger";
    }

    /** The language switch: stored with the user, so that it is remembered at the next sign-in. */
    @PostMapping("/preferences/locale")
    String changeLocale(@RequestParam String locale, @RequestParam(defaultValue = "/") String returnTo,
                        Principal principal, HttpServletRequest request, HttpServletResponse response) {
        users.changeLocale(principal.getName(), locale);
        localeResolver.setLocale(request, response, Locale.forLanguageTag(locale));
        return "redirect:" + (returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : "/");
    }
}
