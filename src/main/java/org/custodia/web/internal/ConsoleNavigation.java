package org.custodia.web.internal;

import java.util.ArrayList;
import java.util.List;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Permission;
import org.custodia.identity.Role;
import org.springframework.stereotype.Component;

/**
 * The console's main navigation, by role. Each item carries what its target page's controller demands (the same
 * {@link Permission} as its {@code @Allowed}, or the one role the page is for), so that nobody is shown a link they
 * cannot follow. Each feature adds its page here.
 */
@Component("consoleNavigation")
class ConsoleNavigation {

    /**
     * A page of the navigation.
     *
     * @param permission what the page requires; null means every signed-in user may follow it
     * @param hiddenFrom a role that may open the page but for whom it is not part of their work (not shown)
     */
    record Item(String path, String labelKey, Permission permission, Role hiddenFrom) {

        Item(String path, String labelKey, Permission permission) {
            this(path, labelKey, permission, null);
        }

        boolean visibleTo(CurrentUser user) {
            return (permission == null || user.can(permission)) && (hiddenFrom == null || !user.is(hiddenFrom));
        }
    }

    private final List<Item> items = List.of(
            new Item("/referrals", "nav.referrals", null),
            // the receiving prison's reception pages: the sending agency holds MANIFEST_READ (it plans and dispatches
            // its transports through the API) but these pages are not its work (issue #11)
            new Item("/reception", "nav.reception", Permission.MANIFEST_READ, Role.SENDING_AGENCY),
            new Item("/prisoners", "nav.prisoners", null),
            new Item("/consular", "nav.consular", Permission.CONSULAR_VISITS),
            new Item("/roll-count", "nav.rollCount", Permission.FACILITY_READ),
            new Item("/housing/occupancy", "nav.occupancy", Permission.FACILITY_READ),
            new Item("/housing/plans", "nav.housingPlans", Permission.HOUSING_PLAN),
            new Item("/housing/keep-aparts", "nav.keepApart", Permission.FACILITY_READ),
            new Item("/oversight/alerts", "nav.alerts", Permission.OVERSIGHT_ALERTS_READ),
            new Item("/billing/invoices", "nav.billing", Permission.INVOICE_READ),
            new Item("/ledger", "nav.ledger", null),
            new Item("/admin/users", "nav.adminUsers", Permission.USER_MANAGE),
            new Item("/admin/facilities", "nav.adminFacilities", Permission.FACILITY_MANAGE),
            new Item("/admin/agreements", "nav.adminAgreements", Permission.AGREEMENT_MANAGE),
            new Item("/api-reference", "nav.api", null));

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
