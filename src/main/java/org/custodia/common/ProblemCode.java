package org.custodia.common;

import org.springframework.http.HttpStatus;

/**
 * A stable problem code of the API. Each module keeps its codes in one enum that implements this interface;
 * a code is never renamed once published (the README's table of codes is tested against the enums).
 */
public interface ProblemCode {

    /** The code as it travels in the {@code code} member of a problem response: UPPER_SNAKE_CASE. */
    String name();

    /** The HTTP status a problem with this code is answered with. */
    HttpStatus status();

    /** A short, fixed, human-readable summary: the problem's {@code title}. */
    String title();

    default String code() {
        return name();
    }
}
