package org.custodia.billing.internal;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facility's time zone, in which prisoner-days are local dates. The one place billing asks for it: reads
 * {@code facility.time_zone} where that column exists, else America/El_Salvador. Point {@link #zoneOf} at
 * {@code Facility.zone()} once the housing module offers it.
 */
@Component
class BillingZone {

    static final ZoneId DEFAULT = ZoneId.of("America/El_Salvador");

    private final JdbcClient jdbc;
    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();
    private volatile Boolean columnExists;

    BillingZone(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ZoneId zoneOf(String facilityCode) {
        if (facilityCode == null) {
            return DEFAULT;
        }
        return zones.computeIfAbsent(facilityCode, this::read);
    }

    private ZoneId read(String facilityCode) {
        if (columnExists == null) {
            columnExists = jdbc.sql("""
                    SELECT count(*) FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = 'facility' AND column_name = 'time_zone'""")
                    .query(Long.class).single() > 0;
        }
        if (!columnExists) {
            return DEFAULT;
        }
        return jdbc.sql("SELECT time_zone FROM facility WHERE code = ?").param(facilityCode).query(String.class)
                .optional().filter(z -> z != null && !z.isBlank()).map(ZoneId::of).orElse(DEFAULT);
    }
}
