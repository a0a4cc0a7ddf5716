package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No page shows a link its user cannot follow: every demo user's header and home page links, each followed as that
 * user, answer 200, never 403 or 404.
 */
class HomeLinksTest extends IntegrationTest {

    /**
     * Pages other engineers are building on their own branches (issue #11): linked already, not on this branch yet.
     * Empty this list when they land; the test then follows these links too.
     */
    static final Set<String> KNOWN_PENDING = Set.of("/api-reference");

    @ParameterizedTest
    @ValueSource(strings = {"admin", "intake", "reception", "classification", "custody", "finance", "us-agency",
            "oversight", "ve-consul"})
    void everyLinkOnTheHomePageOpensForItsUser(String user) {
        Api api = as(user);
        Set<String> followed = new LinkedHashSet<>();
        for (String lang : List.of("es", "en")) {
            Api.Response home = api.get("/?lang=" + lang, Map.of("Accept", "text/html"));
            assertThat(home.status()).isEqualTo(200);
            followed.addAll(HomePages.links(home.text()));
        }
        assertThat(followed).as("the header's links").contains("/", "/referrals", "/account/password");
        List<String> refused = new ArrayList<>();
        for (String path : followed) {
            String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            if (KNOWN_PENDING.contains(bare)) {
                continue;
            }
            int status = api.get(path, Map.of("Accept", "text/html")).status();
            if (status != 200) {
                refused.add(path + " → " + status);
            }
        }
        assertThat(refused).as(user + " follows every link it is shown").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theSendingAgencyIsNotShownTheReceptionPages() {
        String html = as("us-agency").get("/?lang=en", Map.of("Accept", "text/html")).text();
        assertThat(HomePages.links(html)).noneMatch(l -> l.startsWith("/reception"))
                .noneMatch(l -> l.startsWith("/roll-count") || l.startsWith("/housing") || l.startsWith("/admin"));
        String reception = as("reception").get("/?lang=en", Map.of("Accept", "text/html")).text();
        assertThat(HomePages.links(reception)).contains("/reception");
        String consul = as("ve-consul").get("/?lang=en", Map.of("Accept", "text/html")).text();
        assertThat(HomePages.links(consul)).contains("/consular").doesNotContain("/billing/invoices", "/admin/users");
        String admin = as("admin").get("/?lang=en", Map.of("Accept", "text/html")).text();
        assertThat(HomePages.links(admin)).contains("/admin/users", "/admin/facilities", "/admin/agreements", "/api-reference")
                .doesNotContain("/swagger-ui.html", "/consular");
    }
}
