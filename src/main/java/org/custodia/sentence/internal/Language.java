package org.custodia.sentence.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages of the breakdown. English is the default. */
enum Language {
    EN("en", Locale.ENGLISH),
    ES("es", Locale.forLanguageTag("es"));

    private static final List<String> TAGS = List.of("en", "es");

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
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return switch (primary) {
            case "en" -> Optional.of(EN);
            case "es" -> Optional.of(ES);
            default -> Optional.empty();
        };
    }

    /** The best of English and Spanish for an {@code Accept-Language} header; English when neither is asked for. */
    static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        try {
            String best = Locale.lookupTag(Locale.LanguageRange.parse(header), TAGS);
            return "es".equals(best) ? ES : EN;
        } catch (IllegalArgumentException malformed) {
            return EN;
        }
    }
}
