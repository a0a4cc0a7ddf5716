import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Deterministic, seeded data generator: fills the real tables (referral, prisoner, prisoner_event) through
 * PostgreSQL COPY (the JDBC driver's CopyManager) and reports its own speed in rows per second.
 *
 *   java -cp postgresql.jar bench/Generate.java JDBC_URL USER PASSWORD cecot|national|N [seed] [until yyyy-mm-dd]
 *
 * cecot: 40,000 prisoners in CECOT admitted over the past year, about 12 file entries each (a year of history).
 * national: 2,000,000 prisoner records in CECOT's table (110,000 in custody, El Salvador's whole population; the
 * rest released over ten years), each with its referral and 3 file entries. A number N: N records, national shape.
 *
 * Constraints and triggers are respected: referrals are written ACCEPTED (prisoner_requires_accepted_referral),
 * prisoners after them, then the referrals are set ADMITTED or RELEASED in one UPDATE. No ledger entries are
 * written: the ledger's rows are hash-chained and Merkle-sealed by the app's append path, one at a time under its
 * lock; the generated people and events carry no ledger entry (the ledger is measured on what the API writes).
 * Same seed, same size and same "until" day give the same rows (ids included).
 */
public class Generate {

    static final String[] GIVEN = {"jose", "juan", "carlos", "luis", "miguel", "jorge", "mario", "oscar", "pedro",
            "francisco", "manuel", "jesus", "david", "daniel", "roberto", "ricardo", "fernando", "alejandro", "eduardo",
            "rafael", "sergio", "antonio", "javier", "raul", "victor", "hector", "ramon", "julio", "cesar", "edgar",
            "wilfredo", "nelson", "william", "kevin", "brian", "michael", "james", "john", "robert", "christopher",
            "anthony", "mark", "steven", "andrew", "joshua", "douglas", "ernesto", "rodrigo", "alvaro", "marvin",
            "elmer", "santos", "rene", "mauricio", "orlando", "walter", "gustavo", "armando", "alfredo", "samuel"};
    static final String[] FAMILY = {"martinez", "hernandez", "lopez", "garcia", "rodriguez", "gonzalez", "perez",
            "ramirez", "flores", "sanchez", "rivera", "torres", "cruz", "morales", "reyes", "gutierrez", "ortiz", "chavez",
            "ramos", "mendoza", "castillo", "vasquez", "romero", "herrera", "medina", "aguilar", "jimenez", "vargas",
            "castro", "guzman", "fuentes", "rosales", "alvarado", "portillo", "mejia", "escobar", "orellana", "argueta",
            "molina", "menjivar", "quintanilla", "ayala", "bonilla", "campos", "cornejo", "deleon", "henriquez", "lemus",
            "marroquin", "navarro", "pineda", "salazar", "santamaria", "umana", "velasquez", "zelaya", "smith",
            "johnson", "williams", "brown", "jones", "miller", "davis", "wilson", "anderson", "thomas", "taylor",
            "moore", "jackson", "martin", "lee", "thompson", "white", "harris", "clark", "lewis", "robinson", "walker",
            "young", "allen"};
    static final String[] GANGS = {"MS13", "BARRIO_18_SURENOS", "BARRIO_18_REVOLUCIONARIOS", "TREN_DE_ARAGUA"};
    static final String[] NATIONALITIES = {"US", "MX", "GT", "HN", "VE", "CO", "NI", "DO"};
    static final String[] ENTRY_TYPES = {"CLASSIFICATION", "REQUEST", "COMPLAINT", "MEDICAL_NOTE", "VISIT", "COURT",
            "DISCIPLINE", "REQUEST", "MEDICAL_NOTE", "VISIT"};

