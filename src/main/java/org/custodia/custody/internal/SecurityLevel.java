package org.custodia.custody.internal;

/** The security level of a prisoner. */
enum SecurityLevel {
    MINIMUM, MEDIUM, HIGH, MAXIMUM
}
