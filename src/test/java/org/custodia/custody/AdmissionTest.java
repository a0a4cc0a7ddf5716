package org.custodia.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodia.common.ApiException;
import org.custodia.custody.AdmissionCommand.Handover;
import org.custodia.custody.AdmissionCommand.ReasonsForCommitment;
import org.custodia.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

@RecordApplicationEvents
class AdmissionTest extends CustodyTestSupport {

    @Test
    void anAdmissionCreatesThePrisonerWithItsFileLedgerNotificationsAndEvent(ApplicationEvents events) {
        AdmissionCommand command = command("CECOT", "José Luis", "Martínez Pérez", List.of("VE"), "TREN_DE_ARAGUA");
        Admission admission = admissions.admit(command);
        int year = LocalDate.ofInstant(command.admittedAt(), zoneOf("CECOT")).getYear();
        assertThat(admission.prisonerNumber()).matches("CECOT-" + year + "-\\d{6}");

        Api.Response response = as("custody").get("/api/v1/prisoners/" + admission.prisonerNumber());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode p = response.json();
        assertThat(p.get("prisonerNumber").asString()).isEqualTo(admission.prisonerNumber());
        assertThat(p.get("status").asString()).isEqualTo("IN_CUSTODY");
        assertThat(p.get("legalCustodian").asString()).isEqualTo("US");
        assertThat(p.get("physicalCustodian").asString()).isEqualTo("CECOT");
        assertThat(p.get("cell").isNull()).isTrue();
        assertThat(p.get("person").get("givenNames").asString()).isEqualTo("José Luis");
        assertThat(p.get("reasonsForCommitment").get("commitmentOrder").get("reference").asString())
                .isEqualTo(command.reasonsForCommitment().commitmentOrder().reference());
        assertThat(p.get("handover").get("familyMembers").get(1).get("age").asInt()).isEqualTo(7);
        assertThat(p.get("sentence").get("fullTermDate").asString()).isEqualTo("2034-12-31");
        assertThat(p.get("sentence").get("releaseDate").asString()).isEqualTo("2033-07-08");
        assertThat(p.get("events").get(0).get("type").asString()).isEqualTo("ADMISSION");
        assertThat(p.get("events").get(0).get("recordedBy").asString()).isEqualTo("reception");
        assertThat(Instant.parse(p.get("admittedAt").asString())).isEqualTo(command.admittedAt().truncatedTo(ChronoUnit.MICROS));

        List<String> ledgered = jdbc.sql("SELECT action FROM ledger_entry WHERE subject_type = 'PRISONER' AND subject_id = ? ORDER BY sequence")
                .param(admission.prisonerNumber()).query(String.class).list();
        assertThat(ledgered).contains("PRISONER_ADMITTED", "NOTIFICATION_CREATED");
        List<String> notified = jdbc.sql("SELECT subject || ':' || recipient_kind || ':' || n.status FROM notification n JOIN prisoner p ON p.id = n.prisoner_id WHERE p.prisoner_number = ? ORDER BY subject")
                .param(admission.prisonerNumber()).query(String.class).list();
        assertThat(notified).containsExactly("CONSULAR_NOTIFICATION:CONSULATE:PENDING", "IMPRISONMENT:FAMILY:PENDING");
        assertThat(events.stream(PrisonerAdmitted.class).filter(e -> e.prisonerNumber().equals(admission.prisonerNumber())))
                .singleElement().satisfies(e -> {
                    assertThat(e.referralId()).isEqualTo(command.referralId());
                    assertThat(e.facilityCode()).isEqualTo("CECOT");
                });
    }

    @Test
    void aReferralIsAdmittedOnce() {
        AdmissionCommand command = command("CECOT", "Pedro", "Once", List.of("VE"), null);
        admit(command);
        assertThatThrownBy(() -> admissions.admit(command)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("REFERRAL_ALREADY_ADMITTED"));
    }

