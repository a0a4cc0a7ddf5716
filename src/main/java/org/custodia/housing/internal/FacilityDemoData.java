package org.custodia.housing.internal;

import java.time.ZoneId;
import org.custodia.housing.Facility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** CECOT as reported: 8 modules of 32 cells, 80 bunks a cell (a design capacity of 20,480). */
@Component
@Profile("demo")
@Order(30)
class FacilityDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FacilityDemoData.class);

    private final FacilityStore store;

    FacilityDemoData(FacilityStore store) {
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.find("CECOT").isPresent()) {
            return;
        }
        store.createFacility(new Facility("CECOT", "Centro de Confinamiento del Terrorismo, Tecoluca", "SV", "MALE",
                ZoneId.of("America/El_Salvador")),
                8, 32, 80);
        log.info("Demo facility CECOT created: 8 modules x 32 cells x 80 places");
    }
}
