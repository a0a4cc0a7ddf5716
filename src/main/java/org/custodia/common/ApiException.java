package org.custodia.common;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure a client can act on. It becomes an RFC 9457 problem response whose {@code code} comes from a
 * module's {@link ProblemCode} enum: once published, a code is never renamed.
 */
public class ApiException extends RuntimeException {

    private final ProblemCode problem;
    private final List<FieldProblem> errors;

    public ApiException(ProblemCode problem, String detail) {
        this(problem, detail, List.of());
    }

    public ApiException(ProblemCode problem, String detail, List<FieldProblem> errors) {
        super(detail);
        this.problem = problem;
        this.errors = List.copyOf(errors);
    }

    /** {@code 400 VALIDATION_FAILED}, naming every failing field at once. */
    public static ApiException validation(List<FieldProblem> errors) {
        return new ApiException(CommonProblem.VALIDATION_FAILED,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", errors);
    }

    public ProblemCode problem() {
        return problem;
    }

    public HttpStatus status() {
        return problem.status();
    }

    public String code() {
        return problem.code();
    }

    public String title() {
        return problem.title();
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
