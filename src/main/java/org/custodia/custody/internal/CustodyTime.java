package org.custodia.custody.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.custodia.common.Validation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Now", "today" in a facility's zone, and the rule that a record may lie in the past but never in the future
 * (two minutes of clock skew allowed).
 */
@Component
class CustodyTime {

    static final Duration SKEW = Duration.ofMinutes(2);
    /** The zone of each facility; others use {@code custodia.custody.default-zone}. */
    private static final Map<String, ZoneId> ZONES = Map.of("CECOT", ZoneId.of("America/El_Salvador"));

    private final Clock clock;
    private final ZoneId defaultZone;

    CustodyTime(Clock clock, @Value("${custodia.custody.default-zone:America/El_Salvador}") String defaultZone) {
        this.clock = clock;
        this.defaultZone = ZoneId.of(defaultZone);
    }

    Instant now() {
        return clock.instant();
    }

    ZoneId zoneOf(String facilityCode) {
        return ZONES.getOrDefault(facilityCode, defaultZone);
    }

    LocalDate today(String facilityCode) {
        return LocalDate.ofInstant(clock.instant(), zoneOf(facilityCode));
    }

    /** The first instant of today and of tomorrow in the facility's zone. */
    Instant[] todayBounds(String facilityCode) {
        ZonedDateTime start = today(facilityCode).atStartOfDay(zoneOf(facilityCode));
        return new Instant[] {start.toInstant(), start.plusDays(1).toInstant()};
    }

    LocalDate defaultToday() {
        return LocalDate.ofInstant(clock.instant(), defaultZone);
    }

    boolean isFuture(Instant instant) {
        return instant != null && instant.isAfter(clock.instant().plus(SKEW));
    }

    void notFuture(Instant instant, String field, Validation v) {
        if (isFuture(instant)) {
            v.add(field, "IN_FUTURE", field + " lies in the future; records may be written after the fact, never before");
        }
    }

    void notFuture(LocalDate date, String field, String facilityCode, Validation v) {
        if (date != null && date.isAfter(today(facilityCode))) {
            v.add(field, "IN_FUTURE", field + " lies in the future");
        }
    }
}
