package org.custodia.custody.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodia.custody.AdmissionCommand.Arrest;
import org.custodia.custody.AdmissionCommand.CommitmentOrder;
import org.custodia.custody.AdmissionCommand.Conviction;
import org.custodia.custody.AdmissionCommand.Handover;
import org.custodia.custody.AdmissionCommand.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the custody module. */
@Repository
class PrisonerStore {

    private final JdbcClient jdbc;
    private final Json json;

    PrisonerStore(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** PostgreSQL keeps microseconds: truncate (it would round), so that what is stored is what was given, less nanos. */
    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The next number of a facility and year, under the counter row's lock (held until the transaction ends). */
    int nextNumber(String facilityCode, int year) {
        return jdbc.sql("""
                        INSERT INTO prisoner_number_counter (facility_code, year, last_value) VALUES (?, ?, 1)
                        ON CONFLICT (facility_code, year)
                        DO UPDATE SET last_value = prisoner_number_counter.last_value + 1
                        RETURNING last_value""")
                .params(facilityCode, year)
                .query(Integer.class)
                .single();
    }

    boolean referralAdmitted(UUID referralId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM prisoner WHERE referral_id = ?)").param(referralId)
                .query(Boolean.class).single();
    }

    void insert(PrisonerRecord p, String searchText) {
        jdbc.sql("""
                        INSERT INTO prisoner (id, prisoner_number, referral_id, agreement_code, facility_code, legal_custodian,
                            physical_custodian, status, given_names, family_names, date_of_birth, sex, person,
                            commitment_order_reference, commitment_order_authority, commitment_order_issued_on,
                            responsible_authority, arrest, convictions, sentence_regime, gct_days_per_year,
                            full_term_date, release_date, gang_group, gang_source, security_level, admitted_at,
                            admission_recorded_at, admission_recorded_by, handover, family_notification_declined,
                            search_text)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?,
                                ?, ?, ?, ?, ?::jsonb, ?, lower(unaccent(?)))""")
                .params(p.id(), p.number(), p.referralId(), p.agreementCode(), p.facilityCode(), p.legalCustodian(),
                        p.physicalCustodian(), p.status().name(), p.person().givenNames(), p.person().familyNames(),
                        p.person().dateOfBirth(), p.person().sex(), json.write(p.person()),
                        p.commitmentOrder().reference(), p.commitmentOrder().issuingAuthority(),
                        p.commitmentOrder().issuedOn(), p.responsibleAuthority(), json.write(p.arrest()),
                        json.write(p.convictions()), p.sentenceRegime(), p.gctDaysPerYear(), p.fullTermDate(),
                        p.releaseDate(), p.gangGroup(), p.gangSource(), p.securityLevel(), at(p.admittedAt()),
                        at(p.admissionRecordedAt()), p.admissionRecordedBy(), json.write(p.handover()),
                        p.familyNotificationDeclined(), searchText)
                .update();
    }

    Optional<PrisonerRecord> findByNumber(String number) {
        return jdbc.sql("SELECT * FROM prisoner WHERE prisoner_number = ?").param(number).query(this::map).optional();
    }

    /** The row under lock: one change at a time per prisoner. */
    Optional<PrisonerRecord> lockByNumber(String number) {
        return jdbc.sql("SELECT * FROM prisoner WHERE prisoner_number = ? FOR UPDATE").param(number).query(this::map)
                .optional();
    }

    List<PrisonerRecord> findAll(String where, List<Object> params, String orderAndLimit) {
        return jdbc.sql(findAllSql(where, orderAndLimit)).params(params).query(this::map).list();
    }

    static String findAllSql(String where, String orderAndLimit) {
        return "SELECT * FROM prisoner p WHERE " + where + " " + orderAndLimit;
    }

    /**
     * pg_trgm's word-similarity threshold for the rest of the transaction, so that {@code word <% search_text} (which
     * the trigram index serves, unlike a {@code word_similarity(...) >= x} call) keeps the same meaning.
     */
    void wordSimilarityThreshold(double threshold) {
        jdbc.sql("SELECT set_config('pg_trgm.word_similarity_threshold', ?, true)").param(Double.toString(threshold))
                .query(String.class).single();
    }

