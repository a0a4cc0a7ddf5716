package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The home page's counts agree in number and gender, and write their figures the language's way. */
class HomeMessagesTest {

    private static final Locale ES = Locale.forLanguageTag("es");
    private static final Locale EN = Locale.ENGLISH;

    private final ResourceBundleMessageSource messages = source();

    private static ResourceBundleMessageSource source() {
        ResourceBundleMessageSource s = new ResourceBundleMessageSource();
        s.setBasename("messages");
        s.setDefaultEncoding("UTF-8");
        s.setFallbackToSystemLocale(false);
        return s;
    }

    private String es(String key, Object... args) {
        return messages.getMessage(key, args, ES);
    }

    private String en(String key, Object... args) {
        return messages.getMessage(key, args, EN);
    }

    @Test
    void workQueueCountsAgreeInNumberAndGender() {
        assertThat(es("work.referralsToReview", 0L)).isEqualTo("Ninguna remisión por revisar");
        assertThat(es("work.referralsToReview", 1L)).isEqualTo("1 remisión por revisar");
        assertThat(es("work.referralsToReview", 1000L)).isEqualTo("1.000 remisiones por revisar");
        assertThat(en("work.referralsToReview", 1000L)).isEqualTo("1,000 referrals to review");
        assertThat(es("work.manifestsArriving", 1L)).isEqualTo("1 manifiesto en camino o por recibir");
        assertThat(es("work.toHouse", 2L)).isEqualTo("2 personas ingresadas sin celda, por alojar");
        assertThat(es("work.complaints", 1L)).isEqualTo("1 denuncia de malos tratos");
        assertThat(en("work.heldWithoutAgreement", 3L)).isEqualTo("3 people held without meeting the agreement");
        assertThat(es("work.runsDue", 1L)).isEqualTo("1 mes por facturar");
        assertThat(es("work.runsDue", 12L)).isEqualTo("12 meses por facturar");
        assertThat(es("work.referralsAll", 261L)).isEqualTo("261 personas remitidas");
        assertThat(en("work.referralsAll", 1L)).isEqualTo("1 person referred");
    }

    @Test
    void ruleParametersReadAsSentences() {
        assertThat(es("agreement.rule.MIN_REMAINING_SENTENCE_DAYS", 180)).isEqualTo("Le quedan al menos 180 días de condena por cumplir");
        assertThat(es("agreement.rule.MIN_REMAINING_SENTENCE_DAYS", 1)).isEqualTo("Le quedan al menos 1 día de condena por cumplir");
        assertThat(en("agreement.rule.MIN_REMAINING_SENTENCE_DAYS", 1000)).isEqualTo("At least 1,000 days of the sentence left to serve");
        assertThat(es("agreement.rule.ADULTS_ONLY", 18)).isEqualTo("Solo personas de 18 años o más");
        assertThat(es("agreement.quotaPeople", 1000)).isEqualTo("1.000 personas");
        assertThat(en("dash.revenueNote", 5L)).isEqualTo("Fee revenue against the operating cost of the prison system; "
                + "\"Covered\" is the share of the cost the fees pay.");
        assertThat(es("dash.revenueNote", 5L)).contains("«Cubierto»");
        assertThat(es("dash.logCheckpoint", 12345L, "1 dic 2026")).startsWith("Último punto de control firmado: 12.345 asientos");
    }
}
