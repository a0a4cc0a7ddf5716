package org.custodia.facility.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodia.common.ApiException;
import org.custodia.common.Validation;
import org.custodia.facility.BedsInUse;
import org.custodia.facility.CellAttribute;
import org.custodia.facility.Facility;
import org.custodia.facility.FacilityProblem;
import org.custodia.facility.Location;
import org.custodia.facility.LocationKind;
import org.custodia.facility.SecurityLevel;
import org.custodia.ledger.Ledger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** ADMIN's edits of the structure: every change ledgered, no capacity below the beds in use. */
@Service
class StructureService {

    private final FacilityStore store;
    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ObjectProvider<BedsInUse> beds;

    StructureService(FacilityStore store, JdbcClient jdbc, Ledger ledger, ObjectProvider<BedsInUse> beds) {
        this.store = store;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.beds = beds;
    }

    List<Facility> facilities() {
        return store.all();
    }

    List<Location> locations(String facilityCode) {
        return store.locations(store.require(facilityCode).code());
    }

    private Location location(String facilityCode, String code) {
        return store.locations(facilityCode).stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> new ApiException(FacilityProblem.LOCATION_NOT_FOUND, "No location " + code + " in " + facilityCode));
    }

    private static String[] array(Set<CellAttribute> attributes) {
        return attributes == null ? new String[0] : attributes.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    @Transactional
    Location add(String facilityCode, StructureController.NewLocation r) {
        Facility facility = store.require(facilityCode);
        store.lockHousing(facility.code());
        boolean cell = r.kind() == LocationKind.CELL;
        Validation v = new Validation();
        UUID parentId = null;
        if (r.parentCode() != null) {
            Location parent = store.locations(facility.code()).stream().filter(l -> l.code().equals(r.parentCode()))
                    .findFirst().orElse(null);
            if (parent == null) {
                v.add("parentCode", "UNKNOWN_LOCATION", "No location " + r.parentCode() + " in " + facility.code());
            } else if (parent.isCell()) {
                v.add("parentCode", "PARENT_IS_CELL", "A cell holds no locations");
            } else {
                parentId = parent.id();
            }
        } else if (cell) {
            v.add("parentCode", "REQUIRED", "A cell belongs to a unit");
        }
        int working = r.workingCapacity() == null ? 0 : r.workingCapacity();
        int max = r.maxCapacity() == null ? working : r.maxCapacity();
        int cna = r.certifiedNormalAccommodation() == null ? working : r.certifiedNormalAccommodation();
        if (!cell && (working > 0 || max > 0 || cna > 0)) {
            v.add("workingCapacity", "CAPACITY_ON_UNIT", "Capacities are set on cells; a unit sums its active cells");
        }
        v.require(max >= working, "maxCapacity", "BELOW_WORKING_CAPACITY", "The maximum capacity is below the working capacity");
        v.throwIfInvalid();
        if (store.locations(facility.code()).stream().anyMatch(l -> l.code().equals(r.code()))) {
            throw new ApiException(FacilityProblem.LOCATION_EXISTS, "Location " + r.code() + " exists in " + facility.code());
        }
        SecurityLevel level = r.securityLevel() == null ? SecurityLevel.MAXIMUM : r.securityLevel();
        jdbc.sql("""
                        INSERT INTO location (id, facility_code, parent_id, code, kind, working_capacity, max_capacity,
                                              certified_normal_accommodation, security_level, attributes)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), facility.code(), parentId, r.code(), r.kind().name(), working, max, cna,
                        level.name(), array(r.attributes()))
                .update();
        Location created = location(facility.code(), r.code());
        ledger.append("LOCATION_ADDED", "LOCATION", facility.code() + "/" + r.code(), created);
        return created;
    }

    @Transactional
    Location change(String facilityCode, String code, StructureController.LocationChange r) {
        Facility facility = store.require(facilityCode);
        store.lockHousing(facility.code());
        Location before = location(facility.code(), code);
        Validation v = new Validation();
        boolean cell = before.isCell();
        int working = r.workingCapacity() == null ? before.workingCapacity() : r.workingCapacity();
        int max = r.maxCapacity() == null ? before.maxCapacity() : r.maxCapacity();
        int cna = r.certifiedNormalAccommodation() == null ? before.certifiedNormalAccommodation()
                : r.certifiedNormalAccommodation();
        boolean active = r.active() == null ? before.active() : r.active();
        if (!cell && (r.workingCapacity() != null || r.maxCapacity() != null || r.certifiedNormalAccommodation() != null)) {
            v.add("workingCapacity", "CAPACITY_ON_UNIT", "Capacities are set on cells; a unit sums its active cells");
        }
        v.require(!cell || max >= working, "maxCapacity", "BELOW_WORKING_CAPACITY",
                "The maximum capacity is below the working capacity");
        v.require(active || r.inactiveReason() != null || before.inactiveReason() != null, "inactiveReason", "REQUIRED",
                "An inactive location needs a reason");
        v.throwIfInvalid();
        // never below occupancy: the beds in use in the cell, or in every cell of a unit being closed
        Map<String, Integer> inUse = beds.getIfAvailable() == null ? Map.of() : beds.getObject().byCell(facility.code());
        List<Location> all = store.locations(facility.code());
        if (cell) {
            int occupied = inUse.getOrDefault(code, 0);
            if ((active ? working : 0) < occupied) {
                throw new ApiException(FacilityProblem.CAPACITY_BELOW_OCCUPANCY, "Cell " + code + " holds " + occupied
                        + (active ? "; its working capacity cannot go below that" : "; it cannot be closed while occupied"));
            }
        } else if (!active) {
            int occupied = all.stream().filter(l -> l.isCell() && within(all, l, code))
                    .mapToInt(l -> inUse.getOrDefault(l.code(), 0)).sum();
            if (occupied > 0) {
                throw new ApiException(FacilityProblem.CAPACITY_BELOW_OCCUPANCY, code + " holds " + occupied
                        + "; it cannot be closed while occupied");
            }
        }
        SecurityLevel level = r.securityLevel() == null ? before.securityLevel() : r.securityLevel();
        String[] attributes = r.attributes() == null ? array(before.attributes()) : array(r.attributes());
        jdbc.sql("""
                        UPDATE location SET working_capacity = ?, max_capacity = ?, certified_normal_accommodation = ?,
                            security_level = ?, attributes = ?, active = ?, inactive_reason = ?
                        WHERE facility_code = ? AND code = ?""")
                .params(cell ? working : 0, cell ? max : 0, cell ? cna : 0, level.name(), attributes, active,
                        active ? null : (r.inactiveReason() != null ? r.inactiveReason() : before.inactiveReason()).name(),
                        facility.code(), code)
                .update();
        Location after = location(facility.code(), code);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("before", before);
        payload.put("after", after);
        ledger.append("LOCATION_CHANGED", "LOCATION", facility.code() + "/" + code, payload);
        return after;
    }

    private static boolean within(List<Location> all, Location l, String ancestor) {
        for (String p = l.parentCode(); p != null; ) {
            if (p.equals(ancestor)) {
                return true;
            }
            String current = p;
            p = all.stream().filter(x -> x.code().equals(current)).map(Location::parentCode).findFirst().orElse(null);
        }
        return false;
    }
}
