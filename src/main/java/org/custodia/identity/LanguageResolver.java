package org.custodia.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The one place that decides the language of an answer: Spanish or English. Spring MVC uses it for every request
 * (a controller's {@code Locale} parameter, {@code #locale} in templates, the MessageSource), and code that only
 * has a header or a tag uses its static methods.
 * <ul>
 *   <li>The API ({@code /api/**}): {@code Accept-Language}, else English.</li>
 *   <li>The console: {@code ?lang=es|en} (the login page's switch), else the signed-in user's stored locale
 *       (remembered in the session), else the choice made before sign-in, else Spanish (the prison staff's
 *       language).</li>
 * </ul>
 */
@Component("localeResolver")
public class LanguageResolver implements LocaleResolver {

    public static final Locale SPANISH = Locale.forLanguageTag("es");
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** The console's language when nothing else says. */
    public static final Locale CONSOLE_DEFAULT = SPANISH;
    /** The API's language when {@code Accept-Language} asks for neither. */
    public static final Locale API_DEFAULT = ENGLISH;

    private static final List<String> TAGS = List.of("en", "es");
    static final String SESSION_KEY = "custodia.locale";
    static final String SESSION_OWNER = "custodia.locale.owner";

    private final Users users;

    public LanguageResolver(Users users) {
        this.users = users;
    }

    /** {@code es}, {@code es-MX}, {@code EN_us}, ...: Spanish or English; empty for any other language or none. */
    public static Optional<Locale> parse(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        return switch (Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage()) {
            case "en" -> Optional.of(ENGLISH);
            case "es" -> Optional.of(SPANISH);
            default -> Optional.empty();
        };
    }

    /** The best of Spanish and English for an {@code Accept-Language} header; the fallback if it asks for neither. */
    public static Locale fromAcceptLanguage(String header, Locale fallback) {
        if (header == null || header.isBlank()) {
            return fallback;
        }
        try {
            String best = Locale.lookupTag(Locale.LanguageRange.parse(header), TAGS);
            return best == null ? fallback : "es".equals(best) ? SPANISH : ENGLISH;
        } catch (IllegalArgumentException malformed) {
            return fallback;
        }
    }

    /** The language of an API answer: {@code Accept-Language}, else English. */
    public static Locale forApi(String acceptLanguage) {
        return fromAcceptLanguage(acceptLanguage, API_DEFAULT);
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/v3/api-docs");
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (isApi(request)) {
            return forApi(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        }
        String lang = request.getParameter("lang");
        if ("es".equals(lang) || "en".equals(lang)) {
            return Locale.forLanguageTag(lang);
        }
        HttpSession session = request.getSession(false);
        String owner = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
        if (session != null && session.getAttribute(SESSION_KEY) instanceof String stored
                && owner.equals(session.getAttribute(SESSION_OWNER))) {
            return parse(stored).orElse(CONSOLE_DEFAULT);
        }
        if (!owner.isEmpty()) {
            Locale preferred = users.find(owner).flatMap(u -> parse(u.locale())).orElse(CONSOLE_DEFAULT);
            remember(request, preferred.getLanguage(), owner);
            return preferred;
        }
        return CONSOLE_DEFAULT;
    }

    /** Remembers a console choice for the session (the switch stores it with the user through {@link Users}). */
    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String owner = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
        remember(request, parse(locale == null ? null : locale.toLanguageTag()).orElse(CONSOLE_DEFAULT).getLanguage(),
                owner);
    }

    private static void remember(HttpServletRequest request, String language, String owner) {
        HttpSession session = request.getSession(!owner.isEmpty());
        if (session != null) {
            session.setAttribute(SESSION_KEY, language);
            session.setAttribute(SESSION_OWNER, owner);
        }
    }
}
