package org.custodia.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodia.support.Api;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestAgreements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The packaged application killed with SIGKILL in the middle of its two longest transactions, and started again on
 * the same data: a monthly billing run over hundreds of people, and the application of a housing plan that moves
 * hundreds of people into their cells. The kill is sent when the database (polled from outside, as the orphaned
 * server sees it) shows the app's transaction inside the operation: holding the billing run's lock, or a third of
 * the way through the apply's cell updates; so it lands inside the transaction, not merely near it. After the restart: the billing run repeated gives the
 * identical invoice and never a second one; the plan is applied whole or not at all (no half-moved plan, the
 * occupancy equal to the prisoners' cells, no rivals in one module, one ledger entry per move); and the log verifies
 * against the checkpoint signed before the kill.
 */
@Tag("crash")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashDuringLongOperationsIT {

    static final ZoneId SV = ZoneId.of("America/El_Salvador");
    static final int BILLED = 500;
    static final int HOUSED = 300;
    static final int CALIBRATION = 60;

    private static Path work;
    private static AppProcess app;
    private static int kills;
    private static int requests;

    @BeforeAll
    static void start() throws Exception {
        assertThat(AppProcess.JAR).as("the packaged jar (mvn package runs before the integration tests)").exists();
        work = Files.createTempDirectory("custodia-crash-long");
        app = new AppProcess(work).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        System.out.printf("CrashDuringLongOperationsIT: %d kills with SIGKILL, about %d HTTP requests%n", kills, requests);
        FileSystemUtils.deleteRecursively(work);
    }

    @Test
    @Order(1)
    void aBillingRunKilledHalfwayRepeatedGivesTheIdenticalInvoiceAndNeverTwo() throws Exception {
        String agreement = agreement();
        List<String> numbers = recordAll(agreement, BILLED, i -> null, LocalDateTime.parse("2025-02-01T09:00"));
        // the same run, for February, timed: the March run below is killed at half of it
        Instant started = Instant.now();
        JsonNode february = run(agreement, "2025-02");
        Duration runTime = Duration.between(started, Instant.now());
        assertThat(february.get("total").asString()).isEqualTo(money(BILLED * (28 * 55 + 250)));

        Path checkpoint = CrashHarness.signedCheckpoint(app, work);
        requests += 3;
        CompletableFuture<Api.Response> killed = CompletableFuture.supplyAsync(() ->
                app.as("finance").post("/api/v1/billing/runs", Map.of("agreementCode", agreement, "period", "2025-03")));
        // killed while a transaction holds the run's lock (InvoiceStore.lockRun): inside the run
        String seen = CrashHarness.killWhenSeen(app, """
                SELECT a.state || ': ' || left(regexp_replace(a.query, '\\s+', ' ', 'g'), 80) FROM pg_locks l
                JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                  AND l.objid::bigint = (hashtext(?)::bigint & 4294967295) AND a.xact_start IS NOT NULL""",
                "custodia.billing.run:" + agreement + ":2025-03", killed, Duration.ofSeconds(30));
        boolean answered = killed.isDone() && !killed.isCompletedExceptionally() && killed.get().status() < 500;
        Api.Response before = answered ? killed.get() : null;
        kills++;
        long invoicesAtKill = app.count("SELECT count(*) FROM invoice WHERE agreement_code = ? AND period = '2025-03'",
                agreement);
        app.start();
        System.out.printf("CrashDuringLongOperationsIT: billing run of %d people (%d ms when timed for February) "
                        + "killed with its transaction open, the database showing [%s]; answered before the kill: %s; "
                        + "invoices for the month when it died: %d%n",
                BILLED, runTime.toMillis(), seen, answered, invoicesAtKill);
        assertThat(seen).as("the kill landed inside the run's transaction").isNotNull();
        assertThat(invoicesAtKill).as("a run is all or nothing").isIn(0L, 1L);
        if (answered) {
            assertThat(before.status()).as(before.text()).isEqualTo(201);
            assertThat(invoicesAtKill).as("an acknowledged run is kept").isEqualTo(1);
        }
        CrashHarness.assertHistoryKeptSince(app, work, checkpoint);

        Api.Response again = app.as("finance").post("/api/v1/billing/runs", Map.of("agreementCode", agreement, "period", "2025-03"));
        Api.Response third = app.as("finance").post("/api/v1/billing/runs", Map.of("agreementCode", agreement, "period", "2025-03"));
        requests += 2;
        assertThat(again.status()).as(again.text()).isEqualTo(invoicesAtKill == 1 ? 200 : 201);
        assertThat(third.status()).as("the repeated run finds the invoice").isEqualTo(200);
        JsonNode march = again.json();
        assertThat(third.json().get("number").asString()).isEqualTo(march.get("number").asString());
        assertThat(third.json().get("total").asString()).isEqualTo(march.get("total").asString());
        assertThat(third.json().get("lines").toString()).as("the identical invoice").isEqualTo(march.get("lines").toString());
        if (answered) {
            assertThat(march.get("number").asString()).isEqualTo(before.json().get("number").asString());
            assertThat(march.get("lines").toString()).isEqualTo(before.json().get("lines").toString());
        }
        assertThat(march.get("total").asString()).as("31 days for everyone, no intake fee again")
                .isEqualTo(money(BILLED * 31 * 55));
        assertThat(lines(march, "CUSTODY_DAYS")).isEqualTo(BILLED);
        assertThat(app.count("SELECT count(*) FROM invoice WHERE agreement_code = ? AND period = '2025-03'", agreement))
                .as("never two invoices").isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM invoice_lines l JOIN invoice i ON i.id = l.invoice_id "
                + "WHERE i.agreement_code = ? AND i.period = '2025-03'", agreement)).isEqualTo(BILLED);
        assertThat(app.count("SELECT count(*) FROM ledger_entry WHERE action = 'INVOICE_ISSUED' AND subject_id = ?",
                march.get("number").asString())).as("issued once in the ledger").isEqualTo(1);
        assertThat(numbers).hasSize(BILLED);
    }

    @Test
    @Order(2)
    void aHousingPlanKilledWhileBeingAppliedIsAppliedWholeOrNotAtAll() throws Exception {
        String agreement = agreement();
        List<String> gangs = List.of("MS13", "BARRIO_18_SURENOS", "TREN_DE_ARAGUA");
        LocalDateTime admitted = LocalDate.now(SV).minusDays(10).atTime(9, 0);
        List<String> calibration = recordAll(agreement, CALIBRATION, i -> gangs.get(i % 3), admitted);
        List<String> people = recordAll(agreement, HOUSED, i -> i % 4 == 3 ? null : gangs.get(i % 3), admitted);

        // a plan of the same kind, applied and timed: what the big one should take
        JsonNode small = plan(calibration);
        Instant started = Instant.now();
        Api.Response smallApplied = app.as("classification").post("/api/v1/housing/plans/" + small.get("id").asString()
                + "/apply", Map.of());
        Duration smallTime = Duration.between(started, Instant.now());
        requests++;
        assertThat(smallApplied.status()).as(smallApplied.text()).isEqualTo(200);
        JsonNode big = plan(people);
        String planId = big.get("id").asString();
        Map<String, String> planned = new HashMap<>();
        big.get("placements").forEach(p -> planned.put(p.get("prisonerNumber").asString(), p.get("cell").asString()));
        assertThat(planned).as("everyone placed: %s", big.get("unplaced")).hasSize(HOUSED);
        long expected = smallTime.toMillis() * HOUSED / CALIBRATION;

        Path checkpoint = CrashHarness.signedCheckpoint(app, work);
        requests += 3;
        CompletableFuture<Api.Response> killed = CompletableFuture.supplyAsync(() ->
                app.as("classification").post("/api/v1/housing/plans/" + planId + "/apply", Map.of()));
        // killed once the apply's transaction has moved some people into their cells, uncommitted
        String seen = CrashHarness.killWhenSeen(app, """
                SELECT a.state || ': ' || left(regexp_replace(a.query, '\\s+', ' ', 'g'), 80) FROM pg_stat_activity a
                WHERE a.pid <> pg_backend_pid() AND a.xact_start IS NOT NULL AND a.xact_start < now() - (? || ' ms')::interval
                  AND a.query ~* 'update prisoner set cell_code'""",
                Long.toString(Math.max(1, expected / 3)), killed, Duration.ofSeconds(60));
        boolean answered = killed.isDone() && !killed.isCompletedExceptionally() && killed.get().status() < 500;
        kills++;
        long housedAtKill = housed(agreement, people);
        app.start();
        System.out.printf("CrashDuringLongOperationsIT: plan of %d placements (about %d ms expected, %d ms for %d) "
                        + "killed a third of the way in, the database showing [%s]; answered before the kill: %s; "
                        + "housed when it died: %d%n", HOUSED, expected, smallTime.toMillis(), CALIBRATION, seen,
                answered, housedAtKill);
        assertThat(seen).as("the kill landed inside the apply's transaction, after moves").isNotNull();
        assertThat(housedAtKill).as("no half-moved plan").isIn(0L, (long) HOUSED);
        if (answered) {
            assertThat(housedAtKill).as("an acknowledged apply is kept").isEqualTo(HOUSED);
        }
        String status = app.as("classification").get("/api/v1/housing/plans/" + planId).json().get("status").asString();
        assertThat(status).isEqualTo(housedAtKill == HOUSED ? "APPLIED" : "PROPOSED");
        CrashHarness.assertHistoryKeptSince(app, work, checkpoint);

        Api.Response again = app.as("classification").post("/api/v1/housing/plans/" + planId + "/apply", Map.of());
        requests += 2;
        if (housedAtKill == HOUSED) {
            assertThat(again.json().get("code").asString()).isEqualTo("PLAN_ALREADY_APPLIED");
        } else {
            assertThat(again.status()).as("the plan, not applied, applies after the restart: " + again.text()).isEqualTo(200);
        }
        assertThat(housed(agreement, people)).isEqualTo(HOUSED);
        for (Map.Entry<String, String> placement : planned.entrySet()) {
            assertThat(cellOf(placement.getKey())).as(placement.getKey()).isEqualTo(placement.getValue());
        }
        assertThat(app.count("SELECT count(*) FROM ledger_entry WHERE action = 'PRISONER_CELL_MOVED' AND subject_id IN "
                + "(SELECT prisoner_number FROM prisoner WHERE agreement_code = ?)", agreement))
                .as("one move in the ledger per person: calibration and plan, none twice").isEqualTo(CALIBRATION + HOUSED);
        assertThat(app.count("SELECT count(*) FROM ledger_entry WHERE action = 'HOUSING_PLAN_APPLIED' AND subject_id = ?",
                planId)).isEqualTo(1);
        assertOccupancyIsThePrisonersTable();
        assertThat(app.count("""
                SELECT count(*) FROM prisoner a
                JOIN prisoner b ON b.facility_code = a.facility_code AND a.prisoner_number < b.prisoner_number
                     AND a.module_code = b.module_code
                JOIN housing_rivalry r ON r.facility_code = a.facility_code AND r.scope = 'MODULE'
                     AND ((r.affiliation_a = a.gang_group AND r.affiliation_b = b.gang_group)
                       OR (r.affiliation_a = b.gang_group AND r.affiliation_b = a.gang_group))
                WHERE a.facility_code = 'CECOT' AND a.cell_code IS NOT NULL""")).as("no rivals in one module").isZero();
        assertThat(app.count("""
                SELECT count(*) FROM (SELECT p.cell_code FROM prisoner p
                  JOIN location l ON l.facility_code = p.facility_code AND l.code = p.cell_code
                  WHERE p.facility_code = 'CECOT' GROUP BY p.cell_code, l.working_capacity
                  HAVING count(*) > l.working_capacity) over""")).as("no cell over capacity").isZero();
    }

    private static void assertOccupancyIsThePrisonersTable() throws Exception {
        JsonNode occupancy = app.as("oversight").get("/api/v1/facilities/CECOT/occupancy").json();
        requests++;
        long total = 0;
        for (JsonNode module : occupancy.get("modules")) {
            for (JsonNode cell : module.get("cells")) {
                long inCell = app.count("SELECT count(*) FROM prisoner WHERE facility_code = 'CECOT' AND cell_code = ?",
                        cell.get("code").asString());
                if (cell.get("occupied").asLong() != 0 || inCell != 0) {
                    assertThat(cell.get("occupied").asLong()).as(cell.get("code").asString()).isEqualTo(inCell);
                }
                total += cell.get("occupied").asLong();
            }
        }
        assertThat(total).isEqualTo(app.count("SELECT count(*) FROM prisoner WHERE facility_code = 'CECOT' "
                + "AND cell_code IS NOT NULL"));
        assertThat(occupancy.get("occupied").asLong()).isEqualTo(total);
    }

    private static JsonNode plan(List<String> numbers) {
        Api.Response r = app.as("classification").post("/api/v1/housing/plans", Map.of("facilityCode", "CECOT",
                "prisonerNumbers", numbers, "timeLimitSeconds", 5));
        requests++;
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    private static long housed(String agreement, List<String> people) throws Exception {
        long housed = 0;
        try (var c = app.database(); var statement = c.prepareStatement(
                "SELECT count(*) FROM prisoner WHERE agreement_code = ? AND cell_code IS NOT NULL AND prisoner_number = ANY (?)")) {
            statement.setString(1, agreement);
            statement.setArray(2, c.createArrayOf("text", people.toArray()));
            try (var rs = statement.executeQuery()) {
                rs.next();
                housed = rs.getLong(1);
            }
        }
        return housed;
    }

    private static String cellOf(String number) throws Exception {
        try (var c = app.database(); var statement = c.prepareStatement(
                "SELECT cell_code FROM prisoner WHERE prisoner_number = ?")) {
            statement.setString(1, number);
            try (var rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** An agreement of the test's own, billed 55.00 a day and 250.00 an intake, valid from 2024. */
    private static String agreement() {
        String code = "K" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-SV";
        Map<String, Object> body = TestAgreements.body(code, "US", 10_000, TestAgreements.demoPolicy());
        body.put("validFrom", "2024-01-01");
        body.put("feeSchedule", List.of(
                Map.of("kind", "CUSTODY_DAY", "amount", "55.00", "currency", "USD", "effectiveFrom", "2024-01-01"),
                Map.of("kind", "INTAKE_FEE", "amount", "250.00", "currency", "USD", "effectiveFrom", "2024-01-01")));
        Api.Response r = app.as("admin").post("/api/v1/agreements", body);
        requests++;
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return code;
    }

    interface Gang {
        String of(int index);
    }

    /** Records {@code n} people as held since {@code admitted} (El Salvador time), four at a time; their numbers. */
    private static List<String> recordAll(String agreement, int n, Gang gang, LocalDateTime admitted) throws Exception {
        Instant at = admitted.atZone(SV).toInstant();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    Map<String, Object> dossier = ReferralBodies.eligible(admitted.toLocalDate(), agreement);
                    String group = gang.of(index);
                    if (group == null) {
                        dossier.remove("gangAffiliation");
                    } else {
                        dossier.put("gangAffiliation", Map.of("group", group, "source", "FBI gang database"));
                    }
                    dossier.put("keepApart", List.of());
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("dossier", dossier);
                    body.put("admittedAt", at.toString());
                    body.put("source", "CECOT admission register (crash test)");
                    Api.Response r = app.as("reception").post("/api/v1/custody-history", body);
                    assertThat(r.status()).as(r.text()).isEqualTo(201);
                    return r.json().get("prisonerNumber").asString();
                }));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<String> f : futures) {
                numbers.add(f.get());
            }
            requests += n;
            return numbers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonNode run(String agreement, String period) {
        Api.Response r = app.as("finance").post("/api/v1/billing/runs", Map.of("agreementCode", agreement, "period", period));
        requests++;
        assertThat(r.status()).as(r.text()).isIn(200, 201);
        return r.json();
    }

    private static int lines(JsonNode invoice, String kind) {
        int n = 0;
        for (JsonNode l : invoice.get("lines")) {
            if (l.get("kind").asString().equals(kind)) {
                n++;
            }
        }
        return n;
    }

    private static String money(long amount) {
        return amount + ".00";
    }
}
