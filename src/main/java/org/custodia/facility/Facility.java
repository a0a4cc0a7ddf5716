package org.custodia.facility;

import java.time.ZoneId;

/**
 * A prison: its code, its name, the party that runs it, the sex of its population and its time zone, in which
 * every "today" of the facility is taken (admission day, roll count, dates in the console).
 */
public record Facility(String code, String name, String partyCode, String sex, ZoneId zone) {
}
