package org.custodia.facility;

/** A prison: its code, its name, the party that runs it and the sex of its population. */
public record Facility(String code, String name, String partyCode, String sex) {
}
