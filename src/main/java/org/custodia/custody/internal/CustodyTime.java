package org.custodia.custody.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.custodia.facility.Facilities;
import org.springframework.stereotype.Component;

/**
 * "Now", and "today" in a facility's own time zone (a field of the facility). Whether a time lies in the future is
 * {@link org.custodia.common.NotInFuture}'s rule.
 */
@Component
class CustodyTime {

    private final Clock clock;
    private final Facilities facilities;

    CustodyTime(Clock clock, Facilities facilities) {
        this.clock = clock;
        this.facilities = facilities;
    }

    Instant now() {
        return clock.instant();
    }

    Clock clock() {
        return clock;
    }

    ZoneId zoneOf(String facilityCode) {
        return facilities.require(facilityCode).zone();
    }

    LocalDate today(String facilityCode) {
        return LocalDate.ofInstant(clock.instant(), zoneOf(facilityCode));
    }

    LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The first instant of today and of tomorrow in the facility's zone. */
    Instant[] todayBounds(String facilityCode) {
        ZoneId zone = zoneOf(facilityCode);
        ZonedDateTime start = today(zone).atStartOfDay(zone);
        return new Instant[] {start.toInstant(), start.plusDays(1).toInstant()};
    }
}
