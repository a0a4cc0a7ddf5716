package org.custodia.identity;

import org.custodia.common.ProblemCode;
import org.springframework.http.HttpStatus;

/** Problems of authentication beyond "who are you" (that is {@code UNAUTHENTICATED}, common to every module). */
public enum IdentityProblem implements ProblemCode {
    /** Too many failed sign-ins for this username or from this address: wait for {@code Retry-After} seconds. */
    LOGIN_THROTTLED(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins"),
    /** The bearer token is malformed, expired, wrongly signed, or names no enabled client. */
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "Invalid bearer token"),
    /** No user has this username. */
    USER_NOT_FOUND(HttpStatus.NOT_FOUND, "User not found"),
    /** A user with this username exists already. */
    USERNAME_TAKEN(HttpStatus.CONFLICT, "Username taken"),
    /** The change would leave no enabled administrator. */
    LAST_ADMIN(HttpStatus.CONFLICT, "Last administrator");

    private final HttpStatus status;
    private final String title;

    IdentityProblem(HttpStatus status, String title) {
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
