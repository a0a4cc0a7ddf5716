package org.custodia.identity.internal;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Outside the {@code demo} profile the demo password opens nothing: {@code demo} never matches, whatever hash is
 * stored, for users (HTTP Basic, the console) and for API clients (the token endpoint) alike. A database that once
 * held the demo data can then be run in production without its well-known accounts being usable.
 */
final class DemoPasswordGuard implements PasswordEncoder {

    static final String DEMO_PASSWORD = "demo";

    private final PasswordEncoder delegate;

    DemoPasswordGuard(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        if (DEMO_PASSWORD.contentEquals(rawPassword)) {
            throw new IllegalArgumentException("The demo password is refused outside the demo profile");
        }
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword != null && DEMO_PASSWORD.contentEquals(rawPassword)) {
            // Still spend the time of a real check, so that the answer does not tell the demo password apart.
            delegate.matches("not-" + DEMO_PASSWORD, encodedPassword);
            return false;
        }
        return delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }
}
