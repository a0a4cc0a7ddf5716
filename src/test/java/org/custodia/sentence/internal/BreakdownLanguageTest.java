package org.custodia.sentence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.sentence.internal.Fixtures.CALCULATOR;
import static org.custodia.sentence.internal.Fixtures.FSA;
import static org.custodia.sentence.internal.Fixtures.months;

import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.IntStream;
import org.custodia.sentence.SentenceCalculation;
import org.custodia.sentence.SentenceRequest;
import org.junit.jupiter.api.Test;

class BreakdownLanguageTest {

    private static SentenceCalculation sixtyMonths(Locale locale) {
        return CALCULATOR.calculate(SentenceRequest.single(FSA, LocalDate.of(2025, 1, 1), months(60), 0, locale));
    }

    @Test
    void spanishAndEnglishHaveTheSameStepsAndValues() {
        SentenceCalculation en = sixtyMonths(Locale.ENGLISH);
        SentenceCalculation es = sixtyMonths(Locale.forLanguageTag("es-SV"));
        assertThat(en.language()).isEqualTo("en");
        assertThat(es.language()).isEqualTo("es");
        assertThat(es.breakdown()).hasSameSizeAs(en.breakdown());
        IntStream.range(0, en.breakdown().size()).forEach(i -> {
            SentenceCalculation.Step a = en.breakdown().get(i);
            SentenceCalculation.Step b = es.breakdown().get(i);
            assertThat(b.code()).isEqualTo(a.code());
            assertThat(b.value()).isEqualTo(a.value());
            assertThat(b.date()).isEqualTo(a.date());
            assertThat(b.description()).isNotEqualTo(a.description());
        });
        assertThat(es.breakdown().get(4).description())
                .isEqualTo("Fecha de cumplimiento íntegro = 2030-01-01 - 1 día - 0 días de abono = 2029-12-31.");
        assertThat(en.breakdown().get(4).description())
                .isEqualTo("Full term date = 2030-01-01 - 1 day - 0 days of jail credit = 2029-12-31.");
        assertThat(es.breakdown().get(es.breakdown().size() - 1).description()).contains("jueves");
    }

    @Test
    void englishIsTheDefault() {
        assertThat(sixtyMonths(null).language()).isEqualTo("en");
        assertThat(sixtyMonths(Locale.FRENCH).language()).isEqualTo("en");
    }

    @Test
    void everyTextExistsInBothLanguages() {
        for (String key : Texts.keys()) {
            Object[] args = {1, 2, 3, 4, 5, 6};
            assertThat(Texts.text(Language.EN, key, args)).isNotBlank();
            assertThat(Texts.text(Language.ES, key, args)).isNotBlank();
        }
    }
}
