package org.custodia.housing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custodia.common.FieldProblem;
import org.custodia.housing.internal.rules.Breach;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Renders a rule's breach in the reader's language: {@code housing.rule.CODE} with its arguments, then the people. */
@Component
class BreachMessages {

    private final MessageSource messages;

    BreachMessages(MessageSource messages) {
        this.messages = messages;
    }

    String render(Breach b, Locale locale) {
        List<Object> args = new ArrayList<>(b.args());
        for (int i = 0; i < args.size(); i++) {
            String key = "housing.term." + args.get(i);
            args.set(i, messages.getMessage(key, null, String.valueOf(args.get(i)), locale));
        }
        String text = messages.getMessage("housing.rule." + b.rule(), args.toArray(), b.rule(), locale);
        if (!b.people().isEmpty()) {
            text += " " + messages.getMessage("housing.rule.people", new Object[] {String.join(", ", b.people())},
                    "(" + String.join(", ", b.people()) + ")", locale);
        }
        return text;
    }

    String render(Breach b) {
        return render(b, LocaleContextHolder.getLocale());
    }

    List<FieldProblem> problems(String field, List<Breach> breaches) {
        return breaches.stream().map(b -> new FieldProblem(field, b.rule(), render(b))).toList();
    }
}
