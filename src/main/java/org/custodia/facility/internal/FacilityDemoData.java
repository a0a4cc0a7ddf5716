package org.custodia.facility.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.custodia.facility.CellAttribute;
import org.custodia.facility.Facility;
import org.custodia.facility.SecurityLevel;
import org.custodia.facility.internal.FacilityStore.UnitPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * CECOT as reported: 8 modules of 32 cells, 80 bunks a cell (a design capacity of 20,480), plus a segregation block
 * (16 single cells) and a medical block (8 accessible wards of 10 beds).
 */
@Component
@Profile("demo")
@Order(30)
class FacilityDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FacilityDemoData.class);

    static final UnitPlan SEGREGATION = new UnitPlan("SEG", 16, 1, SecurityLevel.MAXIMUM, Set.of(CellAttribute.SEGREGATION));
    static final UnitPlan MEDICAL = new UnitPlan("MED", 8, 10, SecurityLevel.MAXIMUM,
            EnumSet.of(CellAttribute.MEDICAL, CellAttribute.ACCESSIBLE));

    private final FacilityStore store;

    FacilityDemoData(FacilityStore store) {
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.find("CECOT").isEmpty()) {
            List<UnitPlan> units = new ArrayList<>();
            for (int m = 1; m <= 8; m++) {
                units.add(new UnitPlan("M" + m, 32, 80, SecurityLevel.MAXIMUM, Set.of()));
            }
            units.add(SEGREGATION);
            units.add(MEDICAL);
            store.createFacility(new Facility("CECOT", "Centro de Confinamiento del Terrorismo, Tecoluca", "SV", "MALE",
                            ZoneId.of("America/El_Salvador")),
                    units);
            log.info("Demo facility CECOT created: 8 modules x 32 cells x 80 places, a segregation and a medical block");
            return;
        }
        // a data directory of an earlier version: add the blocks it lacks
        for (UnitPlan unit : List.of(SEGREGATION, MEDICAL)) {
            if (store.locations("CECOT").stream().noneMatch(l -> l.code().equals(unit.code()))) {
                store.addUnit("CECOT", unit);
            }
        }
    }
}
