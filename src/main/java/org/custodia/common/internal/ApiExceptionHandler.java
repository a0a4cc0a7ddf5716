package org.custodia.common.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.custodia.common.ApiException;
import org.custodia.common.CommonProblem;
import org.custodia.common.ProblemCode;
import org.custodia.common.FieldProblem;
import org.custodia.common.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * The one place where API failures become problem responses. Console pages (outside {@code /api}) keep
 * Spring's HTML error page: the exception is passed on.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        return respond(request, e, e.problem(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), codeOf(error.getCode()), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(new FieldProblem(error.getObjectName(), codeOf(error.getCode()), error.getDefaultMessage())));
        return validation(request, e, errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldProblem(result.getMethodParameter().getParameterName(),
                        codeOf(error.getCodes() == null || error.getCodes().length == 0 ? null
                                : error.getCodes()[error.getCodes().length - 1]),
                        error.getDefaultMessage()))));
        return validation(request, e, errors);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return validation(request, e, List.of(new FieldProblem(e.getHeaderName(), "REQUIRED",
                "The header " + e.getHeaderName() + " is required")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return validation(request, e, List.of(new FieldProblem(e.getParameterName(), "REQUIRED",
                "The parameter " + e.getParameterName() + " is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return validation(request, e, List.of(new FieldProblem(e.getName(), "INVALID_VALUE",
                "'" + e.getValue() + "' is not a valid value for " + e.getName())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = pathOf(databind);
            return validation(request, e, List.of(new FieldProblem(field, "INVALID_VALUE",
                    "The value of " + field + " cannot be read as the expected type")));
        }
        String detail = cause instanceof JacksonException ? "The request body is not valid JSON"
                : "The request body is missing or cannot be read";
        return respond(request, e, CommonProblem.MALFORMED_REQUEST, detail, List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(request, e, CommonProblem.NOT_FOUND, "No resource at " + request.getRequestURI(), List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(request, e, CommonProblem.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(request, e, CommonProblem.UNSUPPORTED_MEDIA_TYPE, "Content type " + e.getContentType() + " is not accepted here", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return respond(request, e, CommonProblem.NOT_ACCEPTABLE, "None of the requested media types can be produced", List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(request, e, CommonProblem.PAYLOAD_TOO_LARGE, "The upload is larger than allowed", List.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        // Only the constraint: PostgreSQL's message quotes the offending values (names, document numbers).
        log.warn("Integrity violation on {}: {}", request.getRequestURI(), constraintOf(e));
        return respond(request, e, CommonProblem.DATA_CONFLICT, "The change conflicts with a record that already exists", List.of());
    }

    private static String constraintOf(DataIntegrityViolationException e) {
        if (e.getMostSpecificCause() instanceof org.postgresql.util.PSQLException sql
                && sql.getServerErrorMessage() != null) {
            return "SQLSTATE " + sql.getSQLState() + ", constraint " + sql.getServerErrorMessage().getConstraint()
                    + " on " + sql.getServerErrorMessage().getTable();
        }
        return e.getMostSpecificCause().getClass().getSimpleName();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (!isApi(request) || e instanceof AccessDeniedException) {
            // Denials go to Spring Security's handler, which answers 403 ACCESS_DENIED and ledgers them.
            throw e;
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return Problems.entity(Problems.problem(CommonProblem.INTERNAL_ERROR, "The request could not be completed; it has been logged", List.of(), request));
    }

    private ResponseEntity<ProblemDetail> validation(HttpServletRequest request, Exception e, List<FieldProblem> errors) {
        ApiException api = ApiException.validation(errors);
        return respond(request, e, api.problem(), api.getMessage(), errors);
    }

    private ResponseEntity<ProblemDetail> respond(HttpServletRequest request, Exception e, ProblemCode code,
                                                  String detail, List<FieldProblem> errors) {
        if (!isApi(request)) {
            sneakyThrow(e);
        }
        return Problems.entity(Problems.problem(code, detail, errors, request));
    }

    private static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith(request.getContextPath() + "/api/");
    }

    private static String pathOf(DatabindException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(reference -> {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.toString();
    }

    private static String codeOf(String constraint) {
        return org.custodia.common.Validation.codeOf(constraint);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable e) throws T {
        throw (T) e;
    }
}
