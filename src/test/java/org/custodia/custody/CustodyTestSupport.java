package org.custodia.custody;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.custodia.custody.AdmissionCommand.Arrest;
import org.custodia.custody.AdmissionCommand.CommitmentOrder;
import org.custodia.custody.AdmissionCommand.Contact;
import org.custodia.custody.AdmissionCommand.Conviction;
import org.custodia.custody.AdmissionCommand.FamilyMember;
import org.custodia.custody.AdmissionCommand.GangAffiliation;
import org.custodia.custody.AdmissionCommand.Handover;
import org.custodia.custody.AdmissionCommand.IdentityDocument;
import org.custodia.custody.AdmissionCommand.Offence;
import org.custodia.custody.AdmissionCommand.Person;
import org.custodia.custody.AdmissionCommand.PropertyItem;
import org.custodia.custody.AdmissionCommand.ReasonsForCommitment;
import org.custodia.custody.AdmissionCommand.Term;
import org.custodia.referral.Referrals;
import org.custodia.support.Dossiers;
import org.custodia.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Admits people through the public Java API, as the transport module will at the end of an arrival handover, and
 * builds throw-away facilities so that counts are not disturbed by other tests.
 */
public abstract class CustodyTestSupport extends IntegrationTest {

    @Autowired
    protected Admissions admissions;

    @Autowired
    protected Referrals referrals;

    /** The application's clock: "now" in tests is the application's now. */
    @Autowired
    protected Clock clock;

    protected Instant now() {
        return clock.instant();
    }

    /** The time zone of a facility, as stored with it. */
    protected ZoneId zoneOf(String facility) {
        return ZoneId.of(jdbc.sql("SELECT time_zone FROM facility WHERE code = ?").param(facility).query(String.class)
                .single());
    }

    protected static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /**
     * A full, valid admission into {@code facility}, admitted an hour ago, of a person whose referral was submitted
     * and accepted through the API (the database refuses a prisoner without an accepted referral).
     */
    protected AdmissionCommand command(String facility, String givenNames, String familyNames,
                                              List<String> nationalities, String gang) {
        return command(facility, givenNames, familyNames, nationalities, gang, now().minus(1, ChronoUnit.HOURS));
    }

    protected AdmissionCommand command(String facility, String givenNames, String familyNames,
                                       List<String> nationalities, String gang, Instant admittedAt) {
        UUID referralId = UUID.fromString(acceptedReferral(givenNames, familyNames, nationalities.get(0)));
        Person person = new Person(givenNames, familyNames, List.of("El " + givenNames.split(" ")[0]),
                LocalDate.of(1990, 5, 1), "MALE", null, nationalities,
                List.of(new IdentityDocument("PASSPORT", "P" + unique(), nationalities.get(0))), "FBI-" + unique());
        ReasonsForCommitment reasons = new ReasonsForCommitment(
                new CommitmentOrder("CO-" + unique(), "U.S. District Court, S.D. Tex.",
                        LocalDate.ofInstant(admittedAt, java.time.ZoneOffset.UTC).minusDays(30)),
                "U.S. Marshals Service", new Arrest(LocalDate.of(2023, 1, 10), LocalTime.of(6, 30), "Houston, TX"));
        Conviction conviction = new Conviction("U.S. District Court, Southern District of Texas", "4:23-cr-" + unique(),
                List.of(new Offence("21 USC 841", "Possession with intent to distribute")), new Term(10, 0, 0, false),
                LocalDate.of(2025, 1, 1), 0, "CONCURRENT");
        Handover handover = new Handover(true, VerificationMethod.FINGERPRINT, "Good", "none", false, null,
                List.of(new PropertyItem("wristwatch", 1)),
                List.of(new FamilyMember("Ana Pérez", "MOTHER", "Maracay, VE", null, null),
                        new FamilyMember("Luisa Martínez", "DAUGHTER", "Maracay, VE", 7, "with her grandmother")),
                new Contact("Ana Pérez", "+58 412 0000000", "MOTHER"), null, true, true, null, false);
        return new AdmissionCommand(referralId, Dossiers.AGREEMENT, "US", facility, person, reasons, List.of(conviction),
                null, null, gang == null ? null : new GangAffiliation(gang, "FBI gang database"), "MAXIMUM", admittedAt,
                handover, "reception");
    }

    /** An accepted referral of that person, through the API. */
    protected String acceptedReferral(String givenNames, String familyNames, String nationality) {
        return Dossiers.accepted(this, Dossiers.eligible(givenNames, familyNames, nationality));
    }

    /** Admits as the transport module does: the referral goes in transit, the person is admitted, the referral too. */
    protected String admit(AdmissionCommand command) {
        referrals.markInTransit(command.referralId(), UUID.randomUUID());
        String number = admissions.admit(command).prisonerNumber();
        referrals.markAdmitted(command.referralId(), number);
        return number;
    }

    /** A new facility of the party SV with {@code modules} modules of {@code cells} cells of {@code capacity} places. */
    protected String newFacility(int modules, int cells, int capacity) {
        return newFacility(modules, cells, capacity, zoneOf("CECOT"));
    }

    /** The same, in the time zone given. */
    protected String newFacility(int modules, int cells, int capacity, ZoneId zone) {
        String code = "T" + unique();
        jdbc.sql("INSERT INTO facility (code, name, party_code, sex, time_zone) VALUES (?, ?, 'SV', 'MALE', ?)")
                .params(code, "Test facility " + code, zone.getId()).update();
        for (int m = 1; m <= modules; m++) {
            UUID module = UUID.randomUUID();
            jdbc.sql("INSERT INTO location (id, facility_code, code, kind) VALUES (?, ?, ?, 'MODULE')")
                    .params(module, code, "M" + m).update();
            for (int c = 1; c <= cells; c++) {
                jdbc.sql("""
                                INSERT INTO location (id, facility_code, parent_id, code, kind, working_capacity, max_capacity)
                                VALUES (?, ?, ?, ?, 'CELL', ?, ?)""")
                        .params(UUID.randomUUID(), code, module, "M%d-C%02d".formatted(m, c), capacity, capacity).update();
            }
        }
        return code;
    }
}
