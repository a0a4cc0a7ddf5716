package org.custodia.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Role;
import org.springframework.stereotype.Component;

/** The console's main navigation, by role. Each feature adds its page here. */
@Component("consoleNavigation")
class ConsoleNavigation {

    record Item(String path, String labelKey, Set<Role> roles) {
    }

    private static final Set<Role> EVERYONE = Set.of(Role.values());
    /** Prison staff, oversight and admin: facility-wide figures are not for a sending state or a consulate. */
    private static final Set<Role> FACILITY_READERS = Set.of(Role.INTAKE_OFFICER, Role.RECEPTION_OFFICER,
            Role.CLASSIFICATION_OFFICER, Role.CUSTODY_OFFICER, Role.FINANCE, Role.OVERSIGHT, Role.ADMIN);

    private final List<Item> items = List.of(
            new Item("/prisoners", "nav.prisoners", EVERYONE),
            new Item("/roll-count", "nav.rollCount", FACILITY_READERS),
            new Item("/oversight/alerts", "nav.alerts", Set.of(Role.OVERSIGHT, Role.ADMIN)),
            new Item("/ledger", "nav.ledger", EVERYONE),
            new Item("/swagger-ui.html", "nav.api", EVERYONE));

    public List<Item> itemsFor(CurrentUser user) {
        if (user == null) {
            return List.of();
        }
        List<Item> visible = new ArrayList<>();
        for (Item item : items) {
            if (item.roles().contains(user.role())) {
                visible.add(item);
            }
        }
        return visible;
    }
}
