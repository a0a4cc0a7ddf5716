package org.custodia.demo.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.custodia.billing.BillingRuns;
import org.custodia.history.HeldPeople;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.custodia.referral.ReferralImports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo story after the demo's users, agreements, facility and rivalry matrix, through the modules' public
 * APIs, each step as the role that would have done it:
 * <ul>
 * <li>the sending agency's referrals of the people on the flights without a conviction or without a commitment
 * order: INELIGIBLE with their findings, never admitted (custody admits nobody without both, Mandela Rule 7);</li>
 * <li>the people on the flights with both, held at CECOT since 16 March 2025: custody history (MIGRATED), those who
 * met the agreement without an alert, those whose judgment was under appeal with the oversight alert "held without
 * meeting the agreement"; each in a cell of a module of their own group under the rivalry rules; the Venezuelans
 * among them transferred to Venezuela on 18 July 2025;</li>
 * <li>CECOT's own population, El Salvador's prisoners from a generated roster (agreement SV-NACIONAL);</li>
 * <li>the invoices of US-SV-2025 for every month ended since March 2025, one paid, one line disputed.</li>
 * </ul>
 * Each step and its row in {@code demo_story_step} commit together: a restart skips what is there and adds nothing.
 */
@Component
@Profile("demo")
@Order(50)
@ConditionalOnProperty(name = "custodia.demo.story", havingValue = "true")
class DemoStory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStory.class);
    static final String SOURCE_FLIGHTS = "Flights of 15-16 March 2025 to CECOT, as reported (demo story; names generated)";
    static final String SOURCE_ROSTER = "CECOT admission register (demo story: generated roster)";
    static final int CHUNK = 100;
    static final int CELLS_PER_MODULE = 32;
    /** Modules per group, under the rivalry matrix (HousingDemoData): each group alone in its modules. */
    static final Map<String, List<String>> MODULES = Map.of("MS13", List.of("M1", "M2"),
            "BARRIO_18_SURENOS", List.of("M3", "M4"), "BARRIO_18_REVOLUCIONARIOS", List.of("M5", "M6"),
            "TREN_DE_ARAGUA", List.of("M8"));

    private final ReferralImports imports;
    private final HeldPeople held;
    private final BillingRuns billing;
    private final Users users;
    private final Ledger ledger;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int population;
    private final long seed;
    private final boolean background;
    private final ZoneId zone = ZoneId.of("America/El_Salvador");

    DemoStory(ReferralImports imports, HeldPeople held, BillingRuns billing, Users users, Ledger ledger, JsonMapper json,
              JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
              @Value("${custodia.demo.population:3000}") int population,
              @Value("${custodia.demo.seed:20250315}") long seed,
              @Value("${custodia.demo.population-in-background:true}") boolean background) {
        this.imports = imports;
        this.held = held;
        this.billing = billing;
        this.users = users;
        this.ledger = ledger;
        this.json = json;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.population = population;
        this.seed = seed;
        this.background = background;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    /** What a load added. */
    record Outcome(int stepsLoaded, int stepsFound, long millis) {
    }

    Outcome load() {
        long t0 = System.nanoTime();
        Roster roster = new Roster(seed);
        List<Roster.Flown> flights = roster.flights();
        List<Roster.Held> roster0 = roster.population(population);
        int[] counts = new int[2];
        Map<String, Integer> cellCounters = new HashMap<>();

        step(counts, "referrals-refused", "us-agency", () -> {
            CurrentUser agency = users.requireCurrent();
            List<tools.jackson.databind.JsonNode> bodies = flights.stream().filter(p -> !p.held())
                    .map(p -> (tools.jackson.databind.JsonNode) json.valueToTree(p.dossier())).toList();
            var imported = imports.importAll(bodies, agency);
            if (imported.invalid() > 0 || imported.stored() != bodies.size()) {
                throw new IllegalStateException("The import of the flights' referrals stored " + imported.stored()
                        + " of " + bodies.size() + " (" + imported.invalid() + " unreadable)");
            }
            return imported.stored() + " referrals in one import, " + imported.ineligible()
                    + " refused by the rules (INELIGIBLE): no conviction, or no commitment order";
        });
        List<String> flightCells = flights.stream().filter(Roster.Flown::held).map(p -> cell(p.group(), cellCounters))
                .toList();
        step(counts, "flights-held", "reception", () -> {
            int n = 0;
            int alerts = 0;
            for (Roster.Flown p : flights) {
                if (!p.held()) {
                    continue;
                }
                var release = "VE".equals(p.nationality()) ? new HeldPeople.Release("TRANSFER_TO_THIRD_STATE",
                        Roster.RELEASE, "Autoridades de la República Bolivariana de Venezuela", "VE",
                        "Returned to Venezuela in the prisoner exchange of 18 July 2025") : null;
                var recorded = held.record(json.valueToTree(p.dossier()), Roster.ARRIVAL.plusSeconds(120L * n),
                        flightCells.get(n), release, SOURCE_FLIGHTS);
                n++;
                alerts += recorded.alertRaised() ? 1 : 0;
            }
            return n + " people of the flights held (" + alerts + " without meeting the agreement)";
        });
        List<String> populationCells = roster0.stream().map(p -> cell(p.group(), cellCounters)).toList();
        YearMonth last = YearMonth.now(clock.withZone(zone)).minusMonths(1);
        step(counts, "invoices", "finance", () -> {
            List<String> issued = new ArrayList<>();
            for (YearMonth m = YearMonth.of(2025, 3); !m.isAfter(last); m = m.plusMonths(1)) {
                var invoice = billing.run(Roster.AGREEMENT, m);
                issued.add(invoice.number() + " " + invoice.total() + " " + invoice.currency());
            }
            return issued.size() + " invoices: " + String.join(", ", issued);
        });
        step(counts, "payment", "finance", () -> {
            String number = invoiceNumber(YearMonth.of(2025, 3));
            var lines = billing.lines(number);
            BigDecimal total = lines.stream().map(BillingRuns.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            billing.pay(number, total, LocalDate.now(clock.withZone(zone)), "US-TREASURY-WIRE-DEMO-202503");
            return number + " paid in full: " + total;
        });
        step(counts, "dispute", "us-agency", () -> {
            // the sending agency questions the day of the exchange: a line of a person who left on 18 July 2025
            String number = invoiceNumber(YearMonth.of(2025, 7));
            var line = billing.lines(number).stream()
                    .filter(l -> "CUSTODY_DAYS".equals(l.kind()) && l.days() != null && l.days() < 31)
                    .findFirst().orElseThrow(() -> new IllegalStateException("No release in the lines of " + number));
            billing.dispute(number, line.line(), "Handed over to Venezuela on the morning of 18 July 2025 in the "
                    + "exchange: the day of the release should not be billed");
            return number + " line " + line.line() + " (" + line.prisonerNumber() + ") disputed";
        });
        long millis = (System.nanoTime() - t0) / 1_000_000;
        log.info("Demo story: {} steps loaded in {} ms ({} found already)", counts[0], millis, counts[1]);
        Runnable rest = () -> population(roster0, populationCells, flights.size());
        if (background) {
            Thread thread = new Thread(rest, "demo-story-population");
            thread.setDaemon(true);
            thread.start();
        } else {
            rest.run();
        }
        return new Outcome(counts[0], counts[1], millis);
    }

    /**
     * CECOT's own population, a chunk per transaction (each with its step row, so that a stop resumes where it was),
     * then the story's closing ledger entry. The first start runs it behind the started app (the flights, the release
     * and the invoices are there already); a restart finds what was loaded and goes on, or adds nothing.
     */
    void population(List<Roster.Held> roster0, List<String> cells, int flights) {
        long t0 = System.nanoTime();
        int[] counts = new int[2];
        try {
            for (int from = 0; from < roster0.size(); from += CHUNK) {
                int start = from;
                List<Roster.Held> chunk = roster0.subList(from, Math.min(roster0.size(), from + CHUNK));
                step(counts, "population-" + (from / CHUNK + 1), "reception", () -> {
                    for (int i = 0; i < chunk.size(); i++) {
                        Roster.Held p = chunk.get(i);
                        held.record(json.valueToTree(p.dossier()), p.admittedAt(), cells.get(start + i), null,
                                SOURCE_ROSTER);
                    }
                    return chunk.size() + " prisoners of CECOT's own population (" + (start + chunk.size()) + " of "
                            + roster0.size() + ")";
                });
            }
            step(counts, "loaded", "admin", () -> {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("flights", flights);
                payload.put("population", roster0.size());
                payload.put("seed", seed);
                payload.put("note", "Demo data: the totals of the flights as reported, every person generated");
                ledger.append("DEMO_STORY_LOADED", "DEMO_STORY", "march-2025", payload);
                return "story complete";
            });
        } catch (RuntimeException e) {
            log.error("Demo story: CECOT's population stopped after {} steps; the next start goes on from there",
                    counts[0], e);
            return;
        }
        if (counts[0] > 0) {
            log.info("Demo story: CECOT's population of {} loaded in {} ms ({} steps, {} found already)",
                    roster0.size(), (System.nanoTime() - t0) / 1_000_000, counts[0], counts[1]);
        }
    }

    static String invoiceNumber(YearMonth period) {
        return "INV-" + Roster.AGREEMENT + "-" + period.toString().replace("-", "");
    }

    /** The next cell of the group's modules, dealt round-robin over their cells. */
    static String cell(String group, Map<String, Integer> counters) {
        List<String> modules = MODULES.get(group);
        int n = counters.merge(group, 1, Integer::sum) - 1;
        int slot = n % (modules.size() * CELLS_PER_MODULE);
        return modules.get(slot / CELLS_PER_MODULE) + "-C" + String.format("%02d", slot % CELLS_PER_MODULE + 1);
    }

    /** Runs a step once: as the user, in one transaction with its row in demo_story_step. */
    private void step(int[] counts, String name, String username, Supplier<String> body) {
        boolean done = jdbc.sql("SELECT count(*) FROM demo_story_step WHERE step = ?").param(name)
                .query(Long.class).single() > 0;
        if (done) {
            counts[1]++;
            return;
        }
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
        try {
            long t0 = System.nanoTime();
            String detail;
            try {
                detail = tx.execute(status -> {
                String d = body.get();
                jdbc.sql("INSERT INTO demo_story_step (step, loaded_at, detail) VALUES (?, ?, ?)")
                        .params(name, java.sql.Timestamp.from(clock.instant()), d).update();
                return d;
                });
            } catch (org.custodia.common.ApiException e) {
                log.error("Demo story, {}: refused, nothing of the step kept: {} {}", name, e.getMessage(), e.errors());
                throw e;
            }
            counts[0]++;
            log.info("Demo story, {}: {} ({} ms)", name, detail, (System.nanoTime() - t0) / 1_000_000);
        } finally {
            context.setAuthentication(previous);
        }
    }
}
