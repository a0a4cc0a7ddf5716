package org.custodia.web.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.EligibilityRule;
import org.custodia.agreement.Fee;
import org.custodia.agreement.RuleParameters;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The home page's agreement cards in the reader's language: the title (a message per agreement code, the stored
 * title when there is none), each rule with its parameters as a sentence, the sentence regime in words, dates and
 * money written the reader's way.
 */
@Component
class AgreementCards {

    /** An agreement as the card shows it; every text already in the reader's language. */
    record Card(Agreement agreement, String title, String validity, String regime, List<String> rules, List<FeeLine> fees) {
    }

    record FeeLine(String kind, String amount, String from, String to) {
    }

    private final MessageSource messages;

    AgreementCards(MessageSource messages) {
        this.messages = messages;
    }

    List<Card> cards(List<Agreement> agreements, Locale locale) {
        return agreements.stream().map(a -> card(a, locale)).toList();
    }

    Card card(Agreement a, Locale locale) {
        String title = messages.getMessage("agreement.title." + a.code(), null, a.title(), locale);
        String validity = a.validTo() == null
                ? messages.getMessage("agreement.validity.from", new Object[]{date(a.validFrom(), locale)}, locale)
                : messages.getMessage("agreement.validity.between",
                        new Object[]{date(a.validFrom(), locale), date(a.validTo(), locale)}, locale);
        String regime = messages.getMessage("agreement.regime." + a.sentenceRegime(), null, a.sentenceRegime(), locale);
        if (a.gctDaysPerYear() > 0) {
            regime = messages.getMessage("agreement.regime.withCredits", new Object[]{regime, a.gctDaysPerYear()}, locale);
        }
        List<String> rules = new ArrayList<>();
        for (EligibilityRule r : a.eligibilityPolicy().rules()) {
            rules.add(rule(r, locale));
        }
        List<FeeLine> fees = a.feeSchedule().stream().map(f -> fee(f, locale)).toList();
        return new Card(a, title, validity, regime, rules, fees);
    }

    String rule(EligibilityRule r, Locale locale) {
        String name = messages.getMessage("rule." + r.rule(), null, r.rule(), locale);
        RuleParameters p = r.typedParameters();
        if (p instanceof RuleParameters.MinimumRemainingSentence m) {
            return text("agreement.rule.MIN_REMAINING_SENTENCE_DAYS", locale, m.days());
        }
        if (p instanceof RuleParameters.MinimumAge m) {
            return text("agreement.rule.ADULTS_ONLY", locale, m.minimumAge());
        }
        if (p instanceof RuleParameters.FacilitySex s) {
            return s.sex().isEmpty() ? text("agreement.rule.SEX_OF_FACILITY.ANY", locale)
                    : text("agreement.rule.SEX_OF_FACILITY", locale,
                    messages.getMessage("agreement.sex." + s.sex(), null, s.sex(), locale));
        }
        if (p instanceof RuleParameters.Nationalities n) {
            return text("agreement.rule." + r.rule(), locale, n.nationalities().size(), n.nationalities().stream()
                    .map(code -> country(code, locale)).collect(Collectors.joining(", ")));
        }
        if (p instanceof RuleParameters.OffenceCodes o) {
            return text("agreement.rule.EXCLUDED_OFFENCES", locale, o.offenceCodes().size(), String.join(", ", o.offenceCodes()));
        }
        return name;
    }

    private FeeLine fee(Fee f, Locale locale) {
        String kind = messages.getMessage("fee." + f.kind().name(), null, f.kind().name(), locale);
        if (f.securityLevel() != null) {
            kind = messages.getMessage("agreement.fee.atLevel", new Object[]{kind,
                    messages.getMessage("custody.level." + f.securityLevel(), null, f.securityLevel(), locale)}, locale);
        }
        return new FeeLine(kind, money(f.amount(), f.currency(), locale), date(f.effectiveFrom(), locale),
                f.effectiveTo() == null ? null : date(f.effectiveTo(), locale));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    static String date(LocalDate day, Locale locale) {
        return day == null ? "" : day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    /** Spanish "55,00 USD", English "USD 55.00". */
    static String money(BigDecimal amount, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        String figure = format.format(amount);
        return "es".equals(locale.getLanguage()) ? figure + " " + currency : currency + " " + figure;
    }

    static String country(String code, Locale locale) {
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isBlank() || name.equals(code) ? code : name;
    }
}
