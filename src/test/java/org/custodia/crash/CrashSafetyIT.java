package org.custodia.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.custodia.referral.ReferralCsv;
import org.custodia.support.Api;
import org.custodia.support.Dossiers;
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

/**
 * Crash safety of the packaged application: a real process, killed with SIGKILL in the middle of its work and
 * started again on the same data directory. After each restart every acknowledged write is there, nothing is
 * half-written, every domain event is delivered, and the ledger verifies.
 */
@Tag("crash")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashSafetyIT {

    private static Path work;
    private static AppProcess app;
    private static int kills;

    @BeforeAll
    static void start() throws Exception {
        assertThat(AppProcess.JAR).as("the packaged jar (mvn package runs before the integration tests)").exists();
        work = Files.createTempDirectory("custodia-crash");
        app = new AppProcess(work).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        System.out.println("CrashSafetyIT: " + kills + " kills with SIGKILL");
        FileSystemUtils.deleteRecursively(work);
    }

    private static void killAndRestart() throws Exception {
        Path checkpoint = signedCheckpoint();
        app.kill();
        kills++;
        app.start();
        assertThat(app.as("oversight").get("/api/v1/ledger/verification").json().get("valid").asBoolean())
                .as("the ledger verifies after the restart").isTrue();
        assertHistoryKeptSince(checkpoint);
    }

    /** A checkpoint signed now and kept outside the app, with the facility's verifier key, as the other state would. */
    private static Path signedCheckpoint() throws Exception {
        assertThat(app.as("admin").post("/api/v1/ledger/checkpoints", Map.of()).status()).isIn(200, 201);
        Path note = Files.createTempFile(work, "checkpoint-", ".txt");
        Files.writeString(note, app.as("oversight").get("/api/v1/ledger/checkpoints/latest").json().get("note").asString());
        Files.writeString(work.resolve("facility.vkey"),
                app.as("oversight").get("/api/v1/ledger/key").json().get("vkey").asString());
        return note;
    }

    /** The offline verifier: the log after the restart is consistent with the checkpoint signed before the kill. */
    private static void assertHistoryKeptSince(Path checkpoint) throws Exception {
        assertThat(app.as("admin").post("/api/v1/ledger/checkpoints", Map.of()).status()).isIn(200, 201, 409);
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        int exit = org.custodia.ledger.tlog.LogVerifier.run(new String[] {"verify", "--checkpoint", checkpoint.toString(),
                "--key", work.resolve("facility.vkey").toString(), "--url", app.baseUrl(), "--user", "oversight:demo"},
                new java.io.PrintStream(said, true, StandardCharsets.UTF_8));
        assertThat(exit).as(said.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(said.toString(StandardCharsets.UTF_8)).startsWith("KEPT");
    }

    @Test
    @Order(1)
    void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        String agreement = TestAgreements.create(app.as("admin"), "US", 1000, TestAgreements.demoPolicy());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Api.Response response = app.as("us-agency").post("/api/v1/referrals",
                    ReferralBodies.eligible(today, agreement), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(response.status()).as(response.text()).isEqualTo(201);
            ids.add(response.json().get("id").asString());
        }
        killAndRestart();
        for (String id : ids) {
            assertThat(app.as("intake").get("/api/v1/referrals/" + id).status()).as("referral %s", id).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void aBulkImportKilledHalfwayLeavesAllOrNothing() throws Exception {
        String agreement = TestAgreements.create(app.as("admin"), "US", 100_000, TestAgreements.demoPolicy());
        String prefix = ReferralBodies.unique("CRASH");
        int rows = 6000;
        ReferralCsv csv = new ReferralCsv();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < rows; i++) {
            csv.row(line(prefix + "-" + i, ReferralBodies.unique("P"), agreement, today));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/referrals/import"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("us-agency:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                .timeout(Duration.ofMinutes(5))
                .build();
        CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString());
        Thread.sleep(1500);
        boolean answeredBeforeTheKill = answer.isDone();
        long before = app.count("SELECT count(*) FROM referral WHERE external_reference LIKE ?", prefix + "-%");
        killAndRestart();
        long after = app.count("SELECT count(*) FROM referral WHERE external_reference LIKE ?", prefix + "-%");
        System.out.printf("CrashSafetyIT: import of %d rows killed after 1.5 s (answered before the kill: %s); "
                + "rows visible before the kill %d, after the restart %d%n", rows, answeredBeforeTheKill, before, after);
        assertThat(after).as("the import is all or nothing").isIn(0L, (long) rows);
        if (answeredBeforeTheKill) {
            assertThat(after).as("an acknowledged import is kept").isEqualTo(rows);
        }
    }

    @Test
    @Order(3)
    void anEventInterruptedByAKillIsDeliveredAfterTheRestart() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> dossier = ReferralBodies.eligible(LocalDate.now(ZoneOffset.UTC), "US-SV-2025");
        Api.Response submitted = app.as("us-agency").post("/api/v1/referrals", dossier,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        String referralId = submitted.json().get("id").asString();
        Api.Response accepted = app.as("intake").post("/api/v1/referrals/" + referralId + "/decision",
                Map.of("decision", "ACCEPT", "reason", "Meets the agreement"));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        Api.Response manifest = app.as("reception").post("/api/v1/manifests", Map.of(
                "agreementCode", "US-SV-2025", "carrier", "ICE Air", "transportReference", "GXA-" + UUID.randomUUID(),
                "scheduledDeparture", now.minusSeconds(7200).toString(),
                "scheduledArrival", now.minusSeconds(900).toString(), "referralIds", List.of(referralId)));
        assertThat(manifest.status()).as(manifest.text()).isEqualTo(201);
        String manifestId = manifest.json().get("id").asString();
        assertThat(app.as("reception").post("/api/v1/manifests/" + manifestId + "/departure",
                Map.of("departedAt", now.minusSeconds(7000).toString())).status()).isEqualTo(200);
        Api.Response arrival = app.as("reception").post("/api/v1/manifests/" + manifestId + "/arrivals",
                Dossiers.handover(referralId, now.minusSeconds(600).toString()));
        assertThat(arrival.status()).as(arrival.text()).isEqualTo(201);
        String number = arrival.json().get("prisonerNumber").asString();

        Api.Response release = app.as("custody").post("/api/v1/prisoners/" + number + "/releases", Map.of(
                "type", "RETURN_TO_SENDING_STATE", "effectiveAt", now.minusSeconds(60).toString(),
                "receivedBy", "US Marshals Service, Deputy R. Diaz", "destinationState", "US",
                "reason", "Returned at the request of the sending state"));
        assertThat(release.status()).as(release.text()).isIn(200, 201);
        Path checkpoint = signedCheckpoint();
        app.kill();
        kills++;
        long undelivered = app.count("SELECT count(*) FROM event_publication WHERE completion_date IS NULL");
        app.start();
        String status = null;
        for (int i = 0; i < 120 && !"RELEASED".equals(status); i++) {
            status = app.as("intake").get("/api/v1/referrals/" + referralId).json().get("status").asString();
            Thread.sleep(500);
        }
        System.out.printf("CrashSafetyIT: events not yet delivered when the process died: %d%n", undelivered);
        assertThat(status).as("the release reached the referral").isEqualTo("RELEASED");
        long pending = Long.MAX_VALUE;
        for (int i = 0; i < 60 && pending > 0; i++) {
            pending = app.count("SELECT count(*) FROM event_publication WHERE completion_date IS NULL");
            Thread.sleep(500);
        }
        assertThat(pending).as("every publication completed after the restart").isZero();
        assertHistoryKeptSince(checkpoint);
        assertThat(app.as("oversight").get("/api/v1/ledger/verification").json().get("valid").asBoolean()).isTrue();
    }

    private static Map<String, String> line(String reference, String passport, String agreement, LocalDate today) {
        Map<String, String> row = new HashMap<>();
        row.put("externalReference", reference);
        row.put("agreementCode", agreement);
        row.put("givenNames", "Carlos Andrés");
        row.put("familyNames", "Rojas");
        row.put("dateOfBirth", today.minusYears(30).toString());
        row.put("sex", "MALE");
        row.put("nationalities", "VE");
        row.put("identityDocuments", "PASSPORT:" + passport + ":VE");
        row.put("court", "U.S. District Court, Southern District of Texas");
        row.put("convictionCountry", "US");
        row.put("caseNumber", ReferralBodies.unique("4:24-cr"));
        row.put("offences", "21 USC 841:Possession with intent to distribute");
        row.put("convictionDate", today.minusYears(2).toString());
        row.put("judgmentFinal", "true");
        row.put("finalSince", today.minusYears(1).toString());
        row.put("sentenceYears", "10");
        row.put("sentenceMonths", "0");
        row.put("sentenceDays", "0");
        row.put("lifeSentence", "false");
        row.put("relation", "CONCURRENT");
        row.put("sentenceStartDate", today.minusYears(2).toString());
        row.put("jailCreditDays", "0");
        row.put("commitmentOrderReference", ReferralBodies.unique("CO"));
        row.put("commitmentOrderAuthority", "U.S. District Court, S.D. Tex.");
        row.put("commitmentOrderIssuedOn", today.minusMonths(2).toString());
        row.put("fitToTravel", "true");
        row.put("consent", "NOT_ASKED");
        row.put("consularNotificationRequested", "true");
        return row;
    }
}
