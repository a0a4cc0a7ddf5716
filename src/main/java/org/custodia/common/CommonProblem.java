package org.custodia.common;

import org.springframework.http.HttpStatus;

/** Problems any endpoint can answer with: authentication, malformed or invalid requests, conflicts. */
public enum CommonProblem implements ProblemCode {
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Unauthenticated"),
    ACCESS_DENIED(HttpStatus.FORBIDDEN, "Forbidden"),
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Invalid request"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    DATA_CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    STALE_VERSION(HttpStatus.CONFLICT, "Stale version"),
    IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT, "Idempotency key in use"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String title;

    CommonProblem(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
