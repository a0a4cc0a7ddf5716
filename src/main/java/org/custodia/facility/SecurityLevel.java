package org.custodia.facility;

/** Security levels, from the least to the most secure. */
public enum SecurityLevel {
    MINIMUM, MEDIUM, HIGH, MAXIMUM;

    /** The level of that name; an unknown or missing one counts as MAXIMUM (the strictest reading). */
    public static SecurityLevel parse(String name) {
        if (name != null) {
            for (SecurityLevel level : values()) {
                if (level.name().equalsIgnoreCase(name.trim())) {
                    return level;
                }
            }
        }
        return MAXIMUM;
    }
}