    @Test
    void anInvalidAdmissionListsEveryFailureAndWritesNothing() {
        AdmissionCommand valid = command("CECOT", "Nadie", "Sinorden", List.of("VE"), null);
        Handover h = valid.handover();
        Handover badHandover = new Handover(false, null, " ", null, true, null, h.property(), h.familyMembers(), null,
                null, false, true, now().plus(1, ChronoUnit.DAYS), false);
        AdmissionCommand invalid = new AdmissionCommand(null, "NO-SUCH", "MX", "CECOT", valid.person(),
                new ReasonsForCommitment(null, " ", null), List.of(), "MAGIC", 99, valid.gangAffiliation(), "SUPERMAX",
                now().plus(10, ChronoUnit.MINUTES), badHandover, null);
        long before = jdbc.sql("SELECT count(*) FROM prisoner").query(Long.class).single();
        assertThatThrownBy(() -> admissions.admit(invalid)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
            List<String> fields = new ArrayList<>();
            e.errors().forEach(f -> fields.add(f.field() + ":" + f.code()));
            assertThat(fields).contains("referralId:REQUIRED", "agreementCode:UNKNOWN_AGREEMENT",
                    "reasonsForCommitment.commitmentOrder:REQUIRED", "reasonsForCommitment.responsibleAuthority:REQUIRED",
                    "convictions:REQUIRED", "sentenceRegime:INVALID_VALUE", "gctDaysPerYear:INVALID_VALUE",
                    "securityLevel:INVALID_VALUE", "admittedAt:IN_FUTURE", "handover.identityVerified:IDENTITY_NOT_VERIFIED",
                    "handover.verificationMethod:REQUIRED",
                    "handover.injuriesObserved:REQUIRED", "handover.illTreatmentDetails:REQUIRED",
                    "handover.emergencyContact:REQUIRED",
                    "handover.consulateNotifiedAt:IN_FUTURE", "recordedBy:REQUIRED");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM prisoner").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anAdmissionMayLieInThePastButNotInTheFuture() {
        Instant twoYearsAgo = now().minus(730, ChronoUnit.DAYS);
        String number = admit(command("CECOT", "Antiguo", "Recluso", List.of("SV"), null, twoYearsAgo));
        int year = LocalDate.ofInstant(twoYearsAgo, zoneOf("CECOT")).getYear();
        assertThat(number).startsWith("CECOT-" + year + "-");
        AdmissionCommand withinSkew = command("CECOT", "Reloj", "Adelantado", List.of("SV"), null,
                now().plus(60, ChronoUnit.SECONDS));
        assertThat(admit(withinSkew)).startsWith("CECOT-");
        AdmissionCommand future = command("CECOT", "Futuro", "Recluso", List.of("SV"), null,
                now().plus(5, ChronoUnit.MINUTES));
        assertThatThrownBy(() -> admissions.admit(future)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errors()).anySatisfy(f -> {
                    assertThat(f.field()).isEqualTo("admittedAt");
                    assertThat(f.code()).isEqualTo("IN_FUTURE");
                }));
    }

    @Test
    void aComplaintOfIllTreatmentAtAdmissionAlertsOversight() {
        AdmissionCommand base = command("CECOT", "Golpeado", "En Traslado", List.of("VE"), null);
        Handover h = base.handover();
        Handover complaint = new Handover(true, VerificationMethod.DOCUMENT, "Bruised", "Bruise on the left arm", true,
                "Says he was struck by an escort during the flight", h.property(), h.familyMembers(), h.emergencyContact(),
                h.nextOfKin(), true, false, null, false);
        String number = admit(new AdmissionCommand(base.referralId(), base.agreementCode(), base.legalCustodian(),
                base.facilityCode(), base.person(), base.reasonsForCommitment(), base.convictions(), null, null, null,
                "HIGH", base.admittedAt(), complaint, "reception"));
        Api.Response alerts = as("oversight").get("/api/v1/oversight/alerts");
        assertThat(alerts.status()).isEqualTo(200);
        List<String> kinds = new ArrayList<>();
        alerts.json().forEach(a -> {
            if (a.get("prisonerNumber").asString().equals(number)) {
                kinds.add(a.get("kind").asString() + ":" + a.get("details").asString());
            }
        });
        assertThat(kinds).containsExactly("ILL_TREATMENT_AT_ADMISSION:Says he was struck by an escort during the flight");
        assertThat(as("custody").get("/api/v1/oversight/alerts").status()).isEqualTo(403);
    }

