package org.custodia.custody.internal;

import org.custodia.custody.CustodyProblem;
import org.custodia.facility.FacilityProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodia.common.ApiException;
import org.custodia.common.Validation;
import org.custodia.custody.EnRouteCounter;
import org.custodia.facility.Facilities;
import org.custodia.facility.Facility;
import org.custodia.facility.Location;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rule 10: reliable population data. The roll count and the formal counts whose discrepancies stay open until
 * resolved (cell moves and occupancy live in housing, which records the cell here through {@code PrisonerCells}).
 */
@Service
class RollService {

    private final PrisonerStore store;
    private final Facilities facilities;
    private final Users users;
    private final Ledger ledger;
    private final CustodyTime time;
    private final FileWriter file;
    private final ObjectProvider<EnRouteCounter> enRoute;
    private final JdbcClient jdbc;
    private final jakarta.validation.Validator validator;

    RollService(PrisonerStore store, Facilities facilities, Users users, Ledger ledger, CustodyTime time, FileWriter file,
                ObjectProvider<EnRouteCounter> enRoute, JdbcClient jdbc, jakarta.validation.Validator validator) {
        this.validator = validator;
        this.store = store;
        this.facilities = facilities;
        this.users = users;
        this.ledger = ledger;
        this.time = time;
        this.file = file;
        this.enRoute = enRoute;
        this.jdbc = jdbc;
    }

    Facility facility(String code) {
        return facilities.find(code).orElseThrow(() -> new ApiException(FacilityProblem.FACILITY_NOT_FOUND, "No facility " + code));
    }

    // ---- roll count

