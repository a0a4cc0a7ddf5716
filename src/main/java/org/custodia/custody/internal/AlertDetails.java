package org.custodia.custody.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;

/**
 * An alert's details in the reader's language. The alert "held without meeting the agreement" is stored as the
 * sentence the custody-history recorder writes ({@code Held without meeting the agreement CODE on DATE: failed RULE,
 * RULE}); it is read back here into its parts and said again with the rules' names in words. Any other details (an
 * officer's own words about a complaint) are shown as they were written.
 */
final class AlertDetails {

    private static final Pattern HELD = Pattern.compile(
            "Held without meeting the agreement (\\S+) on (\\d{4}-\\d{2}-\\d{2}): failed ([A-Z0-9_, ]+)");

    private AlertDetails() {
    }

    static String render(String kind, String details, MessageSource messages, Locale locale) {
        if (details == null) {
            return "";
        }
        Matcher m = HELD.matcher(details.strip());
        if (!CustodyHistoryService.ALERT_KIND.equals(kind) || !m.matches()) {
            return details;
        }
        String rules = Arrays.stream(m.group(3).split(",")).map(String::strip).filter(r -> !r.isEmpty())
                .map(r -> messages.getMessage("rule." + r, null, r, locale))
                .collect(Collectors.joining("; "));
        return messages.getMessage("custody.alerts.heldWithout", new Object[]{m.group(1), m.group(2), rules}, locale);
    }
}
