package org.custodia.sentence.internal;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.custodia.sentence.SentenceCalculation.Step;
import org.custodia.sentence.SentenceRequest.Term;

/** Collects the numbered steps of a computation, in one language, and formats what they show. */
final class Breakdown {

    private final Language language;
    private final List<Step> steps = new ArrayList<>();

    Breakdown(Language language) {
        this.language = language;
    }

    Language language() {
        return language;
    }

    /** Adds a step whose text key is its code. */
    Breakdown add(String code, Integer value, LocalDate date, Object... args) {
        return addText(code, code, value, date, args);
    }

    /** Adds a step with a text other than its code's (a variant of the same kind of step). */
    Breakdown addText(String code, String textKey, Integer value, LocalDate date, Object... args) {
        steps.add(new Step(steps.size() + 1, code, text(textKey, args), value, date));
        return this;
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    String text(String key, Object... args) {
        return Texts.text(language, key, args);
    }

    static String date(LocalDate date) {
        return date.toString();
    }

    /** "1 day", "30 days"; "1 día", "30 días". */
    String days(long days) {
        return text(days == 1 ? "day" : "days", days);
    }

    String dayOfWeek(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, language.locale());
    }

    /** "5 years", "1 year, 6 months and 1 day", "life"; only the parts that are not zero. */
    String term(Term term) {
        if (term.life()) {
            return text("life");
        }
        List<String> parts = new ArrayList<>();
        if (term.years() != 0) {
            parts.add(text(term.years() == 1 ? "year" : "years", term.years()));
        }
        if (term.months() != 0) {
            parts.add(text(term.months() == 1 ? "month" : "months", term.months()));
        }
        if (term.days() != 0 || parts.isEmpty()) {
            parts.add(days(term.days()));
        }
        return join(parts);
    }

    /** "1, 2 and 3"; "1, 2 y 3". */
    String join(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + text("and") + items.get(items.size() - 1);
    }

    String numbers(List<Integer> numbers) {
        return join(numbers.stream().map(String::valueOf).collect(Collectors.toList()));
    }
}
