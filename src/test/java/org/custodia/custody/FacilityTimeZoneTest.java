package org.custodia.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The facility's time zone is data: "today" (arrivals and releases of the roll count, the year of the number) is the
 * facility's own day, whatever the zone of the server or of another facility.
 */
class FacilityTimeZoneTest extends CustodyTestSupport {

    @Test
    void theRollCountsTodayInTheFacilitysOwnZone() {
        for (ZoneId zone : List.of(ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Pacific/Pago_Pago"))) {
            String facility = newFacility(1, 1, 10, zone);
            Instant midnight = LocalDate.ofInstant(now(), zone).atStartOfDay(zone).toInstant();
            // one just before the facility's midnight (yesterday there), one just after (today), if that is past
            Instant lateYesterday = midnight.minus(Duration.ofMinutes(1));
            Instant earlyToday = midnight.plusSeconds(1).isBefore(now()) ? midnight.plusSeconds(1) : now();
            String yesterday = admit(command(facility, "Ayer", "Tarde", List.of("SV"), null, lateYesterday));
            String today = admit(command(facility, "Hoy", "Temprano", List.of("SV"), null, earlyToday));

            JsonNode roll = as("custody").get("/api/v1/facilities/" + facility + "/roll-count").json();
            assertThat(roll.get("zone").asString()).isEqualTo(zone.getId());
            assertThat(roll.get("date").asString()).isEqualTo(LocalDate.ofInstant(now(), zone).toString());
            assertThat(roll.get("population").asInt()).isEqualTo(2);
            assertThat(roll.get("arrivedToday").asInt()).as("%s: only %s arrived today", zone, today).isEqualTo(1);
            assertThat(yesterday).startsWith(facility + "-" + LocalDate.ofInstant(lateYesterday, zone).getYear() + "-");
        }
    }
}
