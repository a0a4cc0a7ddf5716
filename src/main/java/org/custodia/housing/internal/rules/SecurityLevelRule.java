package org.custodia.housing.internal.rules;

import java.util.List;
import org.custodia.facility.SecurityLevel;

/** A prisoner's security level may not exceed the level of the module (and cell) that holds them. */
public final class SecurityLevelRule implements HardRule {

    public static final String CODE = "SECURITY_LEVEL";

    public static boolean breaks(SecurityLevel prisoner, SecurityLevel location) {
        return prisoner.compareTo(location) > 0;
    }

    @Override
    public List<Breach> check(Placement p) {
        if (breaks(p.candidate().level(), p.cell().securityLevel())) {
            return List.of(new Breach(CODE, List.of(p.candidate().level().name(), p.cell().moduleCode(),
                    p.cell().securityLevel().name()), List.of()));
        }
        return List.of();
    }
}
