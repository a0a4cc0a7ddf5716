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
    void countsAndTermsAgreeInNumberInBothLanguages() {
        assertThat(messages.getMessage("referral.list.total", new Object[] {1L}, ES)).isEqualTo("1 remisión");
        assertThat(messages.getMessage("referral.list.total", new Object[] {2000L}, ES)).isEqualTo("2.000 remisiones");
        assertThat(messages.getMessage("referral.list.total", new Object[] {1L}, Locale.ENGLISH)).isEqualTo("1 referral");
        assertThat(messages.getMessage("referral.term", new Object[] {1, 1, 1}, ES)).isEqualTo("1 año, 1 mes, 1 día");
        assertThat(messages.getMessage("file.term", new Object[] {10, 0, 2}, ES)).isEqualTo("10 años, 0 meses, 2 días");
        assertThat(messages.getMessage("file.term", new Object[] {1, 2, 1}, Locale.ENGLISH))
                .isEqualTo("1 year, 2 months, 1 day");
        assertThat(messages.getMessage("file.age", new Object[] {1}, ES)).isEqualTo("1 año");
        assertThat(messages.getMessage("manifest.countsText", new Object[] {1, 0, 3}, ES))
                .isEqualTo("1 admitida, 0 rechazadas o no llegadas, 3 pendientes");
        assertThat(messages.getMessage("custody.upcoming.days", new Object[] {90}, ES)).isEqualTo("90 días");
    }

    @Test
    void sexIsHombreMujerEverywhereInSpanish() {
        for (String prefix : new String[] {"custody.sex.", "referral.sex."}) {
            assertThat(messages.getMessage(prefix + "MALE", null, ES)).isEqualTo("Hombre");
            assertThat(messages.getMessage(prefix + "FEMALE", null, ES)).isEqualTo("Mujer");
        }
    }

    @Test
    void aFieldsProblemIsASentenceThatNeedsNoAgreementWithTheFieldsLabel() throws Exception {
        // "Referencia del expediente: es obligatorio" broke gender; every problem said after a label is its own clause
        java.util.Properties es = new java.util.Properties();
        try (var in = new java.io.InputStreamReader(getClass().getResourceAsStream("/messages.properties"),
                java.nio.charset.StandardCharsets.UTF_8)) {
            es.load(in);
        }
        for (String key : es.stringPropertyNames()) {
            if (key.startsWith("referral.problem.") || key.startsWith("form.problem.")) {
                assertThat(es.getProperty(key)).as(key)
                        .doesNotStartWith("es ").doesNotStartWith("son ").doesNotStartWith("está ")
                        .doesNotStartWith("obligatori").doesNotStartWith("demasiado ");
            }
        }
        assertThat(messages.getMessage("referral.problem.REQUIRED", null, ES)).isEqualTo("complete este campo");
    }
}
