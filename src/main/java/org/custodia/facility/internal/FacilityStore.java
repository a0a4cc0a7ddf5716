package org.custodia.facility.internal;

import java.time.ZoneId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodia.common.ApiException;
import org.custodia.facility.CellAttribute;
import org.custodia.facility.Facilities;
import org.custodia.facility.Facility;
import org.custodia.facility.FacilityProblem;
import org.custodia.facility.InactiveReason;
import org.custodia.facility.Location;
import org.custodia.facility.SecurityLevel;
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
    public Facility require(String code) {
        return find(code).orElseThrow(() -> new ApiException(FacilityProblem.FACILITY_NOT_FOUND, "No facility " + code));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Facility> all() {
        return jdbc.sql("SELECT code, name, party_code, sex, time_zone FROM facility ORDER BY code")
                .query((rs, n) -> new Facility(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        ZoneId.of(rs.getString(5))))
                .list();
    }

    private record Row(UUID id, String code, String kind, UUID parentId, int working, int max, boolean active,
                       int cna, SecurityLevel level, Set<CellAttribute> attributes, InactiveReason reason) {
    }

    @Override
    @Transactional(readOnly = true)
    public List<Location> locations(String facilityCode) {
        List<Row> rows = jdbc.sql("""
                        SELECT id, code, kind, parent_id, working_capacity, max_capacity, active,
                               certified_normal_accommodation, security_level, attributes, inactive_reason
                        FROM location WHERE facility_code = ?""")
                .param(facilityCode)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getInt(5), rs.getInt(6), rs.getBoolean(7), rs.getInt(8),
                        SecurityLevel.valueOf(rs.getString(9)), attributes(rs), reason(rs.getString(11))))
                .list();
        Map<UUID, Row> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        Map<UUID, int[]> sums = new HashMap<>();
        for (Row r : rows) {
            if (!"CELL".equals(r.kind()) || !r.active()) {
                continue;
            }
            for (UUID p = r.parentId(); p != null; p = byId.get(p).parentId()) {
                int[] s = sums.computeIfAbsent(p, k -> new int[3]);
                s[0] += r.working();
                s[1] += r.max();
                s[2] += r.cna();
            }
        }
        List<Location> units = new ArrayList<>();
        List<Location> cells = new ArrayList<>();
        for (Row r : rows) {
            Row top = r;
            boolean active = r.active();
            while (top.parentId() != null) {
                top = byId.get(top.parentId());
                active &= top.active();
            }
            String parent = r.parentId() == null ? null : byId.get(r.parentId()).code();
            boolean cell = "CELL".equals(r.kind());
            int[] s = cell ? new int[] {r.working(), r.max(), r.cna()} : sums.getOrDefault(r.id(), new int[3]);
            // the level is the strictest limit on the way up: a unit never holds more than its parent allows
            SecurityLevel level = r.level();
            for (Row up = r; up != null; up = up.parentId() == null ? null : byId.get(up.parentId())) {
                level = up.level().compareTo(level) < 0 ? up.level() : level;
            }
            Location l = new Location(r.id(), facilityCode, r.code(), r.kind(), parent, s[0], s[1], active, s[2],
                    top.code(), level, r.attributes(), r.reason());
            (cell ? cells : units).add(l);
        }
        units.sort(java.util.Comparator.comparing(Location::code));
        cells.sort(java.util.Comparator.comparing(Location::code));
        List<Location> all = new ArrayList<>(units);
        all.addAll(cells);
        return all;
    }

    private static Set<CellAttribute> attributes(ResultSet rs) throws SQLException {
        Array array = rs.getArray(10);
        Set<CellAttribute> set = EnumSet.noneOf(CellAttribute.class);
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                set.add(CellAttribute.valueOf((String) o));
            }
        }
        return set;
    }

    private static InactiveReason reason(String s) {
        if (s == null) {
            return null;
        }
        try {
            return InactiveReason.valueOf(s);
        } catch (IllegalArgumentException e) {
            return InactiveReason.OTHER;
        }
    }

    @Override
    public void lockHousing(String facilityCode) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('housing:' || ?))").param(facilityCode).query((rs, n) -> 1).list();
    }

    /** One unit of a new facility: its code, cells, places a cell, security level and the attributes of its cells. */
    record UnitPlan(String code, int cells, int places, SecurityLevel level, Set<CellAttribute> attributes) {
    }

    /** Creates a facility with its units and cells, all in one go, ledgered once. */
    @Transactional
    void createFacility(Facility facility, List<UnitPlan> units) {
        jdbc.sql("INSERT INTO facility (code, name, party_code, sex, time_zone) VALUES (?, ?, ?, ?, ?)")
                .params(facility.code(), facility.name(), facility.partyCode(), facility.sex(), facility.zone().getId())
                .update();
        units.forEach(unit -> insertUnit(facility.code(), unit));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("facility", facility);
        payload.put("units", units);
        ledger.append("FACILITY_CREATED", "FACILITY", facility.code(), payload);
    }

    /** Adds a unit with its cells to a facility, ledgered. */
    @Transactional
    void addUnit(String facilityCode, UnitPlan unit) {
        insertUnit(facilityCode, unit);
        ledger.append("LOCATION_UNIT_ADDED", "FACILITY", facilityCode, unit);
    }

    private void insertUnit(String facilityCode, UnitPlan unit) {
        {
            UUID moduleId = UUID.randomUUID();
            jdbc.sql("INSERT INTO location (id, facility_code, code, kind, security_level) VALUES (?, ?, ?, 'MODULE', ?)")
                    .params(moduleId, facilityCode, unit.code(), unit.level().name()).update();
            String[] attributes = unit.attributes().stream().map(Enum::name).sorted().toArray(String[]::new);
            for (int c = 1; c <= unit.cells(); c++) {
                jdbc.sql("""
                                INSERT INTO location (id, facility_code, parent_id, code, kind, working_capacity, max_capacity,
                                                      certified_normal_accommodation, security_level, attributes)
                                VALUES (?, ?, ?, ?, 'CELL', ?, ?, ?, ?, ?)""")
                        .params(UUID.randomUUID(), facilityCode, moduleId, "%s-C%02d".formatted(unit.code(), c),
                                unit.places(), unit.places(), unit.places(), unit.level().name(), attributes)
                        .update();
            }
        }
    }
}