    /** The rows matching, counted no further than {@code limit}: a common name does not read every match. */
    long countUpTo(String where, List<Object> params, long limit) {
        List<Object> all = new java.util.ArrayList<>(params);
        all.add(limit);
        return jdbc.sql(countUpToSql(where)).params(all).query(Long.class).single();
    }

    /** The count's SQL: its last parameter is the limit. */
    static String countUpToSql(String where) {
        return "SELECT count(*) FROM (SELECT 1 FROM prisoner p WHERE " + where + " LIMIT ?) t";
    }

    void updateStatus(UUID id, PrisonerStatus status) {
        jdbc.sql("UPDATE prisoner SET status = ? WHERE id = ?").params(status.name(), id).update();
    }

    void updateSecurityLevel(UUID id, String level) {
        jdbc.sql("UPDATE prisoner SET security_level = ? WHERE id = ?").params(level, id).update();
    }

    void updateFamilyNotificationDeclined(UUID id, boolean declined) {
        jdbc.sql("UPDATE prisoner SET family_notification_declined = ? WHERE id = ?")
                .params(declined, id).update();
    }

    void updateSentence(UUID id, int forfeited, LocalDate fullTerm, LocalDate release) {
        jdbc.sql("""
                        UPDATE prisoner SET gct_forfeited_days = ?, full_term_date = ?, release_date = ?
                        WHERE id = ?""")
                .params(forfeited, fullTerm, release, id).update();
    }

    void updateCell(UUID id, String cell, String module) {
        jdbc.sql("UPDATE prisoner SET cell_code = ?, module_code = ? WHERE id = ?")
                .params(cell, module, id).update();
    }

    void release(UUID id, String type, Instant at, Object release) {
        jdbc.sql("""
                        UPDATE prisoner SET status = 'RELEASED', release_type = ?, released_at = ?, release = ?::jsonb,
                            cell_code = NULL, module_code = NULL
                        WHERE id = ?""")
                .params(type, at(at), json.write(release), id).update();
    }

    /** Prisoners on the roll (in custody or temporarily out) who hold a bed in that cell. */
    List<PrisonerRecord> occupants(String facilityCode, String cell) {
        return jdbc.sql("SELECT * FROM prisoner WHERE facility_code = ? AND cell_code = ? AND status <> 'RELEASED'")
                .params(facilityCode, cell).query(this::map).list();
    }