    /**
     * The roll: {@code population} is everybody on the roll (in custody, temporarily out included); a bed stays in
     * use while its occupant is temporarily out.
     */
    @Transactional(readOnly = true)
    CustodyViews.RollCount rollCount(String facilityCode) {
        Facility facility = facility(facilityCode);
        Instant[] today = time.todayBounds(facility.code());
        int[] totals = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE status <> 'RELEASED') AS population,
                               count(*) FILTER (WHERE admitted_at >= ? AND admitted_at < ?) AS arrived_today,
                               count(*) FILTER (WHERE status = 'TEMPORARILY_OUT') AS temporarily_out,
                               count(*) FILTER (WHERE released_at >= ? AND released_at < ?) AS released_today,
                               count(*) FILTER (WHERE status <> 'RELEASED' AND cell_code IS NULL) AS unhoused
                        FROM prisoner WHERE facility_code = ?""")
                .params(PrisonerStore.at(today[0]), PrisonerStore.at(today[1]), PrisonerStore.at(today[0]),
                        PrisonerStore.at(today[1]), facility.code())
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)})
                .single();
        Map<String, int[]> counts = store.cellCounts(facility.code());
        List<Location> locations = facilities.locations(facility.code());
        List<CustodyViews.ModuleRoll> modules = new ArrayList<>();
        for (Location module : locations.stream().filter(l -> "MODULE".equals(l.kind())).toList()) {
            int capacity = 0;
            int inUse = 0;
            int present = 0;
            for (Location cell : locations.stream().filter(l -> module.code().equals(l.parentCode())).toList()) {
                int[] c = counts.getOrDefault(cell.code(), new int[2]);
                capacity += cell.active() ? cell.workingCapacity() : 0;
                inUse += c[0];
                present += c[1];
            }
            modules.add(new CustodyViews.ModuleRoll(module.code(), inUse, present, capacity, capacity - inUse));
        }
        EnRouteCounter counter = enRoute.getIfAvailable();
        return new CustodyViews.RollCount(facility.code(), time.today(facility.zone()), facility.zone().getId(),
                totals[0], totals[1], totals[2], totals[3], counter == null ? 0 : counter.enRoute(facility.code()),
                totals[4], modules, counts(facility.code(), true));
    }

    // ---- formal counts

    /**
     * The line of a formal count for the people in custody not yet in a cell (in reception, awaiting housing): a
     * count names it as its module code. No module of a facility may be called so.
     */
    static final String UNHOUSED = "UNHOUSED";

    @Transactional
    CustodyViews.FormalCount count(String facilityCode, Requests.Count r) {
        CurrentUser user = users.requireCurrent();
        Facility facility = facility(facilityCode);
        Validation v = new Validation().check(validator, r);
        Set<String> moduleCodes = new HashSet<>();
        facilities.locations(facility.code()).stream().filter(l -> "MODULE".equals(l.kind()))
                .forEach(l -> moduleCodes.add(l.code()));
        moduleCodes.add(UNHOUSED);
        List<Requests.ModuleCount> modules = r.modules() == null ? List.of() : r.modules();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < modules.size(); i++) {
            Requests.ModuleCount m = modules.get(i);
            String f = "modules[" + i + "]";
            if (m == null || m.code() == null || m.code().isBlank()) {
                continue; // reported by Bean Validation
            }
            if (!moduleCodes.contains(m.code())) {
                v.add(f + ".code", "UNKNOWN_MODULE", "No module " + m.code() + " in " + facility.code());
            } else if (!seen.add(m.code())) {
                v.add(f + ".code", "DUPLICATE", "Module " + m.code() + " is counted twice");
            }
        }
        v.throwIfInvalid();
        store.lockFacilityHousing(facility.code());
        Map<String, Integer> expected = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT CASE WHEN cell_code IS NULL THEN ? ELSE module_code END, count(*) FROM prisoner
                        WHERE facility_code = ? AND status = 'IN_CUSTODY' AND (module_code IS NOT NULL OR cell_code IS NULL)
                        GROUP BY 1""")
                .params(UNHOUSED, facility.code())
                .query(rs -> {
                    expected.put(rs.getString(1), rs.getInt(2));
                });
        UUID id = UUID.randomUUID();
        Instant at = r.countedAt() == null ? time.now() : r.countedAt();
        boolean discrepancy = modules.stream().anyMatch(m -> m.counted().intValue() != expected.getOrDefault(m.code(), 0).intValue());
        jdbc.sql("INSERT INTO facility_count (id, facility_code, counted_at, counted_by, discrepancy) VALUES (?, ?, ?, ?, ?)")
                .params(id, facility.code(), PrisonerStore.at(at), user.username(), discrepancy).update();
        for (Requests.ModuleCount m : modules) {
            jdbc.sql("INSERT INTO facility_count_module (count_id, module_code, expected, counted) VALUES (?, ?, ?, ?)")
                    .params(id, m.code(), expected.getOrDefault(m.code(), 0), m.counted()).update();
        }
        CustodyViews.FormalCount answer = findCount(facility.code(), id);
        ledger.append(discrepancy ? "FACILITY_COUNT_DISCREPANCY" : "FACILITY_COUNT_RECORDED", "FACILITY_COUNT",
                id.toString(), answer);
        return answer;
    }

    @Transactional
    CustodyViews.FormalCount resolve(String facilityCode, UUID countId, Requests.Resolution r) {
        CurrentUser user = users.requireCurrent();
        Facility facility = facility(facilityCode);
        new Validation().check(validator, r).throwIfInvalid();
        Boolean[] state = jdbc.sql("""
                        SELECT discrepancy, resolved_at IS NOT NULL FROM facility_count WHERE id = ? AND facility_code = ?
                        FOR UPDATE""")
                .params(countId, facility.code())
                .query((rs, n) -> new Boolean[] {rs.getBoolean(1), rs.getBoolean(2)}).optional()
                .orElseThrow(() -> new ApiException(CustodyProblem.COUNT_NOT_FOUND, "No count " + countId + " in " + facilityCode));
        if (!state[0] || state[1]) {
            throw new ApiException(CustodyProblem.COUNT_NOT_OPEN, state[0] ? "The discrepancy was resolved already"
                    : "The count matched: there is nothing to resolve");
        }
        jdbc.sql("UPDATE facility_count SET resolved_at = ?, resolved_by = ?, resolution_reason = ? WHERE id = ?")
                .params(PrisonerStore.at(time.now()), user.username(), r.reason(), countId).update();
        CustodyViews.FormalCount answer = findCount(facility.code(), countId);
        ledger.append("FACILITY_COUNT_RESOLVED", "FACILITY_COUNT", countId.toString(), answer);
        return answer;
    }

    @Transactional(readOnly = true)
    List<CustodyViews.FormalCount> counts(String facilityCode, boolean openOnly) {
        List<UUID> ids = jdbc.sql("SELECT id FROM facility_count WHERE facility_code = ?"
                        + (openOnly ? " AND discrepancy AND resolved_at IS NULL" : "")
                        + " ORDER BY counted_at DESC, id LIMIT 100")
                .param(facilityCode).query(UUID.class).list();
        return ids.stream().map(id -> findCount(facilityCode, id)).toList();
    }

    CustodyViews.FormalCount findCount(String facilityCode, UUID id) {
        List<CustodyViews.ModuleCount> modules = jdbc.sql("""
                        SELECT module_code, expected, counted FROM facility_count_module WHERE count_id = ? ORDER BY module_code""")
                .param(id)
                .query((rs, n) -> new CustodyViews.ModuleCount(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        rs.getInt(3) - rs.getInt(2), rs.getInt(3) != rs.getInt(2)))
                .list();
        return jdbc.sql("SELECT * FROM facility_count WHERE id = ? AND facility_code = ?")
                .params(id, facilityCode)
                .query((rs, n) -> {
                    boolean discrepancy = rs.getBoolean("discrepancy");
                    Instant resolvedAt = PrisonerStore.instant(rs, "resolved_at");
                    return new CustodyViews.FormalCount(rs.getObject("id", UUID.class), rs.getString("facility_code"),
                            PrisonerStore.instant(rs, "counted_at"), rs.getString("counted_by"),
                            !discrepancy ? "CLEAR" : resolvedAt == null ? "DISCREPANCY" : "RESOLVED", discrepancy,
                            resolvedAt, rs.getString("resolved_by"), rs.getString("resolution_reason"), modules);
                }).optional()
                .orElseThrow(() -> new ApiException(CustodyProblem.COUNT_NOT_FOUND, "No count " + id + " in " + facilityCode));
    }
}
