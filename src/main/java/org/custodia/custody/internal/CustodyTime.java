package org.custodia.custody.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.custodia.housing.Facilities;
import org.custodia.housing.Facility;
import org.custodia.housing.HousingProblem;
import org.custodia.common.ApiException;
import org.custodia.common.NotInFuture;
import org.custodia.common.Validation;
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
        return facilities.find(facilityCode).map(Facility::zone)
                .orElseThrow(() -> new ApiException(HousingProblem.FACILITY_NOT_FOUND, "No facility " + facilityCode));
    }

    LocalDate today(String facilityCode) {
        return LocalDate.ofInstant(clock.instant(), zoneOf(facilityCode));
    }

    LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Only for the cell move, which the housing module takes over: the rule is {@link NotInFuture}'s. */
    void notFuture(Instant instant, String field, Validation v) {
        if (NotInFuture.Rule.inFuture(instant, clock)) {
            v.add(field, "IN_FUTURE", field + " lies in the future; records may be written after the fact, never before");
        }
    }

    /** The first instant of today and of tomorrow in the facility's zone. */
    Instant[] todayBounds(String facilityCode) {
        ZoneId zone = zoneOf(facilityCode);
        ZonedDateTime start = today(zone).atStartOfDay(zone);
        return new Instant[] {start.toInstant(), start.plusDays(1).toInstant()};
    }
}
