package org.custodia.identity;

import java.util.Optional;

/** Who is signed in, and their preferences. */
public interface Users {

    /** The user of the current request; empty outside a request or when nobody is signed in. */
    Optional<CurrentUser> current();

    /** The user of the current request; fails with 401 when nobody is signed in. */
    CurrentUser requireCurrent();

    Optional<CurrentUser> find(String username);

    /** Remembers the console language of a user; {@code es} or {@code en}. */
    void changeLocale(String username, String locale);
}
