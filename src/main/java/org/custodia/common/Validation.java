package org.custodia.common;

import java.util.ArrayList;
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
