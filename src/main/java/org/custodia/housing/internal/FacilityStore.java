package org.custodia.housing.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodia.housing.Facilities;
import org.custodia.housing.Facility;
import org.custodia.housing.Location;
import org.custodia.ledger.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class FacilityStore implements Facilities {

    private final JdbcClient jdbc;
    private final Ledger ledger;

    FacilityStore(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Facility> find(String code) {
        return jdbc.sql("SELECT code, name, party_code, sex, time_zone FROM facility WHERE code = ?").param(code)
                .query((rs, n) -> new Facility(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        ZoneId.of(rs.getString(5))))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Location> locations(String facilityCode) {
        return jdbc.sql("""
                        SELECT l.id, l.facility_code, l.code, l.kind, p.code AS parent_code, l.working_capacity,
                               l.max_capacity, l.active
                        FROM location l LEFT JOIN location p ON p.id = l.parent_id
                        WHERE l.facility_code = ?
                        ORDER BY l.kind DESC, l.code""")
                .param(facilityCode)
                .query((rs, n) -> new Location(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getBoolean(8)))
                .list();
    }

    /** Creates a facility of {@code modules} modules with {@code cellsPerModule} cells each, all in one go. */
    @Transactional
    void createFacility(Facility facility, int modules, int cellsPerModule, int cellCapacity) {
        jdbc.sql("INSERT INTO facility (code, name, party_code, sex, time_zone) VALUES (?, ?, ?, ?, ?)")
                .params(facility.code(), facility.name(), facility.partyCode(), facility.sex(), facility.zone().getId())
                .update();
        for (int m = 1; m <= modules; m++) {
            UUID moduleId = UUID.randomUUID();
            String moduleCode = "M" + m;
            jdbc.sql("INSERT INTO location (id, facility_code, code, kind) VALUES (?, ?, ?, 'MODULE')")
                    .params(moduleId, facility.code(), moduleCode).update();
            for (int c = 1; c <= cellsPerModule; c++) {
                jdbc.sql("""
                                INSERT INTO location (id, facility_code, parent_id, code, kind, working_capacity, max_capacity)
                                VALUES (?, ?, ?, ?, 'CELL', ?, ?)""")
                        .params(UUID.randomUUID(), facility.code(), moduleId, "%s-C%02d".formatted(moduleCode, c),
                                cellCapacity, cellCapacity)
                        .update();
            }
        }
        ledger.append("FACILITY_CREATED", "FACILITY", facility.code(), Map.of("facility", facility, "modules", modules,
                "cellsPerModule", cellsPerModule, "cellWorkingCapacity", cellCapacity));
    }
}