    @Test
    void numbersAreSequentialPerFacilityAndYearUnderConcurrentAdmissions() throws Exception {
        String facility = newFacility(1, 1, 10);
        int parallel = 20;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
        try {
            List<java.util.concurrent.Future<String>> futures = new ArrayList<>();
            var start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < parallel; i++) {
                AdmissionCommand c = command(facility, "Paralelo", "Numero " + i, List.of("VE"), null);
                futures.add(pool.submit(() -> {
                    start.await();
                    return admit(c);
                }));
            }
            start.countDown();
            List<String> numbers = new ArrayList<>();
            for (var f : futures) {
                numbers.add(f.get());
            }
            int year = LocalDate.ofInstant(now(), zoneOf("CECOT")).getYear();
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= parallel; i++) {
                expected.add("%s-%d-%06d".formatted(facility, year, i));
            }
            assertThat(numbers).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
        // a released prisoner's number is not given again
        String first = "%s-%d-%06d".formatted(facility, LocalDate.ofInstant(now(), zoneOf("CECOT")).getYear(), 1);
        assertThat(as("custody").post("/api/v1/prisoners/" + first + "/releases", java.util.Map.of("type", "SENTENCE_COMPLETED",
                "effectiveAt", now().toString(), "receivedBy", "Himself")).status()).isEqualTo(201);
        assertThat(admit(command(facility, "Despues", "Del Veinte", List.of("VE"), null))).endsWith("-000021");
    }

    @Test
    void theDatabaseRefusesAPrisonerWithoutACommitmentOrderOrAReferral() {
        String insert = """
                INSERT INTO prisoner (id, prisoner_number, referral_id, agreement_code, facility_code, legal_custodian,
                    physical_custodian, status, given_names, family_names, date_of_birth, sex, person,
                    commitment_order_reference, commitment_order_authority, commitment_order_issued_on,
                    responsible_authority, convictions, sentence_regime, gct_days_per_year, security_level, admitted_at,
                    admission_recorded_at, admission_recorded_by, handover, search_text)
                VALUES (?, ?, ?, 'US-SV-2025', 'CECOT', 'US', 'CECOT', 'IN_CUSTODY', 'Sin', 'Orden', '1990-01-01', 'MALE',
                    '{}'::jsonb, ?, ?, ?::date, 'USMS', '[]'::jsonb, 'US_FEDERAL_FSA', 54, 'MAXIMUM', now(), now(), 'sql',
                    '{}'::jsonb, 'x')""";
        // an accepted referral, so that the refusals below are about the commitment order
        UUID referral = UUID.fromString(acceptedReferral("Sin", "Orden", "VE"));
        Object[][] refused = {
                {referral, null, "U.S. District Court", "2025-01-01"},
                {referral, "   ", "U.S. District Court", "2025-01-01"},
                {referral, "CO-1", null, "2025-01-01"},
                {referral, "CO-1", "", "2025-01-01"},
                {referral, "CO-1", "U.S. District Court", null},
                {null, "CO-1", "U.S. District Court", "2025-01-01"}};
        for (Object[] row : refused) {
            assertThatThrownBy(() -> jdbc.sql(insert).params(UUID.randomUUID(), "SQL-" + unique(), row[0], row[1], row[2], row[3])
                    .update()).as("row %s", java.util.Arrays.toString(row))
                    .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        }
        // the same statement with every part of the order is accepted: the refusals above are about the order
        String number = "SQL-" + unique();
        assertThat(jdbc.sql(insert).params(UUID.randomUUID(), number, referral, "CO-1", "U.S. District Court",
                "2025-01-01").update()).isEqualTo(1);
        jdbc.sql("DELETE FROM prisoner WHERE prisoner_number = ?").param(number).update();
    }

    @Test
    void consularRightsAreDemandedOfForeignNationalsOnlyAndTheConditionOnArrivalIsOptional() {
        AdmissionCommand foreign = withoutConsularRights(command("CECOT", "Extranjero", "Sin Aviso", List.of("VE"), null));
        assertThatThrownBy(() -> admissions.admit(foreign)).isInstanceOfSatisfying(ApiException.class, e -> {
            List<String> fields = new ArrayList<>();
            e.errors().forEach(f -> fields.add(f.field() + ":" + f.code()));
            assertThat(fields).containsExactlyInAnyOrder("handover.informedOfConsularRights:CONSULAR_RIGHTS_NOT_INFORMED",
                    "handover.consularNotificationRequested:REQUIRED");
        });
        // a national of the receiving state (SV) is not a foreign national: Vienna Art. 36 does not apply
        AdmissionCommand national = withoutConsularRights(command("CECOT", "Nacional", "Sin Aviso", List.of("SV"), null));
        assertThat(admit(national)).startsWith("CECOT-");
        // nor to a dual national of the receiving state
        AdmissionCommand dual = withoutConsularRights(command("CECOT", "Doble", "Nacionalidad", List.of("VE", "SV"), null));
        assertThat(admit(dual)).startsWith("CECOT-");
    }

    /** The command with no condition on arrival, not told of consular rights and no answer about the consulate. */
    private static AdmissionCommand withoutConsularRights(AdmissionCommand c) {
        Handover h = c.handover();
        Handover without = new Handover(true, h.verificationMethod(), null, h.injuriesObserved(),
                h.complaintOfIllTreatment(), h.illTreatmentDetails(), h.property(), h.familyMembers(),
                h.emergencyContact(), h.nextOfKin(), false, null, null, false);
        return new AdmissionCommand(c.referralId(), c.agreementCode(), c.legalCustodian(), c.facilityCode(), c.person(),
                c.reasonsForCommitment(), c.convictions(), c.sentenceRegime(), c.gctDaysPerYear(), c.gangAffiliation(),
                c.securityLevel(), c.admittedAt(), without, c.recordedBy());
    }
}
