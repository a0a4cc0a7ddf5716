package org.custodia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;

class LanguageResolverTest {

    private static final CurrentUser ENGLISH_SPEAKER =
            new CurrentUser("us-agency", "John Miller", Role.SENDING_AGENCY, "US", null, "en");

    private final LanguageResolver resolver = new LanguageResolver(new Users() {
        @Override
        public Optional<CurrentUser> current() {
            return Optional.empty();
        }

        @Override
        public CurrentUser requireCurrent() {
            throw new IllegalStateException();
        }

        @Override
        public Optional<CurrentUser> find(String username) {
            return "us-agency".equals(username) ? Optional.of(ENGLISH_SPEAKER) : Optional.empty();
        }

        @Override
        public void changeLocale(String username, String locale) {
        }

        @Override
        public void changePassword(String username, String currentPassword, String newPassword) {
        }
    });

    @Test
    void theApiFollowsAcceptLanguageAndSpeaksEnglishOtherwise() {
        assertThat(LanguageResolver.forApi("es-MX,es;q=0.9,en;q=0.8")).isEqualTo(LanguageResolver.SPANISH);
        assertThat(LanguageResolver.forApi("fr, es;q=0.5")).isEqualTo(LanguageResolver.SPANISH);
        assertThat(LanguageResolver.forApi("fr")).isEqualTo(Locale.ENGLISH);
        assertThat(LanguageResolver.forApi("*")).isEqualTo(Locale.ENGLISH);
        assertThat(LanguageResolver.forApi(";;;")).isEqualTo(Locale.ENGLISH);
        assertThat(LanguageResolver.forApi(null)).isEqualTo(Locale.ENGLISH);

        MockHttpServletRequest api = new MockHttpServletRequest("GET", "/api/v1/referrals");
        assertThat(resolver.resolveLocale(api)).isEqualTo(Locale.ENGLISH);
        api.addHeader("Accept-Language", "es-SV");
        assertThat(resolver.resolveLocale(api)).isEqualTo(LanguageResolver.SPANISH);
    }

    @Test
    void theConsoleSpeaksTheUsersStoredLanguageElseSpanish() {
        MockHttpServletRequest anonymous = new MockHttpServletRequest("GET", "/login");
        anonymous.addHeader("Accept-Language", "en");
        assertThat(resolver.resolveLocale(anonymous)).as("the console ignores the browser").isEqualTo(LanguageResolver.SPANISH);
        anonymous.setParameter("lang", "en");
        assertThat(resolver.resolveLocale(anonymous)).isEqualTo(Locale.ENGLISH);

        MockHttpServletRequest signedIn = new MockHttpServletRequest("GET", "/");
        signedIn.setSession(new MockHttpSession());
        signedIn.setUserPrincipal(() -> "us-agency");
        assertThat(resolver.resolveLocale(signedIn)).isEqualTo(Locale.ENGLISH);
        resolver.setLocale(signedIn, null, LanguageResolver.SPANISH);
        assertThat(resolver.resolveLocale(signedIn)).as("the switch, for this session").isEqualTo(LanguageResolver.SPANISH);
    }

    @Test
    void tagsAreSpanishOrEnglishOrNothing() {
        assertThat(LanguageResolver.parse("EN_us")).contains(Locale.ENGLISH);
        assertThat(LanguageResolver.parse("es-MX")).contains(LanguageResolver.SPANISH);
        assertThat(LanguageResolver.parse("fr")).isEmpty();
        assertThat(LanguageResolver.parse(" ")).isEmpty();
    }
}
