package org.custodia.web.internal;

import java.util.ArrayList;
import java.util.List;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Permission;
import org.springframework.stereotype.Component;

/** The console's main navigation, by role. Each feature adds its page here. */
@Component("consoleNavigation")
class ConsoleNavigation {

    /** A page of the navigation; {@code permission} null means every signed-in user may follow it. */
    record Item(String path, String labelKey, Permission permission) {

        boolean visibleTo(CurrentUser user) {
            return permission == null || user.can(permission);
        }
    }

    private final List<Item> items = List.of(
            new Item("/referrals", "nav.referrals", null),
            new Item("/reception", "nav.reception", Permission.MANIFEST_READ),
            new Item("/prisoners", "nav.prisoners", null),
            new Item("/roll-count", "nav.rollCount", Permission.FACILITY_READ),
            new Item("/housing/occupancy", "nav.occupancy", Permission.FACILITY_READ),
            new Item("/housing/plans", "nav.housingPlans", Permission.HOUSING_PLAN),
            new Item("/housing/keep-aparts", "nav.keepApart", Permission.FACILITY_READ),
            new Item("/oversight/alerts", "nav.alerts", Permission.OVERSIGHT_ALERTS_READ),
            new Item("/billing/invoices", "nav.billing", Permission.INVOICE_READ),
            new Item("/ledger", "nav.ledger", null),
            new Item("/swagger-ui.html", "nav.api", null));

    public List<Item> itemsFor(CurrentUser user) {
        if (user == null) {
            return List.of();
        }
        List<Item> visible = new ArrayList<>();
        for (Item item : items) {
            if (item.visibleTo(user)) {
                visible.add(item);
            }
        }
        return visible;
    }
}
