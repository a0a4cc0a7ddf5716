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

    RollService(PrisonerStore store, Facilities facilities, Users users, Ledger ledger, CustodyTime time, FileWriter file,
                ObjectProvider<EnRouteCounter> enRoute, JdbcClient jdbc) {
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
    Map<String, Object> rollCount(String facilityCode) {
        Facility facility = facility(facilityCode);
        Instant[] today = time.todayBounds(facility.code());
        Map<String, Object> totals = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE status <> 'RELEASED') AS population,
                               count(*) FILTER (WHERE status = 'TEMPORARILY_OUT') AS temporarily_out,
                               count(*) FILTER (WHERE status <> 'RELEASED' AND cell_code IS NULL) AS unhoused,
                               count(*) FILTER (WHERE admitted_at >= ? AND admitted_at < ?) AS arrived_today,
                               count(*) FILTER (WHERE released_at >= ? AND released_at < ?) AS released_today
                        FROM prisoner WHERE facility_code = ?""")
                .params(PrisonerStore.at(today[0]), PrisonerStore.at(today[1]), PrisonerStore.at(today[0]),
                        PrisonerStore.at(today[1]), facility.code())
                .query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("population", rs.getInt("population"));
                    m.put("arrivedToday", rs.getInt("arrived_today"));
                    m.put("temporarilyOut", rs.getInt("temporarily_out"));
                    m.put("releasedToday", rs.getInt("released_today"));
                    m.put("unhoused", rs.getInt("unhoused"));
                    return m;
                }).single();
        Map<String, int[]> counts = store.cellCounts(facility.code());
        List<Location> locations = facilities.locations(facility.code());
        List<Map<String, Object>> modules = new ArrayList<>();
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
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", module.code());
            m.put("bedsInUse", inUse);
            m.put("present", present);
            m.put("workingCapacity", capacity);
            m.put("netVacancies", capacity - inUse);
            modules.add(m);
        }
        EnRouteCounter counter = enRoute.getIfAvailable();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("facilityCode", facility.code());
        answer.put("date", time.today(facility.code()));
        answer.put("zone", time.zoneOf(facility.code()).getId());
        answer.put("population", totals.get("population"));
        answer.put("arrivedToday", totals.get("arrivedToday"));
        answer.put("temporarilyOut", totals.get("temporarilyOut"));
        answer.put("releasedToday", totals.get("releasedToday"));
        answer.put("enRoute", counter == null ? 0 : counter.enRoute(facility.code()));
        answer.put("unhoused", totals.get("unhoused"));
        answer.put("modules", modules);
        answer.put("openDiscrepancies", counts(facility.code(), true));
        return answer;
    }

    // ---- formal counts

    @Transactional
    Map<String, Object> count(String facilityCode, Requests.Count r) {
        CurrentUser user = users.requireCurrent();
        Facility facility = facility(facilityCode);
        Validation v = new Validation();
        Set<String> moduleCodes = new HashSet<>();
        facilities.locations(facility.code()).stream().filter(l -> "MODULE".equals(l.kind()))
                .forEach(l -> moduleCodes.add(l.code()));
        if (r == null || r.modules() == null || r.modules().isEmpty()) {
            v.add("modules", "REQUIRED", "Count at least one module").throwIfInvalid();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < r.modules().size(); i++) {
            Requests.ModuleCount m = r.modules().get(i);
            String f = "modules[" + i + "]";
            if (m == null || m.code() == null || m.code().isBlank()) {
                v.add(f + ".code", "REQUIRED", f + ".code is required");
            } else if (!moduleCodes.contains(m.code())) {
                v.add(f + ".code", "UNKNOWN_MODULE", "No module " + m.code() + " in " + facility.code());
            } else if (!seen.add(m.code())) {
                v.add(f + ".code", "DUPLICATE", "Module " + m.code() + " is counted twice");
            }
            if (m == null || m.counted() == null) {
                v.add(f + ".counted", "REQUIRED", f + ".counted is required");
            } else {
                v.require(m.counted() >= 0, f + ".counted", "OUT_OF_RANGE", "Cannot be negative");
            }
        }
        time.notFuture(r.countedAt(), "countedAt", v);
        v.throwIfInvalid();
        store.lockFacilityHousing(facility.code());
        Map<String, Integer> expected = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT module_code, count(*) FROM prisoner
                        WHERE facility_code = ? AND status = 'IN_CUSTODY' AND module_code IS NOT NULL GROUP BY module_code""")
                .param(facility.code())
                .query(rs -> {
                    expected.put(rs.getString(1), rs.getInt(2));
                });
        UUID id = UUID.randomUUID();
        Instant at = r.countedAt() == null ? time.now() : r.countedAt();
        boolean discrepancy = r.modules().stream().anyMatch(m -> m.counted().intValue() != expected.getOrDefault(m.code(), 0).intValue());
        jdbc.sql("INSERT INTO facility_count (id, facility_code, counted_at, counted_by, discrepancy) VALUES (?, ?, ?, ?, ?)")
                .params(id, facility.code(), PrisonerStore.at(at), user.username(), discrepancy).update();
        for (Requests.ModuleCount m : r.modules()) {
            jdbc.sql("INSERT INTO facility_count_module (count_id, module_code, expected, counted) VALUES (?, ?, ?, ?)")
                    .params(id, m.code(), expected.getOrDefault(m.code(), 0), m.counted()).update();
        }
        Map<String, Object> answer = findCount(facility.code(), id);
        ledger.append(discrepancy ? "FACILITY_COUNT_DISCREPANCY" : "FACILITY_COUNT_RECORDED", "FACILITY_COUNT",
                id.toString(), answer);
        return answer;
    }

    @Transactional
    Map<String, Object> resolve(String facilityCode, UUID countId, Requests.Resolution r) {
        CurrentUser user = users.requireCurrent();
        Facility facility = facility(facilityCode);
        Validation v = new Validation();
        v.notBlank(r == null ? null : r.reason(), "reason");
        v.throwIfInvalid();
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
        Map<String, Object> answer = findCount(facility.code(), countId);
        ledger.append("FACILITY_COUNT_RESOLVED", "FACILITY_COUNT", countId.toString(), answer);
        return answer;
    }

    @Transactional(readOnly = true)
    List<Map<String, Object>> counts(String facilityCode, boolean openOnly) {
        List<UUID> ids = jdbc.sql("SELECT id FROM facility_count WHERE facility_code = ?"
                        + (openOnly ? " AND discrepancy AND resolved_at IS NULL" : "")
                        + " ORDER BY counted_at DESC, id LIMIT 100")
                .param(facilityCode).query(UUID.class).list();
        return ids.stream().map(id -> findCount(facilityCode, id)).toList();
    }

    Map<String, Object> findCount(String facilityCode, UUID id) {
        Map<String, Object> count = jdbc.sql("SELECT * FROM facility_count WHERE id = ? AND facility_code = ?")
                .params(id, facilityCode)
                .query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getObject("id", UUID.class));
                    m.put("facilityCode", rs.getString("facility_code"));
                    m.put("countedAt", PrisonerStore.instant(rs, "counted_at"));
                    m.put("countedBy", rs.getString("counted_by"));
                    boolean discrepancy = rs.getBoolean("discrepancy");
                    Instant resolvedAt = PrisonerStore.instant(rs, "resolved_at");
                    m.put("status", !discrepancy ? "CLEAR" : resolvedAt == null ? "DISCREPANCY" : "RESOLVED");
                    m.put("discrepancy", discrepancy);
                    m.put("resolvedAt", resolvedAt);
                    m.put("resolvedBy", rs.getString("resolved_by"));
                    m.put("resolutionReason", rs.getString("resolution_reason"));
                    return m;
                }).optional()
                .orElseThrow(() -> new ApiException(CustodyProblem.COUNT_NOT_FOUND, "No count " + id + " in " + facilityCode));
        count.put("modules", jdbc.sql("""
                        SELECT module_code, expected, counted FROM facility_count_module WHERE count_id = ? ORDER BY module_code""")
                .param(id)
                .query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code", rs.getString(1));
                    m.put("expected", rs.getInt(2));
                    m.put("counted", rs.getInt(3));
                    m.put("difference", rs.getInt(3) - rs.getInt(2));
                    m.put("flagged", rs.getInt(3) != rs.getInt(2));
                    return m;
                }).list());
        return count;
    }
}
