package org.custodia.web;

/**
 * One line of a role's work queue on the home page.
 *
 * @param order      where it stands in the queue (smaller first)
 * @param id         a stable identifier (the element's id on the page, {@code work-} + id)
 * @param labelKey   the message key of its label, with the count as argument {0} (a choice pattern for plurals)
 * @param count      how many; null for a link without a count
 * @param path       the console page where the work is done (which the user's role may open)
 * @param urgent     shown highlighted: something waits for this user
 */
public record WorkItem(int order, String id, String labelKey, Long count, String path, boolean urgent) {

    public static WorkItem of(int order, String id, String labelKey, long count, String path) {
        return new WorkItem(order, id, labelKey, count, path, false);
    }

    public static WorkItem urgent(int order, String id, String labelKey, long count, String path) {
        return new WorkItem(order, id, labelKey, count, path, count > 0);
    }

    public static WorkItem link(int order, String id, String labelKey, String path) {
        return new WorkItem(order, id, labelKey, null, path, false);
    }
}