    public static void main(String[] a) throws Exception {
        String url = a[0], user = a[1], password = a[2], size = a[3];
        long seed = a.length > 4 ? Long.parseLong(a[4]) : 13;
        LocalDate until = a.length > 5 ? LocalDate.parse(a[5]) : LocalDate.now(ZoneOffset.UTC);
        boolean cecot = size.equals("cecot");
        int n = cecot ? 40_000 : size.equals("national") ? 2_000_000 : Integer.parseInt(size);
        int live = cecot ? n : Math.min(n, Math.max(1, (int) Math.round(n * 0.055)));
        int eventsEach = cecot ? 12 : 3;
        int historyDays = cecot ? 365 : 3650;
        Instant end = until.atStartOfDay(ZoneOffset.UTC).toInstant();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(true);
            String agreement = one(c, "SELECT code FROM agreement WHERE status = 'ACTIVE' ORDER BY code LIMIT 1", "GEN-US-SV");
            List<String[]> cells = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT c.code, m.code FROM location c JOIN location m ON m.id = c.parent_id
                    WHERE c.facility_code = 'CECOT' AND c.kind = 'CELL' ORDER BY c.code""")) {
                while (rs.next()) {
                    cells.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            String tag = "G" + seed;
            long already = Long.parseLong(one(c, "SELECT count(*) FROM referral WHERE external_reference LIKE '" + tag + "-%'", "0"));
            if (already > 0) {
                throw new IllegalStateException(already + " rows of seed " + seed + " already here; use another seed");
            }
            System.out.printf("generating %,d prisoner records (%,d in custody), %d file entries each, seed %d, until %s, "
                    + "agreement %s, %d CECOT cells%n", n, live, eventsEach, seed, until, agreement, cells.size());
            PGConnection pg = c.unwrap(PGConnection.class);
            Random rnd = new Random(seed);
            long t0 = System.nanoTime();
            // referrals and prisoners in one pass of the random stream, written to two COPY streams in turn would
            // need two connections; instead draw each person from a per-index seed, so both passes agree.
            long[] refRows = {0};
            copy(pg, "COPY referral (id, agreement_code, sending_party, external_reference, status, given_names, "
                    + "family_names, date_of_birth, sex, affiliation, dossier, dossier_hash, eligible, eligibility, "
                    + "submitted_by, submitted_at, decision, decided_by, decided_at, prisoner_number, updated_at) "
                    + "FROM STDIN WITH (FORMAT csv)", w -> {
                for (int i = 0; i < n; i++) {
                    P p = person(seed, i, n, live, historyDays, end, tag, cells);
                    String dossier = "{\"externalReference\":\"" + p.ref + "\",\"person\":" + p.personJson() + "}";
                    row(w, p.referralId.toString(), agreement, "US", p.ref, "ACCEPTED", p.given, p.family,
                            p.born.toString(), "MALE", p.gang, dossier, sha256(dossier), "t", "[]", "us-agency",
                            ts(p.admitted.minus(60, ChronoUnit.DAYS)), "ACCEPT", "intake",
                            ts(p.admitted.minus(30, ChronoUnit.DAYS)), p.number, ts(p.admitted));
                    refRows[0]++;
                }
            });
            report("referral", refRows[0], t0);
            long t1 = System.nanoTime();
            long[] prisonerRows = {0};
            copy(pg, "COPY prisoner (id, prisoner_number, referral_id, agreement_code, facility_code, legal_custodian, "
                    + "physical_custodian, status, cell_code, module_code, given_names, family_names, date_of_birth, sex, "
                    + "person, commitment_order_reference, commitment_order_authority, commitment_order_issued_on, "
                    + "responsible_authority, convictions, sentence_regime, gct_days_per_year, full_term_date, "
                    + "release_date, gang_group, gang_source, security_level, admitted_at, admission_recorded_at, "
                    + "admission_recorded_by, handover, released_at, release_type, search_text) "
                    + "FROM STDIN WITH (FORMAT csv)", w -> {
                for (int i = 0; i < n; i++) {
                    P p = person(seed, i, n, live, historyDays, end, tag, cells);
                    String convictions = "[{\"court\":\"US District Court\",\"caseNumber\":\"" + p.ref
                            + "\",\"offences\":[{\"code\":\"21 USC 841\",\"description\":\"Drug trafficking\"}],"
                            + "\"sentence\":{\"years\":" + p.years + ",\"months\":0,\"days\":0,\"life\":false},"
                            + "\"sentenceStartDate\":\"" + p.sentenceStart + "\",\"jailCreditDays\":0,\"relation\":null}]";
                    String handover = "{\"identityVerified\":true,\"verificationMethod\":\"FINGERPRINT\","
                            + "\"conditionOnArrival\":null,\"injuriesObserved\":\"none\",\"complaintOfIllTreatment\":false,"
                            + "\"illTreatmentDetails\":null,\"property\":[],\"familyMembers\":[],\"emergencyContact\":"
                            + "{\"name\":\"maria " + p.family + "\",\"phone\":null,\"relationship\":\"MOTHER\"},"
                            + "\"nextOfKin\":null,\"informedOfConsularRights\":true,\"consularNotificationRequested\":false,"
                            + "\"consulateNotifiedAt\":null,\"familyNotificationDeclined\":false}";
                    LocalDate fullTerm = p.sentenceStart.plusYears(p.years);
                    row(w, p.prisonerId.toString(), p.number, p.referralId.toString(), agreement, "CECOT", "US", "SV",
                            p.status, p.cell, p.module, p.given, p.family, p.born.toString(), "MALE", p.personJson(),
                            "CO-" + p.ref, "US District Court", p.sentenceStart.toString(), "US Bureau of Prisons",
                            convictions, "US_FEDERAL_FSA", "54", fullTerm.toString(), fullTerm.minusDays(p.years * 54L).toString(),
                            p.gang, p.gang == null ? null : "SENDING_STATE", p.gang == null ? "MEDIUM" : "MAXIMUM",
                            ts(p.admitted), ts(p.admitted), "reception", handover,
                            p.released == null ? null : ts(p.released), p.released == null ? null : "RETURN_TO_SENDING_STATE",
                            p.given + " " + p.family + " " + p.number.toLowerCase() + " " + p.passport.toLowerCase());
                    prisonerRows[0]++;
                }
            });
            report("prisoner", prisonerRows[0], t1);
            long t2 = System.nanoTime();
            long[] eventRows = {0};
            copy(pg, "COPY prisoner_event (id, prisoner_id, type, occurred_at, recorded_at, recorded_by, details, serious) "
                    + "FROM STDIN WITH (FORMAT csv)", w -> {
                for (int i = 0; i < n; i++) {
                    P p = person(seed, i, n, live, historyDays, end, tag, cells);
                    Random r = new Random(seed * 1_000_003L + i);
                    Instant last = p.released != null ? p.released : end;
                    long span = Math.max(1, last.getEpochSecond() - p.admitted.getEpochSecond());
                    for (int e = 0; e < eventsEach; e++) {
                        String type = e == 0 ? "ADMISSION" : ENTRY_TYPES[r.nextInt(ENTRY_TYPES.length)];
                        Instant at = e == 0 ? p.admitted : p.admitted.plusSeconds((long) (r.nextDouble() * span));
                        String details = e == 0 ? "{\"cell\":" + (p.cell == null ? "null" : "\"" + p.cell + "\"") + "}"
                                : "{\"subject\":\"" + type.toLowerCase() + "\",\"text\":\"generated entry " + e + "\"}";
                        row(w, new UUID(r.nextLong(), r.nextLong()).toString(), p.prisonerId.toString(), type, ts(at),
                                ts(at), e == 0 ? "reception" : "custody", details, "f");
                        eventRows[0]++;
                    }
                }
            });
            report("prisoner_event", eventRows[0], t2);
            long t3 = System.nanoTime();
            int updated;
            try (Statement s = c.createStatement()) {
                updated = s.executeUpdate("UPDATE referral r SET status = CASE p.status WHEN 'RELEASED' THEN 'RELEASED' "
                        + "ELSE 'ADMITTED' END, released_at = p.released_at FROM prisoner p WHERE p.referral_id = r.id "
                        + "AND r.external_reference LIKE '" + tag + "-%'");
                // as autovacuum would after a load: statistics and the visibility map (index-only scans)
                s.execute("VACUUM ANALYZE referral");
                s.execute("VACUUM ANALYZE prisoner");
                s.execute("VACUUM ANALYZE prisoner_event");
            }
            report("referral status update", updated, t3);
            long rows = refRows[0] + prisonerRows[0] + eventRows[0];
            report("total (rows written by COPY)", rows, t0);
        }
    }

    /** One person, drawn from its own seed so that the three COPY passes see the same one. */
    record P(UUID referralId, UUID prisonerId, String ref, String number, String given, String family, LocalDate born,
             String gang, String nationality, String passport, Instant admitted, Instant released, String status,
             String cell, String module, int years, LocalDate sentenceStart) {

        String personJson() {
            return "{\"givenNames\":\"" + given + "\",\"familyNames\":\"" + family + "\",\"aliases\":[],\"dateOfBirth\":\""
                    + born + "\",\"sex\":\"MALE\",\"selfPerceivedGender\":null,\"nationalities\":[\"" + nationality
                    + "\"],\"identityDocuments\":[{\"type\":\"PASSPORT\",\"number\":\"" + passport
                    + "\",\"issuingCountry\":\"" + nationality + "\"}],\"biometricReference\":null}";
        }
    }

    static P person(long seed, int i, int n, int live, int historyDays, Instant end, String tag, List<String[]> cells) {
        Random r = new Random(seed * 31 + i * 0x9E3779B97F4A7C15L);
        String given = GIVEN[r.nextInt(GIVEN.length)] + (r.nextInt(3) == 0 ? " " + GIVEN[r.nextInt(GIVEN.length)] : "");
        String family = FAMILY[r.nextInt(FAMILY.length)] + " " + FAMILY[r.nextInt(FAMILY.length)];
        LocalDate born = LocalDate.of(1960 + r.nextInt(45), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String gang = r.nextInt(10) < 7 ? GANGS[r.nextInt(GANGS.length)] : null;
        String nationality = NATIONALITIES[r.nextInt(NATIONALITIES.length)];
        // live ones were admitted in the last year; the released history spreads over the whole window
        boolean isLive = i < live;
        int days = isLive ? r.nextInt(Math.min(365, historyDays)) + 1 : r.nextInt(historyDays) + 1;
        Instant admitted = end.minus(days, ChronoUnit.DAYS).plusSeconds(r.nextInt(86_400));
        Instant released = isLive ? null : admitted.plus(1 + r.nextInt(Math.max(1, days - 1)), ChronoUnit.DAYS);
        if (released != null && !released.isBefore(end)) {
            released = end.minusSeconds(1 + r.nextInt(3600));
        }
        String status = !isLive ? "RELEASED" : r.nextInt(50) == 0 ? "TEMPORARILY_OUT" : "IN_CUSTODY";
        String[] cell = !isLive || cells.isEmpty() || r.nextInt(100) == 0 ? null : cells.get(i % cells.size());
        int year = admitted.atZone(ZoneOffset.UTC).getYear();
        String number = "CECOT-%d-%d%07d".formatted(year, seed, i); // never a number the app gives (6 digits)
        String passport = "P" + (10_000_000 + (int) ((seed * 7919 + i) % 89_000_000));
        int years = 2 + r.nextInt(20);
        LocalDate sentenceStart = admitted.atZone(ZoneOffset.UTC).toLocalDate().minusDays(r.nextInt(700));
        return new P(new UUID(r.nextLong(), r.nextLong()), new UUID(r.nextLong(), r.nextLong()), tag + "-" + i, number,
                given, family, born, gang, nationality, passport, admitted, released, status,
                cell == null ? null : cell[0], cell == null ? null : cell[1], years, sentenceStart);
    }

    interface Rows {
        void write(Writer w) throws IOException;
    }

    static void copy(PGConnection pg, String sql, Rows rows) throws Exception {
        CopyIn in = pg.getCopyAPI().copyIn(sql);
        try (PGCopyOutputStream out = new PGCopyOutputStream(in, 1 << 20);
             Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 20)) {
            rows.write(w);
        }
    }

    static void row(Writer w, String... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            String v = values[i];
            if (v != null) { // an unquoted empty field is NULL in CSV COPY
                w.write('"');
                w.write(v.indexOf('"') < 0 ? v : v.replace("\"", "\"\""));
                w.write('"');
            }
        }
        w.write('\n');
    }

    static String ts(Instant i) {
        return i.toString();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String one(Connection c, String sql, String otherwise) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() && rs.getString(1) != null ? rs.getString(1) : otherwise;
        }
    }

    static void report(String what, long rows, long since) {
        double s = (System.nanoTime() - since) / 1e9;
        System.out.printf("  %-30s %,12d rows %8.1f s %,12.0f rows/s%n", what, rows, s, rows / s);
    }
}
