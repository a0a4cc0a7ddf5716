package org.custodia.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Users;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page's header needs: who is signed in and where we are. */
/* org.custodia.web.ConsolePage carries the shared kernel's annotation, so this advises both */
@ControllerAdvice(annotations = org.custodia.common.ConsolePage.class)
class ConsoleModel {

    private final Users users;

    ConsoleModel(Users users) {
        this.users = users;
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return users.current().orElse(null);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return Optional.ofNullable(request.getRequestURI()).orElse("/");
    }
}
