package org.custodia.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestAgreements;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The referral list counts no further than its bound (lowered to 3 here) or the end of the page asked for: past it
 * the total is a lower bound ({@code totalExact} false) and the console says "more than" and offers the next page;
 * a page that is not full is the last and carries the exact total. Pages neither repeat nor skip.
 */
@TestPropertySource(properties = "custodia.referral.count-limit=3")
class ReferralListCountTest extends IntegrationTest {

    @Test
    void theTotalIsBoundedAndExactOnTheLastPage() {
        String agreement = TestAgreements.create(as("admin"), "US", 1000, TestAgreements.demoPolicy());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Api agency = as("us-agency");
        for (int i = 0; i < 26; i++) {
            Api.Response r = agency.post("/api/v1/referrals", ReferralBodies.eligible(today, agreement));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
        }
        String path = "/api/v1/referrals?agreement=" + agreement + "&size=10&page=";
        JsonNode first = agency.get(path + 0).json();
        assertThat(first.get("total").asLong()).isEqualTo(10);
        assertThat(first.get("totalExact").asBoolean()).as("more than 10 match").isFalse();
        JsonNode second = agency.get(path + 1).json();
        assertThat(second.get("total").asLong()).isEqualTo(20);
        assertThat(second.get("totalExact").asBoolean()).isFalse();
        JsonNode last = agency.get(path + 2).json();
        assertThat(last.get("total").asLong()).isEqualTo(26);
        assertThat(last.get("totalExact").asBoolean()).isTrue();
        Set<String> ids = new HashSet<>();
        for (JsonNode page : new JsonNode[] {first, second, last}) {
            page.get("items").forEach(i -> ids.add(i.get("id").asString()));
        }
        assertThat(ids).as("every referral once").hasSize(26);
        JsonNode small = agency.get("/api/v1/referrals?agreement=" + agreement + "&size=2&page=0").json();
        assertThat(small.get("total").asLong()).as("the bound, past the page").isEqualTo(3);
        assertThat(small.get("totalExact").asBoolean()).isFalse();

        Map<String, String> html = Map.of("Accept", "text/html");
        Api.Response console = agency.get("/referrals?lang=es&agreement=" + agreement, html);
        assertThat(console.status()).as(console.text()).isEqualTo(200);
        assertThat(console.text()).contains("Más de 25 remisiones").contains("Página 1<").contains("page=1");
        Api.Response english = agency.get("/referrals?lang=en&agreement=" + agreement + "&page=1", html);
        assertThat(english.text()).contains("26 referrals").contains("Page 2 of 2");
    }
}
