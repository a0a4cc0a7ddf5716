package org.custodia.sentence.internal;

import java.util.Locale;
import java.util.Optional;
import org.custodia.identity.LanguageResolver;

/**
 * The languages of the breakdown's texts. Which one a request gets is decided by identity's
 * {@link LanguageResolver} (Accept-Language for the API, English by default).
 */
enum Language {
    EN("en", Locale.ENGLISH),
    ES("es", Locale.forLanguageTag("es"));

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    String tag() {
        return tag;
    }

    Locale locale() {
        return locale;
    }

    /** Spanish for any Spanish locale, English for everything else (and for none). */
    static Language of(Locale locale) {
        return locale != null && "es".equals(locale.getLanguage()) ? ES : EN;
    }

    /** A language tag such as {@code es} or {@code es-MX}; empty when it is neither English nor Spanish. */
    static Optional<Language> parse(String tag) {
        return LanguageResolver.parse(tag).map(Language::of);
    }
}
