package org.custodia.housing.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.custodia.common.ApiException;
import org.custodia.common.FieldProblem;
import org.custodia.common.Validation;
import org.custodia.custody.CustodyProblem;
import org.custodia.custody.HousedPrisoner;
import org.custodia.custody.PrisonerCells;
import org.custodia.facility.Facilities;
import org.custodia.facility.Location;
import org.custodia.housing.HousingProblem;
import org.custodia.housing.internal.rules.Breach;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Users;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A move into a cell under every hard rule, one placement at a time per facility, recorded on the file by custody. */
@Service
class CellMoves {

    static final Duration SKEW = Duration.ofMinutes(2);

    private final PrisonerCells prisoners;
    private final Facilities facilities;
    private final HousingStates states;
    private final BreachMessages messages;
    private final Users users;
    private final Clock clock;

    CellMoves(PrisonerCells prisoners, Facilities facilities, HousingStates states, BreachMessages messages, Users users,
              Clock clock) {
        this.prisoners = prisoners;
        this.facilities = facilities;
        this.states = states;
        this.messages = messages;
        this.users = users;
        this.clock = clock;
    }

    static ApiException notFound(String number) {
        return new ApiException(CustodyProblem.PRISONER_NOT_FOUND, "No prisoner " + number);
    }

    @Transactional
    HousingApi.CellMoveResponse move(String number, HousingApi.CellMoveRequest r) {
        CurrentUser user = users.requireCurrent();
        HousedPrisoner p = prisoners.find(number).orElseThrow(() -> notFound(number));
        if (!p.onRoll()) {
            throw new ApiException(CustodyProblem.PRISONER_RELEASED, "Prisoner " + number + " was released; the file is read-only");
        }
        Validation v = new Validation();
        if (r == null) {
            v.add("cell", "REQUIRED", "cell is required").throwIfInvalid();
        }
        v.notBlank(r.cell(), "cell");
        v.notBlank(r.reason(), "reason");
        if (r.occurredAt() != null && r.occurredAt().isAfter(clock.instant().plus(SKEW))) {
            v.add("occurredAt", "IN_FUTURE", "occurredAt lies in the future; records may be written after the fact, never before");
        }
        if (r.cell() != null && r.cell().equals(p.cell())) {
            v.add("cell", "SAME_CELL", "The prisoner is in " + r.cell() + " already");
        }
        v.throwIfInvalid();
        facilities.lockHousing(p.facilityCode());
        HousingState state = states.load(p.facilityCode());
        HousedPrisoner current = state.prisoners.getOrDefault(number, p);
        Location cell = state.cellsByCode.get(r.cell());
        if (cell == null) {
            throw new ApiException(HousingProblem.HOUSING_RULE_VIOLATION, "The move breaks CELL_NOT_IN_FACILITY",
                    List.of(new FieldProblem("cell", "CELL_NOT_IN_FACILITY",
                            "There is no cell " + r.cell() + " in " + p.facilityCode())));
        }
        List<Breach> breaches = state.breaches(current, cell);
        if (!breaches.isEmpty()) {
            throw violation(breaches);
        }
        var recorded = prisoners.recordCell(number, cell.code(), cell.moduleCode(), r.reason().trim(), r.occurredAt(),
                user.username());
        return new HousingApi.CellMoveResponse(recorded.prisonerNumber(), recorded.cell(), recorded.module(),
                recorded.previousCell(), recorded.occurredAt());
    }

    ApiException violation(List<Breach> breaches) {
        List<FieldProblem> problems = messages.problems("cell", breaches);
        return new ApiException(HousingProblem.HOUSING_RULE_VIOLATION, "The move breaks "
                + String.join(", ", breaches.stream().map(Breach::rule).distinct().toList()), problems);
    }
}
