package org.custodia.agreement;

/** A state (or one of its agencies) that is party to an agreement. */
public record Party(String code, String name, String country) {
}
