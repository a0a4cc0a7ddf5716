package org.custodia.referral.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodia.referral.Finding;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a stored finding in a reader's language: its message code and arguments through the MessageSource
 * ({@code messages*.properties}), terms among the arguments translated too and lists joined by commas. A finding
 * stored as text by an earlier version is shown with its recorded wording (in the language asked, else English).
 */
@Component
class FindingMessages {

    /** The languages findings are published in (the {@code messages} map of a finding). */
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    private final MessageSource messages;

    FindingMessages(MessageSource messages) {
        this.messages = messages;
    }

    String render(Finding finding, Locale locale) {
        if (finding.messageCode() == null) {
            Map<String, String> text = finding.recordedText();
            String recorded = text.get(locale.getLanguage());
            if (recorded == null) {
                recorded = text.getOrDefault("en", text.values().stream().findFirst().orElse(finding.rule()));
            }
            return recorded;
        }
        return message(finding.messageCode(), finding.arguments(), locale);
    }

    private String message(String code, List<?> arguments, Locale locale) {
        Object[] resolved = arguments.stream().map(a -> argument(a, locale)).toArray();
        return messages.getMessage(code, resolved.length == 0 ? null : resolved, code, locale);
    }

    private Object argument(Object argument, Locale locale) {
        if (argument instanceof Map<?, ?> map && map.get("term") instanceof String term) {
            return message(term, map.get("arguments") instanceof List<?> list ? list : List.of(), locale);
        }
        if (argument instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(String.valueOf(argument(item, locale))));
            return String.join(", ", items);
        }
        return argument == null ? "" : argument;
    }
}
