package org.custodia.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A console form as it was submitted and, if the rules refused it, why: what was typed (so the page can show it
 * again) and the problems by form field (so the page can say, next to each field, what to change). The shared
 * fragment {@code fragments/form.html} renders both in the page's language: the field's label from its message key,
 * the problem from {@code form.problem.<code>}, the refusal from {@code problem.code.<code>}; never a JSON path nor
 * the API's English message.
 *
 * @param id       which form of the page it is (a page may have several, e.g. one handover form per person)
 * @param values   what was typed, by form field name
 * @param errors   the field problems, by form field name, in the order they were found
 * @param code     the problem's code ({@code VALIDATION_FAILED}, {@code HOUSING_RULE_VIOLATION}, ...), null if none
 * @param detail   the API's own detail (English), shown only on English pages
 * @param localized the field problems' messages are already in the page's language (e.g. a housing rule's breach,
 *                 rendered by the module from its own messages), so a code with no {@code form.problem} key shows it
 */
public record ConsoleForm(String id, Map<String, String> values, Map<String, List<FieldProblem>> errors, String code,
                          String detail, boolean localized) implements java.io.Serializable {

    public ConsoleForm {
        values = values == null ? Map.of() : new LinkedHashMap<>(values);
        errors = errors == null ? Map.of() : new LinkedHashMap<>(errors);
    }

    /** A form as first shown, with these values (may be empty). */
    public static ConsoleForm of(String id, Map<String, String> values) {
        return new ConsoleForm(id, values, Map.of(), null, null, false);
    }

    /**
     * A refused form: the problems of {@code e} placed on the form's fields. {@code paths} maps an API field path
     * (e.g. {@code emergencyContact.name}, or with the indexes taken out, {@code property[].description}) to the form
     * field it came from; a path not in it that names a field of the form stays on that field; any other lands on
     * {@code fallbackField} (so that the page can still say where to look), or on no field when that is null.
     */
    public static ConsoleForm refused(String id, Map<String, String> values, ApiException e, Map<String, String> paths,
                                      String fallbackField) {
        Map<String, String> typed = new LinkedHashMap<>(values == null ? Map.of() : values);
        typed.remove("_csrf");
        Map<String, List<FieldProblem>> errors = new LinkedHashMap<>();
        for (FieldProblem p : e.errors()) {
            String field = fieldOf(p.field(), typed, paths, fallbackField);
            if (field != null) {
                errors.computeIfAbsent(field, k -> new ArrayList<>()).add(p);
            }
        }
        return new ConsoleForm(id, typed, errors, e.code(), e.getMessage(), false);
    }

    /** The same form, saying that its problems' messages are in the page's language already. */
    public ConsoleForm withLocalizedMessages() {
        return new ConsoleForm(id, values, errors, code, detail, true);
    }

    static String fieldOf(String path, Map<String, String> typed, Map<String, String> paths, String fallbackField) {
        if (path == null) {
            return fallbackField;
        }
        Map<String, String> map = paths == null ? Map.of() : paths;
        if (map.containsKey(path)) {
            return map.get(path);
        }
        String unindexed = path.replaceAll("\\[\\d+]", "[]");
        if (map.containsKey(unindexed)) {
            return map.get(unindexed);
        }
        String head = unindexed.replaceAll("[.\\[].*$", "");
        if (map.containsKey(head)) {
            return map.get(head);
        }
        if (typed.containsKey(path) || map.containsValue(path)) {
            return path;
        }
        if (typed.containsKey(head)) {
            return head;
        }
        return fallbackField;
    }

    /** What was typed in the field, or "" (never null, so that a template may compare it). */
    public String value(String field) {
        String v = values.get(field);
        return v == null ? "" : v;
    }

    /** Whether a checkbox or radio with this value was chosen. */
    public boolean chose(String field, String value) {
        return value != null && value.equals(values.get(field));
    }

    public boolean refused() {
        return code != null;
    }

    public boolean hasErrors(String field) {
        return errors.containsKey(field);
    }

    public List<FieldProblem> errorsOf(String field) {
        return errors.getOrDefault(field, List.of());
    }

    /** Every field problem, with the form field it was placed on. */
    public List<Placed> allErrors() {
        List<Placed> all = new ArrayList<>();
        errors.forEach((field, problems) -> problems.forEach(p -> all.add(new Placed(field, p))));
        return all;
    }

    /** A refusal that names no field of the form (a rule of the whole request, e.g. a 409). */
    public boolean general() {
        return refused() && errors.isEmpty();
    }

    public boolean isFor(String formId) {
        return id != null && id.equals(formId);
    }

    public record Placed(String field, FieldProblem problem) implements java.io.Serializable {
    }

    // --- reading what a form sent: a value that cannot be read is a field problem like any the rules find ---

    /** A datetime-local value in the facility's zone, or null when blank. */
    public static java.time.Instant localTime(String value, String field, java.time.ZoneId zone) {
        if (blank(value)) {
            return null;
        }
        try {
            return java.time.LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.validation(List.of(new FieldProblem(field, "INVALID_FORMAT", "Not a date and time: " + value)));
        }
    }

    /** A date value (yyyy-MM-dd), or null when blank. */
    public static java.time.LocalDate date(String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.validation(List.of(new FieldProblem(field, "INVALID_FORMAT", "Not a date: " + value)));
        }
    }

    /** A whole number, or null when blank. */
    public static Integer integer(String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.validation(List.of(new FieldProblem(field, "INVALID_TYPE", "Not a whole number: " + value)));
        }
    }

    /** A choice as its enum, or null when blank. */
    public static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(List.of(new FieldProblem(field, "INVALID_VALUE",
                    "One of " + List.of(type.getEnumConstants()))));
        }
    }

    /** The text typed, or null when blank. */
    public static String text(String value) {
        return blank(value) ? null : value.strip();
    }

    /** A checkbox: true when ticked. */
    public static boolean ticked(String value) {
        return "true".equals(value) || "on".equals(value);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
