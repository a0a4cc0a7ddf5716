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

    private final List<Item> items = List.of(
            new Item("/referrals", "nav.referrals", EVERYONE),
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
