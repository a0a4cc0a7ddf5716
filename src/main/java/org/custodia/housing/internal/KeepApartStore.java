package org.custodia.housing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodia.housing.internal.rules.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keep-apart records and their history. */
@Repository
class KeepApartStore {

    /** An open record as the rules read it. */
    record Pair(UUID id, String a, String b, Scope scope, String reason) {
    }

    record Row(UUID id, String prisonerA, String prisonerB, String roleA, String roleB, String reason, Scope scope,
               String comment, String authorisedBy, String source, String status, Instant createdAt, String createdBy,
               Instant updatedAt) {
    }

    record Event(String action, Instant at, String by, String why) {
    }

    private final JdbcClient jdbc;

    KeepApartStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("prisoner_a"), rs.getString("prisoner_b"),
                rs.getString("role_a"), rs.getString("role_b"), rs.getString("reason"), Scope.valueOf(rs.getString("scope")),
                rs.getString("comment"), rs.getString("authorised_by"), rs.getString("source"), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** Open records with both people among {@code numbers}. */
    List<Pair> openBetween(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        String[] array = numbers.toArray(String[]::new);
        return jdbc.sql("""
                        SELECT id, prisoner_a, prisoner_b, scope, reason FROM keep_apart
                        WHERE status = 'OPEN' AND prisoner_a = ANY (?) AND prisoner_b = ANY (?)""")
                .params(array, array)
                .query((rs, n) -> new Pair(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Scope.valueOf(rs.getString(4)), rs.getString(5)))
                .list();
    }

    /** Open records whose two people are both on the roll of the facility. */
    List<Pair> openInFacility(String facilityCode) {
        return jdbc.sql("""
                        SELECT k.id, k.prisoner_a, k.prisoner_b, k.scope, k.reason FROM keep_apart k
                        JOIN prisoner a ON a.prisoner_number = k.prisoner_a JOIN prisoner b ON b.prisoner_number = k.prisoner_b
                        WHERE k.status = 'OPEN' AND a.facility_code = ? AND b.facility_code = ?
                          AND a.status <> 'RELEASED' AND b.status <> 'RELEASED'""")
                .params(facilityCode, facilityCode)
                .query((rs, n) -> new Pair(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Scope.valueOf(rs.getString(4)), rs.getString(5)))
                .list();
    }

    /** Records with both people among {@code numbers}, any status, newest first. */
    List<Row> between(Collection<String> numbers) {
        String[] array = numbers.toArray(String[]::new);
        return jdbc.sql("SELECT * FROM keep_apart WHERE prisoner_a = ANY (?) AND prisoner_b = ANY (?) ORDER BY created_at DESC")
                .params(array, array).query(KeepApartStore::map).list();
    }

    /** Records involving one person, any status, newest first. */
    List<Row> involving(String number) {
        return jdbc.sql("SELECT * FROM keep_apart WHERE prisoner_a = ? OR prisoner_b = ? ORDER BY created_at DESC")
                .params(number, number).query(KeepApartStore::map).list();
    }

    /** The most recent records, for the console. */
    List<Row> recent(int limit) {
        return jdbc.sql("SELECT * FROM keep_apart ORDER BY updated_at DESC LIMIT ?").param(limit)
                .query(KeepApartStore::map).list();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT * FROM keep_apart WHERE id = ?").param(id).query(KeepApartStore::map).optional();
    }

    Optional<Row> lock(UUID id) {
        return jdbc.sql("SELECT * FROM keep_apart WHERE id = ? FOR UPDATE").param(id).query(KeepApartStore::map).optional();
    }

    Optional<Row> openFor(String a, String b) {
        return jdbc.sql("SELECT * FROM keep_apart WHERE prisoner_a = ? AND prisoner_b = ? AND status = 'OPEN'")
                .params(a, b).query(KeepApartStore::map).optional();
    }

    void insert(Row r) {
        jdbc.sql("""
                        INSERT INTO keep_apart (id, prisoner_a, prisoner_b, role_a, role_b, reason, scope, comment,
                                                authorised_by, source, status, created_at, created_by, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.prisonerA(), r.prisonerB(), r.roleA(), r.roleB(), r.reason(), r.scope().name(),
                        r.comment(), r.authorisedBy(), r.source(), r.status(), ts(r.createdAt()), r.createdBy(),
                        ts(r.updatedAt()))
                .update();
    }

    void setStatus(UUID id, String status, Instant at) {
        jdbc.sql("UPDATE keep_apart SET status = ?, updated_at = ? WHERE id = ?").params(status, ts(at), id).update();
    }

    void event(UUID recordId, String action, Instant at, String by, String why) {
        jdbc.sql("INSERT INTO keep_apart_event (id, keep_apart_id, action, at, by_user, why) VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), recordId, action, ts(at), by, why).update();
    }

    List<Event> history(UUID recordId) {
        return jdbc.sql("SELECT action, at, by_user, why FROM keep_apart_event WHERE keep_apart_id = ? ORDER BY at, action DESC")
                .param(recordId)
                .query((rs, n) -> new Event(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
                .list();
    }

    static java.sql.Timestamp ts(Instant i) {
        return i == null ? null : java.sql.Timestamp.from(i);
    }
}
