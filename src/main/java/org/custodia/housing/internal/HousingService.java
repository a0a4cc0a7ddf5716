package org.custodia.housing.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.custodia.common.ApiException;
import org.custodia.common.Validation;
import org.custodia.custody.HousedPrisoner;
import org.custodia.custody.PrisonerCells;
import org.custodia.facility.Facilities;
import org.custodia.facility.Facility;
import org.custodia.facility.Location;
import org.custodia.housing.internal.rules.RivalryMatrix;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Occupancy (Rule 10, overcrowding never hidden), the rivalry matrix and housing needs. */
@Service
class HousingService {

    private final Facilities facilities;
    private final RuleStore rules;
    private final PrisonerCells prisoners;
    private final Ledger ledger;
    private final Users users;
    private final Clock clock;

    HousingService(Facilities facilities, RuleStore rules, PrisonerCells prisoners, Ledger ledger, Users users,
                   Clock clock) {
        this.facilities = facilities;
        this.rules = rules;
        this.prisoners = prisoners;
        this.ledger = ledger;
        this.users = users;
        this.clock = clock;
    }

    private static List<HousingApi.AffiliationCount> counts(Map<String, Integer> byGroup) {
        return byGroup.entrySet().stream().map(e -> new HousingApi.AffiliationCount(e.getKey(), e.getValue())).toList();
    }

    @Transactional(readOnly = true)
    HousingApi.Occupancy occupancy(String facilityCode) {
        Facility facility = facilities.require(facilityCode);
        List<Location> locations = facilities.locations(facility.code());
        // counted by the database per cell and affiliation: nobody is loaded (40,000 on the roll at CECOT)
        Map<String, Map<String, Integer>> byCell = new java.util.HashMap<>();
        for (PrisonerCells.CellCount c : prisoners.countsByCell(facility.code())) {
            byCell.computeIfAbsent(c.cell(), k -> new TreeMap<>())
                    .merge(c.gangGroup() == null ? "NONE" : c.gangGroup(), c.prisoners(), Integer::sum);
        }
        List<HousingApi.ModuleOccupancy> modules = new ArrayList<>();
        int totalCna = 0;
        int totalWorking = 0;
        int totalOccupied = 0;
        for (Location module : locations.stream().filter(l -> l.parentCode() == null).toList()) {
            List<HousingApi.CellOccupancy> cells = new ArrayList<>();
            Map<String, Integer> moduleGroups = new TreeMap<>();
            int occupied = 0;
            for (Location cell : locations.stream().filter(Location::isCell)
                    .filter(c -> c.moduleCode().equals(module.code())).toList()) {
                Map<String, Integer> groups = byCell.getOrDefault(cell.code(), Map.of());
                int inCell = groups.values().stream().mapToInt(Integer::intValue).sum();
                groups.forEach((g, n) -> moduleGroups.merge(g, n, Integer::sum));
                cells.add(new HousingApi.CellOccupancy(cell.code(), cell.active(), cell.inactiveReason(), cell.attributes(),
                        cell.certifiedNormalAccommodation(), cell.workingCapacity(), cell.maxCapacity(), inCell,
                        Math.max(0, inCell - cell.certifiedNormalAccommodation()), counts(new TreeMap<>(groups))));
                occupied += inCell;
            }
            modules.add(new HousingApi.ModuleOccupancy(module.code(), module.securityLevel(),
                    module.certifiedNormalAccommodation(), module.workingCapacity(), module.maxCapacity(), occupied,
                    Math.max(0, occupied - module.certifiedNormalAccommodation()), counts(moduleGroups), cells));
            totalCna += module.certifiedNormalAccommodation();
            totalWorking += module.workingCapacity();
            totalOccupied += occupied;
        }
        return new HousingApi.Occupancy(facility.code(), totalCna, totalWorking, totalOccupied,
                totalCna == 0 ? 0 : Math.round(100f * totalOccupied / totalCna), Math.max(0, totalOccupied - totalCna),
                modules);
    }

    @Transactional(readOnly = true)
    HousingApi.Rivalries rivalries(String facilityCode) {
        String code = facilities.require(facilityCode).code();
        return new HousingApi.Rivalries(code, rules.matrix(code).entries().stream()
                .map(r -> new HousingApi.RivalryEntry(r.a(), r.b(), r.scope())).toList());
    }

    @Transactional
    HousingApi.Rivalries replaceRivalries(String facilityCode, HousingApi.RivalriesRequest r) {
        String code = facilities.require(facilityCode).code();
        Validation v = new Validation();
        for (int i = 0; i < r.rivalries().size(); i++) {
            HousingApi.RivalryEntry e = r.rivalries().get(i);
            v.require(!e.a().equals(e.b()), "rivalries[" + i + "].b", "SAME_AFFILIATION", "An affiliation is never its own rival");
        }
        v.throwIfInvalid();
        facilities.lockHousing(code);
        rules.replaceMatrix(code, r.rivalries().stream()
                .map(e -> new RivalryMatrix.Rivalry(e.a().trim(), e.b().trim(), e.scope())).toList());
        HousingApi.Rivalries after = rivalries(code);
        ledger.append("HOUSING_RIVALRIES_SET", "FACILITY", code, after);
        return after;
    }

    @Transactional
    HousingApi.NeedsResponse setNeeds(String number, HousingApi.NeedsRequest r) {
        HousedPrisoner p = prisoners.find(number).orElseThrow(() -> CellMoves.notFound(number));
        if (!p.onRoll()) {
            throw new ApiException(org.custodia.custody.CustodyProblem.PRISONER_RELEASED, "Prisoner " + number + " was released");
        }
        rules.setNeeds(number, r.needs(), r.reason().trim(), clock.instant(), users.requireCurrent().username());
        HousingApi.NeedsResponse answer = new HousingApi.NeedsResponse(number, Set.copyOf(r.needs()), r.reason().trim());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("needs", r.needs().stream().map(Enum::name).sorted().toList());
        payload.put("reason", r.reason().trim());
        ledger.append("HOUSING_NEEDS_SET", "PRISONER", number, payload);
        return answer;
    }
}
