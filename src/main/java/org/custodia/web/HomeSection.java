package org.custodia.web;

import java.util.List;
import java.util.Locale;
import org.custodia.identity.CurrentUser;

/**
 * A module's part of the home page: the signed-in user's work queue ("Your work": counts with a link to the page
 * where the work is done) and the figures of the pictures the user may read. A module implements it in its
 * {@code internal} package as a bean; the home page asks every one. Each answers only what the user's role may
 * follow and see, within the user's scope (a sending agency its own state's records, a consulate its nationals).
 */
public interface HomeSection {

    /** The work items of this module for this user; empty when none concerns the role. */
    default List<WorkItem> work(CurrentUser user) {
        return List.of();
    }

    /** The pictures of this module this user may read, their figures computed now. */
    default List<HomeChart> charts(CurrentUser user, Locale locale) {
        return List.of();
    }
}
