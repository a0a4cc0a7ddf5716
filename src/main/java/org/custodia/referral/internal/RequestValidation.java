package org.custodia.referral.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.custodia.common.ApiException;
import org.custodia.common.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Checks a request record's Bean Validation constraints, once, in the service that both the API and the console
 * call: every failure at once as 400 VALIDATION_FAILED, with the field codes the API uses elsewhere.
 */
@Component
class RequestValidation {

    private final Validator validator;

    RequestValidation(Validator validator) {
        this.validator = validator;
    }

    void validate(Object request) {
        if (request == null) {
            throw ApiException.validation(List.of(new FieldProblem("", "REQUIRED", "The request body is required")));
        }
        List<FieldProblem> problems = validator.validate(request).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), code(v), v.getPropertyPath() + " " + v.getMessage()))
                .toList();
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
    }

    private static String code(ConstraintViolation<?> violation) {
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "REQUIRED";
            case "Size" -> "TOO_LONG";
            default -> "INVALID_VALUE";
        };
    }
}
