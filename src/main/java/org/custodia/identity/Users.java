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

    /**
     * Changes a user's password once their current one is confirmed. Fails with {@code VALIDATION_FAILED} (fields
     * {@code currentPassword}, {@code newPassword}) when the current password is wrong or the new one is refused,
     * and with {@code LOGIN_THROTTLED} while the user is locked out by failed sign-ins; a wrong current password
     * counts as one.
     */
    void changePassword(String username, String currentPassword, String newPassword);
}
