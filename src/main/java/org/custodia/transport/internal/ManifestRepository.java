package org.custodia.transport.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodia.common.CanonicalJson;
import org.custodia.transport.ManifestStatus;
import org.custodia.transport.internal.Manifest.Discrepancy;
import org.custodia.transport.internal.Manifest.Passenger;
import org.custodia.transport.internal.Manifest.PassengerOutcome;
import org.custodia.transport.internal.Manifest.Traveller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loads a {@link Manifest} with everyone on it in one query, and writes what its transitions changed. */
@Repository
class ManifestRepository {

    private static final String SELECT = """
            SELECT m.*, p.referral_id, p.position, p.outcome, p.open, p.prisoner_number, p.discrepancy, p.handed_over_at,
                   p.recorded_by, p.external_reference, p.given_names, p.family_names, p.nationalities
            FROM manifest m LEFT JOIN manifest_person p ON p.manifest_id = m.id
            """;

    private final JdbcClient jdbc;

    ManifestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Manifest m) {
        jdbc.sql("""
                        INSERT INTO manifest (id, agreement_code, facility_code, status, carrier, transport_reference,
                                              escort_officers, scheduled_departure, scheduled_arrival, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.agreementCode(), m.facilityCode(), m.status().name(), m.carrier(), m.transportReference(),
                        CanonicalJson.write(m.escortOfficers()), utc(m.scheduledDeparture()), utc(m.scheduledArrival()),
                        m.createdBy(), utc(m.createdAt()))
                .update();
        for (Passenger p : m.people()) {
            jdbc.sql("""
                            INSERT INTO manifest_person (manifest_id, referral_id, position, external_reference, given_names,
                                                         family_names, nationalities)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(m.id(), p.referralId(), p.position(), p.externalReference(), p.givenNames(), p.familyNames(),
                            CanonicalJson.write(p.traveller().nationalities()))
                    .update();
        }
    }

    /** Writes the manifest's state and the people whose outcome changed. */
    void save(Manifest m) {
        jdbc.sql("""
                        UPDATE manifest SET status = ?, departed_at = ?, departure_recorded_by = ?, arrived_at = ?,
                               closed_at = ?, closed_by = ?, cancelled_at = ?, cancellation_reason = ?
                        WHERE id = ?""")
                .params(m.status().name(), utc(m.departedAt()), m.departureRecordedBy(), utc(m.arrivedAt()),
                        utc(m.closedAt()), m.closedBy(), utc(m.cancelledAt()), m.cancellationReason(), m.id())
                .update();
        for (Passenger p : m.people()) {
            if (!p.changed()) {
                continue;
            }
            jdbc.sql("""
                            UPDATE manifest_person SET outcome = ?, open = ?, prisoner_number = coalesce(?, prisoner_number),
                                   handover = coalesce(?, handover), discrepancy = coalesce(?, discrepancy),
                                   handed_over_at = coalesce(?, handed_over_at), recorded_by = coalesce(?, recorded_by),
                                   recorded_at = coalesce(?, recorded_at)
                            WHERE manifest_id = ? AND referral_id = ?""")
                    .params(p.outcome().name(), p.open(), p.prisonerNumber(), p.handoverJson(),
                            p.discrepancy() == null ? null : CanonicalJson.write(p.discrepancy()), utc(p.handedOverAt()),
                            p.recordedBy(), utc(p.recordedAt()), m.id(), p.referralId())
                    .update();
        }
    }

    /** The manifest an open manifest already carries this referral on, if any. */
    Optional<UUID> openManifestOf(UUID referralId) {
        return jdbc.sql("SELECT manifest_id FROM manifest_person WHERE referral_id = ? AND open")
                .param(referralId).query(UUID.class).optional();
    }

    Optional<Manifest> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE m.id = ? ORDER BY p.position").param(id).query(ManifestRepository::manifests)
                .stream().findFirst();
    }

    /** Locks the manifest for the rest of the transaction: transitions of one manifest take turns. */
    Optional<Manifest> lock(UUID id) {
        return jdbc.sql(SELECT + " WHERE m.id = ? ORDER BY p.position FOR UPDATE OF m").param(id)
                .query(ManifestRepository::manifests).stream().findFirst();
    }

    /** The newest manifests with everyone on them, in one query. */
    List<Manifest> list(ManifestStatus status, List<String> agreementCodes, int limit) {
        return jdbc.sql(SELECT + """
                        WHERE m.id IN (SELECT id FROM manifest
                                       WHERE (CAST(:status AS TEXT) IS NULL OR status = :status)
                                         AND (CAST(:restricted AS BOOLEAN) = FALSE OR agreement_code IN (:codes))
                                       ORDER BY scheduled_departure DESC LIMIT :limit)
                        ORDER BY m.scheduled_departure DESC, m.id, p.position""")
                .param("status", status == null ? null : status.name())
                .param("restricted", agreementCodes != null)
                .param("codes", agreementCodes == null || agreementCodes.isEmpty() ? List.of("") : agreementCodes)
                .param("limit", limit)
                .query(ManifestRepository::manifests);
    }

    /** People on dispatched manifests who have not reached the gate yet. */
    int enRoute(String facilityCode) {
        return jdbc.sql("""
                        SELECT count(*) FROM manifest_person p JOIN manifest m ON m.id = p.manifest_id
                        WHERE m.facility_code = ? AND m.status IN ('DEPARTED', 'ARRIVED') AND p.outcome = 'PENDING'""")
                .param(facilityCode).query(Integer.class).single();
    }

    private static List<Manifest> manifests(ResultSet rs) throws SQLException {
        Map<UUID, Manifest> manifests = new LinkedHashMap<>();
        Map<UUID, List<Passenger>> people = new LinkedHashMap<>();
        while (rs.next()) {
            UUID id = rs.getObject("id", UUID.class);
            if (!manifests.containsKey(id)) {
                List<String> escorts = new ArrayList<>();
                CanonicalJson.read(rs.getString("escort_officers")).forEach(node -> escorts.add(node.asString()));
                List<Passenger> onBoard = new ArrayList<>();
                people.put(id, onBoard);
                manifests.put(id, new Manifest(id, rs.getString("agreement_code"), rs.getString("facility_code"),
                        ManifestStatus.valueOf(rs.getString("status")), rs.getString("carrier"),
                        rs.getString("transport_reference"), escorts, instant(rs, "scheduled_departure"),
                        instant(rs, "scheduled_arrival"), instant(rs, "departed_at"),
                        rs.getString("departure_recorded_by"), instant(rs, "arrived_at"), instant(rs, "closed_at"),
                        rs.getString("closed_by"), instant(rs, "cancelled_at"), rs.getString("cancellation_reason"),
                        rs.getString("created_by"), instant(rs, "created_at"), onBoard));
            }
            UUID referralId = rs.getObject("referral_id", UUID.class);
            if (referralId != null) {
                people.get(id).add(passenger(rs, referralId));
            }
        }
        return List.copyOf(manifests.values());
    }

    private static Passenger passenger(ResultSet rs, UUID referralId) throws SQLException {
        List<String> nationalities = new ArrayList<>();
        CanonicalJson.read(rs.getString("nationalities")).forEach(node -> nationalities.add(node.asString()));
        String d = rs.getString("discrepancy");
        Discrepancy discrepancy = null;
        if (d != null) {
            var node = CanonicalJson.read(d);
            discrepancy = new Discrepancy(node.path("kind").asString(), node.path("details").asString());
        }
        return new Passenger(new Traveller(referralId, rs.getString("external_reference"), rs.getString("given_names"),
                rs.getString("family_names"), nationalities), rs.getInt("position"),
                PassengerOutcome.valueOf(rs.getString("outcome")), rs.getBoolean("open"), rs.getString("prisoner_number"),
                discrepancy, instant(rs, "handed_over_at"), rs.getString("recorded_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
