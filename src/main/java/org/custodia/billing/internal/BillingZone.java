package org.custodia.billing.internal;

import java.time.ZoneId;
import org.custodia.facility.Facilities;
import org.custodia.facility.Facility;
import org.springframework.stereotype.Component;

/**
 * The facility's time zone, in which prisoner-days are local dates: the one place billing asks for it
 * ({@link Facility#zone()}; America/El_Salvador for an unknown facility).
 */
@Component
class BillingZone {

    static final ZoneId DEFAULT = ZoneId.of("America/El_Salvador");

    private final Facilities facilities;

    BillingZone(Facilities facilities) {
        this.facilities = facilities;
    }

    ZoneId zoneOf(String facilityCode) {
        if (facilityCode == null) {
            return DEFAULT;
        }
        return facilities.find(facilityCode).map(Facility::zone).orElse(DEFAULT);
    }
}
