package org.custodia.transport.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodia.common.CanonicalJson;
import org.custodia.transport.ManifestStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ManifestRepository {

    private final JdbcClient jdbc;

    ManifestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(UUID id, String agreementCode, String facilityCode, ManifestStatus status, String carrier,
               String transportReference, List<String> escortOfficers, Instant scheduledDeparture,
               Instant scheduledArrival, Instant departedAt, Instant arrivedAt, Instant closedAt, Instant cancelledAt,
               String cancellationReason, String createdBy, Instant createdAt) {
    }

    record PersonRow(UUID referralId, int position, String outcome, boolean open, String prisonerNumber,
                     String discrepancy, Instant handedOverAt, String recordedBy) {
    }

    void insert(Row m) {
        jdbc.sql("""
                        INSERT INTO manifest (id, agreement_code, facility_code, status, carrier, transport_reference,
                                              escort_officers, scheduled_departure, scheduled_arrival, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.agreementCode(), m.facilityCode(), m.status().name(), m.carrier(), m.transportReference(),
                        CanonicalJson.write(m.escortOfficers()), utc(m.scheduledDeparture()), utc(m.scheduledArrival()),
                        m.createdBy(), utc(m.createdAt()))
                .update();
    }

    void addPerson(UUID manifestId, UUID referralId, int position) {
        jdbc.sql("INSERT INTO manifest_person (manifest_id, referral_id, position) VALUES (?, ?, ?)")
                .params(manifestId, referralId, position).update();
    }

    /** The manifest an open manifest already carries this referral on, if any. */
    Optional<UUID> openManifestOf(UUID referralId) {
        return jdbc.sql("SELECT manifest_id FROM manifest_person WHERE referral_id = ? AND open")
                .param(referralId).query(UUID.class).optional();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT * FROM manifest WHERE id = ?").param(id).query(ManifestRepository::row).optional();
    }

    /** Locks the manifest for the rest of the transaction: handovers on one manifest take turns. */
    Optional<Row> lock(UUID id) {
        return jdbc.sql("SELECT * FROM manifest WHERE id = ? FOR UPDATE").param(id).query(ManifestRepository::row).optional();
    }

    List<Row> list(ManifestStatus status, List<String> agreementCodes, int limit) {
        return jdbc.sql("""
                        SELECT * FROM manifest
                        WHERE (CAST(:status AS TEXT) IS NULL OR status = :status)
                          AND (CAST(:restricted AS BOOLEAN) = FALSE OR agreement_code IN (:codes))
                        ORDER BY scheduled_departure DESC LIMIT :limit""")
                .param("status", status == null ? null : status.name())
                .param("restricted", agreementCodes != null)
                .param("codes", agreementCodes == null || agreementCodes.isEmpty() ? List.of("") : agreementCodes)
                .param("limit", limit)
                .query(ManifestRepository::row)
                .list();
    }

    List<PersonRow> people(UUID manifestId) {
        return jdbc.sql("SELECT * FROM manifest_person WHERE manifest_id = ? ORDER BY position")
                .param(manifestId)
                .query((rs, n) -> new PersonRow(rs.getObject("referral_id", UUID.class), rs.getInt("position"),
                        rs.getString("outcome"), rs.getBoolean("open"), rs.getString("prisoner_number"),
                        rs.getString("discrepancy"), instant(rs, "handed_over_at"), rs.getString("recorded_by")))
                .list();
    }

    void depart(UUID id, Instant departedAt, String by) {
        jdbc.sql("UPDATE manifest SET status = 'DEPARTED', departed_at = ?, departure_recorded_by = ? WHERE id = ?")
                .params(utc(departedAt), by, id).update();
    }

    void arrive(UUID id, Instant arrivedAt) {
        jdbc.sql("UPDATE manifest SET status = 'ARRIVED', arrived_at = ? WHERE id = ?").params(utc(arrivedAt), id).update();
    }

    void close(UUID id, Instant at, String by) {
        jdbc.sql("UPDATE manifest SET status = 'CLOSED', closed_at = ?, closed_by = ? WHERE id = ?")
                .params(utc(at), by, id).update();
        jdbc.sql("UPDATE manifest_person SET open = FALSE WHERE manifest_id = ?").param(id).update();
    }

    void cancel(UUID id, Instant at, String reason) {
        jdbc.sql("UPDATE manifest SET status = 'CANCELLED', cancelled_at = ?, cancellation_reason = ? WHERE id = ?")
                .params(utc(at), reason, id).update();
        jdbc.sql("UPDATE manifest_person SET open = FALSE WHERE manifest_id = ?").param(id).update();
    }

    /** Records what became of one person at the gate; the row leaves the open set unless it is still pending. */
    void recordOutcome(UUID manifestId, UUID referralId, String outcome, String prisonerNumber, String handoverJson,
                       String discrepancy, Instant handedOverAt, String recordedBy, Instant recordedAt) {
        jdbc.sql("""
                        UPDATE manifest_person SET outcome = ?, prisoner_number = ?, handover = ?, discrepancy = ?,
                               handed_over_at = ?, recorded_by = ?, recorded_at = ?, open = ?
                        WHERE manifest_id = ? AND referral_id = ?""")
                .params(outcome, prisonerNumber, handoverJson, discrepancy, utc(handedOverAt), recordedBy,
                        utc(recordedAt), false, manifestId, referralId)
                .update();
    }

    /** People on dispatched manifests who have not reached the gate yet. */
    int enRoute(String facilityCode) {
        return jdbc.sql("""
                        SELECT count(*) FROM manifest_person p JOIN manifest m ON m.id = p.manifest_id
                        WHERE m.facility_code = ? AND m.status IN ('DEPARTED', 'ARRIVED') AND p.outcome = 'PENDING'""")
                .param(facilityCode).query(Integer.class).single();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        List<String> escorts = new java.util.ArrayList<>();
        CanonicalJson.read(rs.getString("escort_officers")).forEach(node -> escorts.add(node.asString()));
        return new Row(rs.getObject("id", UUID.class), rs.getString("agreement_code"), rs.getString("facility_code"),
                ManifestStatus.valueOf(rs.getString("status")), rs.getString("carrier"),
                rs.getString("transport_reference"), escorts, instant(rs, "scheduled_departure"),
                instant(rs, "scheduled_arrival"), instant(rs, "departed_at"), instant(rs, "arrived_at"),
                instant(rs, "closed_at"), instant(rs, "cancelled_at"), rs.getString("cancellation_reason"),
                rs.getString("created_by"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
