package org.custodia.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo story as a newcomer signed in as oversight, finance or the sending agency would find it, on a database of
 * its own (a persistent embedded PostgreSQL under target/demo-story-db, closed with this context) so that what it
 * loads never reaches the database the other tests share. CECOT's generated population is kept small here (the
 * default run loads 3,000) and loaded before the app starts, not behind it. The context is closed after the class,
 * and its database with it.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DemoStoryTest extends IntegrationTest {

    static final int POPULATION = 250;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "demo-story-db")), "pg-");
        // its own embedded server even where the other tests share a PostgreSQL server (CI's second phase sets
        // SPRING_DATASOURCE_URL): the story must never be loaded into the database the other tests share
        registry.add("spring.datasource.url", () -> "embedded");
        registry.add("custodia.embedded.ephemeral", () -> "false");
        registry.add("custodia.embedded.data-dir", () -> data.resolve("postgres").toString());
        registry.add("custodia.demo.story", () -> "true");
        registry.add("custodia.demo.population", () -> Integer.toString(POPULATION));
        registry.add("custodia.demo.population-in-background", () -> "false");
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    Clock clock;

    private List<JsonNode> referrals(String query) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode p = as("oversight").get("/api/v1/referrals?" + query + "&size=200&page=" + page).json();
            p.get("items").forEach(all::add);
            if (p.get("items").size() < 200) {
                return all;
            }
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The text of one element of a page, tags stripped (the page is HTML from the server, charts are tables there). */
    private static String textOf(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id + " on the page").isPositive();
        int end = html.indexOf("</figure>", start);
        String part = html.substring(start, end < 0 ? Math.min(html.length(), start + 4000) : end);
        return part.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    @Test
    void oversightsFirstPageSaysHowManyWereReferredHowManyRefusedAndWhy() {
        String es = as("oversight").get("/?lang=es", Map.of("Accept", "text/html")).text();
        // the transfers only: CECOT's own population (SV-NACIONAL, one state on both sides) is nobody sent from abroad
        assertThat(textOf(es, "work-referrals")).contains("261 personas remitidas");
        assertThat(textOf(es, "work-referrals-ineligible")).contains("248 remisiones rechazadas por las reglas");
        assertThat(textOf(es, "dash-refusals")).contains("Condena firme obligatoria 222")
                .contains("Orden de internamiento obligatoria 248");
        String en = as("oversight").get("/?lang=en", Map.of("Accept", "text/html")).text();
        assertThat(textOf(en, "work-referrals")).contains("261 people referred");
        assertThat(textOf(en, "dash-refusals")).doesNotContain("FINAL_CONVICTION_REQUIRED");
    }

    @Test
    void the261PeopleOfTheFlightsAreReferredAndMostAreRefusedByTheRules() {
        List<JsonNode> all = referrals("agreement=US-SV-2025");
        assertThat(all).hasSize(261);
        assertThat(all.stream().filter(r -> r.get("nationalities").toString().contains("VE")).count()).isEqualTo(238);
        assertThat(all.stream().filter(r -> r.get("nationalities").toString().contains("SV")).count()).isEqualTo(23);
        List<JsonNode> refused = referrals("agreement=US-SV-2025&status=INELIGIBLE");
        assertThat(refused).hasSize(248);
        assertThat(refused).noneMatch(r -> r.get("eligible").asBoolean());
        List<JsonNode> held = referrals("agreement=US-SV-2025&status=MIGRATED");
        assertThat(held).hasSize(13);
        assertThat(held.stream().filter(r -> r.get("eligible").asBoolean()).count()).isEqualTo(11);

        // why: the rules each refused referral fails, with the evidence in words
        Map<String, Integer> failedByRule = new TreeMap<>();
        for (JsonNode summary : refused) {
            JsonNode r = as("oversight").get("/api/v1/referrals/" + summary.get("id").asString()).json();
            r.get("eligibility").get("findings").forEach(f -> {
                if ("FAIL".equals(f.get("outcome").asString())) {
                    failedByRule.merge(f.get("rule").asString(), 1, Integer::sum);
                    assertThat(f.get("message").asString()).isNotBlank();
                }
            });
        }
        // 206 Venezuelans and 16 Salvadorans without any conviction; 26 Venezuelans whose US sentence was served
        assertThat(failedByRule).isEqualTo(Map.of("FINAL_CONVICTION_REQUIRED", 222, "COMMITMENT_ORDER_REQUIRED", 248,
                "MIN_REMAINING_SENTENCE_DAYS", 248));
    }

    @Test
    void thoseHeldWithoutMeetingTheAgreementAlertOversightAndTheVenezuelansLeftForVenezuelaInJuly() {
        List<String> alerted = new ArrayList<>();
        as("oversight").get("/api/v1/oversight/alerts").json().forEach(a -> {
            if ("HELD_WITHOUT_MEETING_AGREEMENT".equals(a.get("kind").asString())) {
                alerted.add(a.get("prisonerNumber").asString());
                assertThat(a.get("details").asString()).contains("FINAL_CONVICTION_REQUIRED");
            }
        });
        assertThat(alerted).hasSize(2);

        JsonNode released = as("oversight").get("/api/v1/prisoners?nationality=VE&status=RELEASED&size=100").json();
        assertThat(released.get("items")).hasSize(6);
        assertThat(as("oversight").get("/api/v1/prisoners?nationality=VE&status=IN_CUSTODY&size=100").json()
                .get("items")).isEmpty();
        String number = released.get("items").get(0).get("prisonerNumber").asString();
        JsonNode file = as("oversight").get("/api/v1/prisoners/" + number).json();
        assertThat(file.get("status").asString()).isEqualTo("RELEASED");
        assertThat(file.toString()).contains("TRANSFER_TO_THIRD_STATE").contains("2025-07-18");
    }

    @Test
    void everyoneHeldIsHousedAndNoModuleHoldsTwoRivalGroups() {
        JsonNode occupancy = as("oversight").get("/api/v1/facilities/CECOT/occupancy").json();
        int occupied = 0;
        for (JsonNode m : occupancy.get("modules")) {
            occupied += m.get("occupied").asInt();
        }
        // CECOT's own population and the 7 Salvadorans of the flights still held
        assertThat(occupied).isEqualTo(POPULATION + 7);
        JsonNode roll = as("oversight").get("/api/v1/facilities/CECOT/roll-count").json();
        assertThat(roll.get("population").asInt()).isEqualTo(POPULATION + 7);
        assertThat(roll.get("unhoused").asInt()).isZero();
        Map<String, Set<String>> groupsByModule = new HashMap<>();
        jdbc.sql("SELECT split_part(cell_code, '-', 1), gang_group FROM prisoner "
                        + "WHERE facility_code = 'CECOT' AND status <> 'RELEASED'")
                .query((rs, n) -> groupsByModule.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                        .add(rs.getString(2)))
                .list();
        assertThat(groupsByModule).isNotEmpty().allSatisfy((module, groups) -> assertThat(groups).hasSize(1));
        assertThat(groupsByModule.values().stream().flatMap(Set::stream).toList())
                .contains("MS13", "BARRIO_18_SURENOS", "BARRIO_18_REVOLUCIONARIOS");
    }

    @Test
    void cecotsOwnPopulationIsRecordedUnderItsOwnAgreementNotBilledToTheUnitedStates() {
        JsonNode national = as("oversight").get("/api/v1/agreements/SV-NACIONAL").json();
        assertThat(national.get("sendingParty").get("country").asString()).isEqualTo("SV");
        assertThat(count("SELECT count(*) FROM prisoner WHERE agreement_code = 'SV-NACIONAL' AND status <> 'RELEASED'"))
                .isEqualTo(POPULATION);
        assertThat(as("finance").get("/api/v1/invoices?agreementCode=SV-NACIONAL").json()).isEmpty();
    }

    @Test
    void anInvoiceForEveryMonthSinceMarch2025OnePaidAndOneLineDisputed() {
        YearMonth lastEnded = YearMonth.now(clock.withZone(ZoneId.of("America/El_Salvador"))).minusMonths(1);
        long months = ChronoUnit.MONTHS.between(YearMonth.of(2025, 3), lastEnded) + 1;
        JsonNode invoices = as("us-agency").get("/api/v1/invoices?agreementCode=US-SV-2025").json();
        assertThat(invoices).hasSize((int) months);
        List<String> paid = new ArrayList<>();
        for (JsonNode i : invoices) {
            assertThat(new BigDecimal(i.get("total").asString())).isPositive();
            if (new BigDecimal(i.get("paid").asString()).signum() > 0) {
                paid.add(i.get("period").asString());
                assertThat(new BigDecimal(i.get("outstanding").asString())).isZero();
            }
        }
        assertThat(paid).containsExactly("2025-03");
        JsonNode disputes = as("finance").get("/api/v1/disputes?agreementCode=US-SV-2025").json();
        assertThat(disputes).hasSize(1);
        assertThat(disputes.get(0).get("invoiceNumber").asString()).isEqualTo("INV-US-SV-2025-202507");
        assertThat(disputes.get(0).get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void aSecondLoadAddsNothingAndTheLedgerStillVerifies() throws Exception {
        long prisoners = count("SELECT count(*) FROM prisoner");
        long referrals = count("SELECT count(*) FROM referral");
        long invoices = count("SELECT count(*) FROM invoice");
        long entries = count("SELECT count(*) FROM ledger_entry");
        context.getBean("demoStory", ApplicationRunner.class).run(new DefaultApplicationArguments());
        assertThat(count("SELECT count(*) FROM prisoner")).isEqualTo(prisoners);
        assertThat(count("SELECT count(*) FROM referral")).isEqualTo(referrals);
        assertThat(count("SELECT count(*) FROM invoice")).isEqualTo(invoices);
        assertThat(count("SELECT count(*) FROM ledger_entry")).isEqualTo(entries);
        assertThat(count("SELECT count(*) FROM ledger_entry WHERE action = 'DEMO_STORY_LOADED'")).isEqualTo(1);
        JsonNode verification = as("oversight").get("/api/v1/ledger/verification").json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
    }
}
