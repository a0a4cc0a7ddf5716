package org.custodia.housing.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.custodia.custody.PrisonerCells;
import org.custodia.facility.Facilities;
import org.custodia.facility.Facility;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a {@link HousingState}: one read of the structure, the roll, the needs, the keep-apart records and the matrix.
 * "Today" (for the ages of Mandela Rule 11) is the facility's local date, not UTC's.
 */
@Component
class HousingStates {

    private final Facilities facilities;
    private final PrisonerCells prisoners;
    private final RuleStore rules;
    private final KeepApartStore keepApart;
    private final Clock clock;

    HousingStates(Facilities facilities, PrisonerCells prisoners, RuleStore rules, KeepApartStore keepApart, Clock clock) {
        this.facilities = facilities;
        this.prisoners = prisoners;
        this.rules = rules;
        this.keepApart = keepApart;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    HousingState load(String facilityCode) {
        Facility facility = facilities.require(facilityCode);
        return new HousingState(facility, facilities.locations(facility.code()), prisoners.onRoll(facility.code()),
                rules.needsInFacility(facility.code()), keepApart.openInFacility(facility.code()),
                rules.matrix(facility.code()), LocalDate.now(clock.withZone(facility.zone())));
    }
}
