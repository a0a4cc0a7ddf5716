package org.custodia.custody.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.custodia.custody.CustodyDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One statement: each stay becomes a {@code daterange} [admitted, released) in the zone's local dates (at least one
 * day long), intersected with each window; the days are the length of the intersection.
 */
@Component
class JdbcCustodyDays implements CustodyDays {

    private final JdbcClient jdbc;

    JdbcCustodyDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Stay> stays(String agreementCode, ZoneId zone, List<Window> windows) {
        if (windows.isEmpty()) {
            return List.of();
        }
        LocalDate first = windows.stream().map(Window::firstDay).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = windows.stream().map(Window::lastDay).max(Comparator.naturalOrder()).orElseThrow();
        String[] keys = windows.stream().map(Window::key).toArray(String[]::new);
        String[] firsts = windows.stream().map(w -> w.firstDay().toString()).toArray(String[]::new);
        String[] lasts = windows.stream().map(w -> w.lastDay().toString()).toArray(String[]::new);
        String[] levels = windows.stream().map(Window::securityLevel).toArray(String[]::new);
        String tz = zone.getId();
        return jdbc.sql("""
                        WITH w AS (
                          SELECT key, first_day::date AS first_day, last_day::date AS last_day, level
                          FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS u(key, first_day, last_day, level)
                        ), s AS (
                          SELECT p.id, p.prisoner_number, r.external_reference, p.security_level,
                                 (p.admitted_at AT TIME ZONE ?)::date AS admitted_on,
                                 (p.released_at AT TIME ZONE ?)::date AS released_on
                          FROM prisoner p LEFT JOIN referral r ON r.id = p.referral_id
                          WHERE p.agreement_code = ? AND p.admitted_at < ? AND (p.released_at IS NULL OR p.released_at >= ?)
                        ), d AS (
                          SELECT w.key, s.*,
                                 daterange(s.admitted_on, CASE WHEN s.released_on IS NULL THEN NULL
                                                               ELSE greatest(s.released_on, s.admitted_on + 1) END)
                                 * daterange(w.first_day, w.last_day + 1) AS billed
                          FROM s JOIN w ON w.level IS NULL OR w.level = s.security_level
                        ), e AS (
                          SELECT e.prisoner_id,
                                 (array_agg(e.id ORDER BY e.occurred_at) FILTER (WHERE e.type = 'ADMISSION'))[1] AS admission_event,
                                 (array_agg(e.id ORDER BY e.occurred_at DESC) FILTER (WHERE e.type = 'RELEASE'))[1] AS release_event
                          FROM prisoner_event e
                          WHERE e.type IN ('ADMISSION', 'RELEASE') AND e.prisoner_id IN (SELECT id FROM s)
                          GROUP BY e.prisoner_id
                        )
                        SELECT d.key, d.id, d.prisoner_number, d.external_reference, d.security_level, d.admitted_on,
                               d.released_on, lower(d.billed) AS first_day, upper(d.billed) - 1 AS last_day,
                               upper(d.billed) - lower(d.billed) AS days, e.admission_event, e.release_event
                        FROM d LEFT JOIN e ON e.prisoner_id = d.id WHERE NOT isempty(d.billed)
                        ORDER BY d.prisoner_number, lower(d.billed), d.key""")
                .params(keys, firsts, lasts, levels, tz, tz, agreementCode,
                        last.plusDays(2).atStartOfDay().atOffset(ZoneOffset.UTC),
                        first.minusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Stay(rs.getString("key"), rs.getObject("id", UUID.class),
                        rs.getString("prisoner_number"), rs.getString("external_reference"), rs.getString("security_level"),
                        rs.getObject("admitted_on", LocalDate.class), rs.getObject("released_on", LocalDate.class),
                        rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                        rs.getInt("days"), rs.getObject("admission_event", UUID.class),
                        rs.getObject("release_event", UUID.class)))
                .list();
    }
}
