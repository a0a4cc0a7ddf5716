package org.custodia.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.custodia.identity.Users;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The console's language: Spanish by default (the prison staff's language), English on request. A signed-in
 * user's choice is stored with the user and so follows them to any browser; before sign-in the login page's
 * choice lasts for the session.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleLocale {

    static final String SESSION_KEY = "custodia.locale";
    static final String SESSION_OWNER = "custodia.locale.owner";
    static final Locale DEFAULT = Locale.forLanguageTag("es");

    @Bean
    LocaleResolver localeResolver(Users users) {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                String lang = request.getParameter("lang");
                if ("es".equals(lang) || "en".equals(lang)) {
                    return Locale.forLanguageTag(lang);
                }
                HttpSession session = request.getSession(false);
                String owner = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
                if (session != null && session.getAttribute(SESSION_KEY) instanceof String stored
                        && owner.equals(session.getAttribute(SESSION_OWNER))) {
                    return Locale.forLanguageTag(stored);
                }
                if (!owner.isEmpty()) {
                    String preferred = users.find(owner).map(u -> u.locale()).orElse("es");
                    remember(request, preferred, owner);
                    return Locale.forLanguageTag(preferred);
                }
                return DEFAULT;
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                String owner = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
                remember(request, locale.getLanguage(), owner);
            }
        };
    }

    static void remember(HttpServletRequest request, String language, String owner) {
        HttpSession session = request.getSession(!owner.isEmpty());
        if (session != null) {
            session.setAttribute(SESSION_KEY, language);
            session.setAttribute(SESSION_OWNER, owner);
        }
    }
}