    /** Per cell: beds in use (on the roll, temporarily out included) and present (IN_CUSTODY). */
    Map<String, int[]> cellCounts(String facilityCode) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT cell_code, count(*) AS in_use, count(*) FILTER (WHERE status = 'IN_CUSTODY') AS present
                        FROM prisoner WHERE facility_code = ? AND status <> 'RELEASED' AND cell_code IS NOT NULL
                        GROUP BY cell_code""")
                .param(facilityCode)
                .query(rs -> {
                    counts.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        return counts;
    }

    void lockFacilityHousing(String facilityCode) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('custody-housing:' || ?))").param(facilityCode)
                .query((rs, n) -> 1).list();
    }

    // ---- the file

    void insertEvent(FileEvent e) {
        jdbc.sql("""
                        INSERT INTO prisoner_event (id, prisoner_id, type, occurred_at, recorded_at, recorded_by, details,
                                                    confidential, serious)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""")
                .params(e.id(), e.prisonerId(), e.type(), at(e.occurredAt()), at(e.recordedAt()), e.recordedBy(),
                        json.write(e.details()), json.write(e.confidential()), e.serious())
                .update();
    }

    List<FileEvent> events(UUID prisonerId) {
        return jdbc.sql("SELECT * FROM prisoner_event WHERE prisoner_id = ? ORDER BY occurred_at, recorded_at, id")
                .param(prisonerId)
                .query((rs, n) -> new FileEvent(rs.getObject("id", UUID.class), rs.getObject("prisoner_id", UUID.class),
                        rs.getString("type"), instant(rs, "occurred_at"), instant(rs, "recorded_at"),
                        rs.getString("recorded_by"), jsonMap(rs.getString("details")), jsonMap(rs.getString("confidential")),
                        rs.getBoolean("serious")))
                .list();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> jsonMap(String text) {
        return text == null ? null : json.read(text, LinkedHashMap.class);
    }

    // ---- notifications and alerts

    void insertNotification(UUID id, UUID prisonerId, String kind, String recipient, String address, String subject,
                            String channel, String status, Instant createdAt, Instant sentAt) {
        jdbc.sql("""
                        INSERT INTO notification (id, prisoner_id, recipient_kind, recipient, address, subject, channel,
                                                  status, created_at, sent_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, prisonerId, kind, recipient, address, subject, channel, status, at(createdAt), at(sentAt))
                .update();
    }

    List<CustodyViews.Notification> notifications(UUID prisonerId) {
        return jdbc.sql("SELECT * FROM notification WHERE prisoner_id = ? ORDER BY created_at, id").param(prisonerId)
                .query((rs, n) -> new CustodyViews.Notification(rs.getObject("id", UUID.class),
                        rs.getString("recipient_kind"), rs.getString("recipient"), rs.getString("address"),
                        rs.getString("subject"), rs.getString("channel"), rs.getString("status"),
                        instant(rs, "created_at"), instant(rs, "sent_at")))
                .list();
    }

    void insertAlert(UUID id, UUID prisonerId, UUID eventId, String kind, String details, Instant occurredAt,
                     Instant raisedAt) {
        jdbc.sql("""
                        INSERT INTO oversight_alert (id, prisoner_id, event_id, kind, details, occurred_at, raised_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, prisonerId, eventId, kind, details, at(occurredAt), at(raisedAt)).update();
    }

    List<CustodyViews.Alert> alerts(int limit) {
        return jdbc.sql("""
                        SELECT a.*, p.prisoner_number, p.facility_code FROM oversight_alert a JOIN prisoner p ON p.id = a.prisoner_id
                        ORDER BY a.raised_at DESC, a.id LIMIT ?""")
                .param(limit)
                .query((rs, n) -> new CustodyViews.Alert(rs.getObject("id", UUID.class), rs.getString("prisoner_number"),
                        rs.getString("facility_code"), rs.getString("kind"), rs.getString("details"),
                        rs.getObject("event_id", UUID.class), instant(rs, "occurred_at"), instant(rs, "raised_at")))
                .list();
    }

    // ---- mapping

    private PrisonerRecord map(ResultSet rs, int n) throws SQLException {
        return new PrisonerRecord(rs.getObject("id", UUID.class), rs.getString("prisoner_number"),
                rs.getObject("referral_id", UUID.class), rs.getString("agreement_code"), rs.getString("facility_code"),
                rs.getString("legal_custodian"), rs.getString("physical_custodian"),
                PrisonerStatus.valueOf(rs.getString("status")), rs.getString("cell_code"), rs.getString("module_code"),
                json.read(rs.getString("person"), Person.class),
                new CommitmentOrder(rs.getString("commitment_order_reference"), rs.getString("commitment_order_authority"),
                        rs.getObject("commitment_order_issued_on", LocalDate.class)),
                rs.getString("responsible_authority"), json.read(rs.getString("arrest"), Arrest.class),
                new ArrayList<>(Arrays.asList(json.read(rs.getString("convictions"), Conviction[].class))),
                rs.getString("sentence_regime"), rs.getInt("gct_days_per_year"), rs.getInt("gct_forfeited_days"),
                rs.getObject("full_term_date", LocalDate.class), rs.getObject("release_date", LocalDate.class),
                rs.getString("gang_group"), rs.getString("gang_source"), rs.getString("security_level"),
                instant(rs, "admitted_at"), instant(rs, "admission_recorded_at"), rs.getString("admission_recorded_by"),
                json.read(rs.getString("handover"), Handover.class), rs.getBoolean("family_notification_declined"),
                instant(rs, "released_at"), rs.getString("release_type"),
                json.read(rs.getString("release"), CustodyViews.ReleaseDetails.class));
    }
}
