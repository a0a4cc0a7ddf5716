package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Issue 11: counts agree in number, and the console names a person's sex with one pair of words. */
class MessageWordingTest {

    private static final Locale ES = Locale.forLanguageTag("es");

    private final ResourceBundleMessageSource messages = source();

    private static ResourceBundleMessageSource source() {
        ResourceBundleMessageSource s = new ResourceBundleMessageSource();
        s.setBasename("messages");
        s.setDefaultEncoding("UTF-8");
        s.setFallbackToSystemLocale(false);
        return s;
    }

    @Test
    void searchCountAgreesInNumberInBothLanguages() {
        assertThat(messages.getMessage("custody.search.count", new Object[] {1L}, ES)).isEqualTo("1 recluso encontrado");
        assertThat(messages.getMessage("custody.search.count", new Object[] {0L}, ES)).isEqualTo("0 reclusos encontrados");
        assertThat(messages.getMessage("custody.search.count", new Object[] {1000L}, ES)).isEqualTo("1.000 reclusos encontrados");
        assertThat(messages.getMessage("custody.search.count", new Object[] {1L}, Locale.ENGLISH)).isEqualTo("1 prisoner found");
        assertThat(messages.getMessage("custody.search.count", new Object[] {2L}, Locale.ENGLISH)).isEqualTo("2 prisoners found");
    }

    @Test
    void sexIsHombreMujerEverywhereInSpanish() {
        for (String prefix : new String[] {"custody.sex.", "referral.sex."}) {
            assertThat(messages.getMessage(prefix + "MALE", null, ES)).isEqualTo("Hombre");
            assertThat(messages.getMessage(prefix + "FEMALE", null, ES)).isEqualTo("Mujer");
        }
    }
}
