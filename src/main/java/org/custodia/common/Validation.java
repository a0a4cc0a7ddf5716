package org.custodia.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every failure of a request before answering, so that a client sees all of them at once.
 */
public final class Validation {

    private final List<FieldProblem> problems = new ArrayList<>();

    public Validation require(boolean condition, String field, String code, String message) {
        if (!condition) {
            problems.add(new FieldProblem(field, code, message));
        }
        return this;
    }

    public Validation notBlank(String value, String field) {
        return require(value != null && !value.isBlank(), field, "REQUIRED", field + " is required");
    }

    public Validation notNull(Object value, String field) {
        return require(value != null, field, "REQUIRED", field + " is required");
    }

    public Validation add(String field, String code, String message) {
        problems.add(new FieldProblem(field, code, message));
        return this;
    }

    /**
     * Adds every Bean Validation failure of {@code bean} (its constraint annotations), with the field's JSON path and
     * the code of the constraint ({@link #codeOf}), sorted by path so that the answer is stable.
     */
    public Validation check(Validator validator, Object bean) {
        if (bean == null) {
            return this;
        }
        validator.validate(bean).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> cv) -> cv.getPropertyPath().toString()))
                .forEach(cv -> {
                    String field = cv.getPropertyPath().toString();
                    String constraint = cv.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
                    add(field, codeOf(constraint), field + " " + cv.getMessage());
                });
        return this;
    }

    /** The field code of a constraint annotation's simple name: {@code NotNull} is {@code REQUIRED}, and so on. */
    public static String codeOf(String constraint) {
        if (constraint == null) {
            return "INVALID_VALUE";
        }
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "REQUIRED";
            case "Size", "Length" -> "INVALID_LENGTH";
            case "Min", "Max", "Positive", "PositiveOrZero", "DecimalMin", "DecimalMax", "Negative" -> "OUT_OF_RANGE";
            case "Pattern", "Email" -> "INVALID_FORMAT";
            case "Past", "PastOrPresent", "Future", "FutureOrPresent" -> "INVALID_DATE";
            case "NotInFuture" -> "IN_FUTURE";
            default -> constraint.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
        };
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    /** Throws a {@code VALIDATION_FAILED} problem naming every failure, if there is any. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
    }
}
