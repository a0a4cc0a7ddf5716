package org.custodia.housing.internal;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.constraint.ConstraintMatch;
import ai.timefold.solver.core.api.score.constraint.Indictment;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.custodia.common.ApiException;
import org.custodia.common.FieldProblem;
import org.custodia.common.Validation;
import org.custodia.custody.HousedPrisoner;
import org.custodia.custody.PrisonerCells;
import org.custodia.facility.Facilities;
import org.custodia.facility.Location;
import org.custodia.housing.HousingProblem;
import org.custodia.housing.internal.planner.Arrival;
import org.custodia.housing.internal.planner.CellSlot;
import org.custodia.housing.internal.planner.PlacementPlan;
import org.custodia.housing.internal.planner.PlannerConfig;
import org.custodia.housing.internal.rules.Breach;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batch placement: plan (Timefold, the housed population pinned), review, apply atomically after re-checking that
 * the facility has not changed ({@code 409 PLAN_STALE}) and that every placement still passes every hard rule;
 * and the recommendation of the best cells for one person.
 */
@Service
class Plans {

    private final HousingStates states;
    private final PrisonerCells prisoners;
    private final Facilities facilities;
    private final SolverManager<PlacementPlan, UUID> solvers;
    private final SolutionManager<PlacementPlan, HardMediumSoftLongScore> solutions;
    private final SolutionManager<PlacementPlan, HardMediumSoftLongScore> recommendations;
    private final BreachMessages messages;
    private final Users users;
    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Plans(HousingStates states, PrisonerCells prisoners, Facilities facilities, SolverManager<PlacementPlan, UUID> solvers,
          SolutionManager<PlacementPlan, HardMediumSoftLongScore> solutions,
          @org.springframework.beans.factory.annotation.Qualifier("housingRecommendations")
          SolutionManager<PlacementPlan, HardMediumSoftLongScore> recommendations, BreachMessages messages, Users users,
          Ledger ledger, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.states = states;
        this.prisoners = prisoners;
        this.facilities = facilities;
        this.solvers = solvers;
        this.solutions = solutions;
        this.recommendations = recommendations;
        this.messages = messages;
        this.users = users;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    // ---- planning

    @Transactional
    HousingApi.Plan plan(HousingApi.PlanRequest r) {
        String user = users.requireCurrent().username();
        HousingState state = states.load(r.facilityCode());
        Validation v = new Validation();
        List<HousedPrisoner> people = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < r.prisonerNumbers().size(); i++) {
            String n = r.prisonerNumbers().get(i).trim();
            String field = "prisonerNumbers[" + i + "]";
            HousedPrisoner p = state.prisoners.get(n);
            if (seen.contains(n)) {
                v.add(field, "DUPLICATE", n + " is listed twice");
            } else if (p == null) {
                Optional<HousedPrisoner> elsewhere = prisoners.find(n);
                v.add(field, elsewhere.isEmpty() ? "PRISONER_NOT_FOUND" : elsewhere.get().onRoll() ? "OTHER_FACILITY" : "PRISONER_RELEASED",
                        elsewhere.isEmpty() ? "No prisoner " + n : n + " is not on the roll of " + state.facility.code());
            } else {
                people.add(p);
            }
            seen.add(n);
        }
        int seconds = r.timeLimitSeconds() == null ? (int) PlannerConfig.DEFAULT_LIMIT.toSeconds() : r.timeLimitSeconds();
        v.require(seconds >= 1 && seconds <= 60, "timeLimitSeconds", "OUT_OF_RANGE", "Between 1 and 60 seconds");
        v.throwIfInvalid();
        String fingerprint = PlanProblems.fingerprint(state);
        UUID id = UUID.randomUUID();
        PlacementPlan solved = solve(id, PlanProblems.build(state, people), Duration.ofSeconds(seconds));
        HousingApi.Plan plan = describe(id, state, solved, user);
        jdbc.sql("""
                        INSERT INTO housing_plan (id, facility_code, status, fingerprint, created_at, created_by, plan)
                        VALUES (?, ?, 'PROPOSED', ?, ?, ?, ?::jsonb)""")
                .params(id, state.facility.code(), fingerprint, KeepApartStore.ts(plan.createdAt()), user,
                        json.writeValueAsString(plan))
                .update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("facilityCode", state.facility.code());
        payload.put("placements", plan.placements().size());
        payload.put("unplaced", plan.unplaced().size());
        payload.put("score", plan.score());
        payload.put("fingerprint", fingerprint);
        ledger.append("HOUSING_PLAN_PROPOSED", "HOUSING_PLAN", id.toString(), payload);
        return plan;
    }

    private PlacementPlan solve(UUID id, PlacementPlan problem, Duration limit) {
        if (problem.getArrivals().isEmpty()) {
            solutions.update(problem);
            return problem;
        }
        try {
            return solvers.solveBuilder().withProblemId(id).withProblem(problem)
                    .withConfigOverride(PlannerConfig.override(limit, PlannerConfig.DEFAULT_UNIMPROVED))
                    .run().getFinalBestSolution();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Planning interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Planning failed", e.getCause());
        }
    }

    /**
     * The plan as published: every placement checked again by the rule classes on the facility as it would be (a
     * placement the rules refuse is reported as unplaced, never proposed), its score explained per constraint.
     */
    private HousingApi.Plan describe(UUID id, HousingState state, PlacementPlan solved, String user) {
        Map<Object, Indictment<HardMediumSoftLongScore>> indictments = solutions.explain(solved).getIndictmentMap();
        Map<String, Location> cells = state.cellsByCode;
        List<Arrival> order = new ArrayList<>(solved.getArrivals());
        Map<String, String> previous = new HashMap<>();
        order.forEach(a -> previous.put(a.getPrisonerNumber(), state.cellOf(a.getPrisonerNumber())));
        order.forEach(a -> state.place(a.getPrisonerNumber(), null));
        List<HousingApi.Placement> placements = new ArrayList<>();
        List<Arrival> unplaced = new ArrayList<>();
        Map<String, List<Breach>> refused = new HashMap<>();
        for (Arrival a : order) {
            HousedPrisoner p = state.prisoners.get(a.getPrisonerNumber());
            if (a.getCell() == null) {
                unplaced.add(a);
                continue;
            }
            Location cell = cells.get(a.getCell().getCode());
            List<Breach> breaches = state.breaches(p, cell);
            if (!breaches.isEmpty()) {
                unplaced.add(a);
                refused.put(a.getPrisonerNumber(), breaches);
                continue;
            }
            state.place(p.prisonerNumber(), cell.code());
            placements.add(new HousingApi.Placement(p.prisonerNumber(), cell.code(), cell.moduleCode(),
                    previous.get(p.prisonerNumber()), explanation(indictments, a, a.getCell())));
        }
        // the unplaced keep their cell, if they had one
        unplaced.forEach(a -> state.place(a.getPrisonerNumber(), previous.get(a.getPrisonerNumber())));
        List<HousingApi.Unplaced> why = new ArrayList<>();
        for (Arrival a : unplaced) {
            why.add(unplacedReason(state, state.prisoners.get(a.getPrisonerNumber()), refused.get(a.getPrisonerNumber())));
        }
        List<HousingApi.ConstraintTotal> totals = solutions.analyze(solved, ScoreAnalysisFetchPolicy.FETCH_SHALLOW)
                .constraintAnalyses().stream()
                .filter(c -> !c.score().isZero())
                .map(c -> new HousingApi.ConstraintTotal(c.constraintName(), c.score().toString(), c.matchCount()))
                .toList();
        HardMediumSoftLongScore score = solved.getScore();
        placements.sort(Comparator.comparing(HousingApi.Placement::prisonerNumber));
        return new HousingApi.Plan(id, state.facility.code(), "PROPOSED", clock.instant(), user, null, null,
                score == null ? "0hard/0medium/0soft" : score.toString(), why.isEmpty(), placements, why, totals);
    }

    private static List<HousingApi.ScorePart> explanation(Map<Object, Indictment<HardMediumSoftLongScore>> indictments,
                                                          Arrival a, CellSlot cell) {
        Map<String, HardMediumSoftLongScore> parts = new TreeMap<>();
        for (Object indicted : new Object[] {a, cell}) {
            Indictment<HardMediumSoftLongScore> i = indictments.get(indicted);
            if (i == null) {
                continue;
            }
            for (ConstraintMatch<HardMediumSoftLongScore> m : i.getConstraintMatchSet()) {
                if (indicted == cell && !m.getIndictedObjectList().contains(cell)) {
                    continue;
                }
                parts.merge(m.getConstraintRef().constraintName(), m.getScore(), HardMediumSoftLongScore::add);
            }
        }
        return parts.entrySet().stream()
                .map(e -> new HousingApi.ScorePart(e.getKey(), e.getValue().toString())).toList();
    }

    /** Why nobody could take this person: in how many cells each hard rule refused them (the same rule classes). */
    private HousingApi.Unplaced unplacedReason(HousingState state, HousedPrisoner p, List<Breach> refusedWhere) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> examples = new HashMap<>();
        for (Location cell : state.cells) {
            List<Breach> breaches = state.breaches(p, cell);
            breaches.stream().map(Breach::rule).distinct().forEach(rule -> counts.computeIfAbsent(rule, k -> new int[1])[0]++);
            for (Breach b : breaches) {
                examples.putIfAbsent(b.rule(), messages.render(b));
            }
        }
        List<HousingApi.RuleCount> rules = counts.entrySet().stream()
                .sorted((x, y) -> y.getValue()[0] - x.getValue()[0])
                .map(e -> new HousingApi.RuleCount(e.getKey(), e.getValue()[0], examples.get(e.getKey()))).toList();
        String reason;
        if (rules.isEmpty()) {
            reason = "A cell would take this person, but the planner ran out of time before placing them";
        } else {
            reason = "Refused by " + String.join(", ", rules.stream().map(c -> c.rule() + " in " + c.cells() + " cells").toList())
                    + (refusedWhere == null ? "" : "; the proposed cell broke " + String.join(", ",
                    refusedWhere.stream().map(Breach::rule).distinct().toList()));
        }
        return new HousingApi.Unplaced(p.prisonerNumber(), reason, rules);
    }

    // ---- reading and applying

    private record Stored(UUID id, String facilityCode, String status, String fingerprint, HousingApi.Plan plan) {
    }

    private Optional<Stored> stored(UUID id, boolean lock) {
        return jdbc.sql("SELECT id, facility_code, status, fingerprint, plan FROM housing_plan WHERE id = ?"
                        + (lock ? " FOR UPDATE" : ""))
                .param(id)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        json.readValue(rs.getString(5), HousingApi.Plan.class)))
                .optional();
    }

    @Transactional(readOnly = true)
    HousingApi.Plan get(UUID id) {
        return stored(id, false).map(Stored::plan)
                .orElseThrow(() -> new ApiException(HousingProblem.PLAN_NOT_FOUND, "No plan " + id));
    }

    @Transactional(readOnly = true)
    List<HousingApi.Plan> recent(String facilityCode, int limit) {
        return jdbc.sql("SELECT plan FROM housing_plan WHERE facility_code = ? ORDER BY created_at DESC LIMIT ?")
                .params(facilityCode, limit)
                .query((rs, n) -> json.readValue(rs.getString(1), HousingApi.Plan.class)).list();
    }

    @Transactional
    HousingApi.Plan apply(UUID id) {
        String user = users.requireCurrent().username();
        Stored stored = stored(id, true).orElseThrow(() -> new ApiException(HousingProblem.PLAN_NOT_FOUND, "No plan " + id));
        if ("APPLIED".equals(stored.status())) {
            throw new ApiException(HousingProblem.PLAN_ALREADY_APPLIED, "Plan " + id + " was applied already");
        }
        facilities.lockHousing(stored.facilityCode());
        HousingState state = states.load(stored.facilityCode());
        if (!PlanProblems.fingerprint(state).equals(stored.fingerprint())) {
            throw new ApiException(HousingProblem.PLAN_STALE, "The facility changed since plan " + id
                    + " was made (a move, a release, a capacity, a keep-apart record, a need or the rivalry matrix): plan again");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<HousingApi.Placement> placements = stored.plan().placements();
        for (int i = 0; i < placements.size(); i++) {
            HousingApi.Placement placement = placements.get(i);
            HousedPrisoner p = state.prisoners.get(placement.prisonerNumber());
            Location cell = state.cellsByCode.get(placement.cell());
            if (p == null || cell == null) {
                problems.add(new FieldProblem("placements[" + i + "]", "PRISONER_RELEASED", placement.prisonerNumber()
                        + " is no longer on the roll"));
                continue;
            }
            List<Breach> breaches = state.breaches(p, cell);
            messages.problems("placements[" + i + "]", breaches).forEach(problems::add);
            state.place(p.prisonerNumber(), cell.code());
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HousingProblem.PLAN_STALE, "Plan " + id + " no longer holds", problems);
        }
        for (HousingApi.Placement placement : placements) {
            if (placement.cell().equals(placement.previousCell())) {
                continue;
            }
            prisoners.recordCell(placement.prisonerNumber(), placement.cell(), placement.module(), "Housing plan " + id,
                    null, user);
        }
        Instant now = clock.instant();
        HousingApi.Plan p = stored.plan();
        HousingApi.Plan applied = new HousingApi.Plan(p.id(), p.facilityCode(), "APPLIED", p.createdAt(), p.createdBy(), now,
                user, p.score(), p.feasible(), p.placements(), p.unplaced(), p.constraints());
        jdbc.sql("UPDATE housing_plan SET status = 'APPLIED', applied_at = ?, applied_by = ?, plan = ?::jsonb WHERE id = ?")
                .params(KeepApartStore.ts(now), user, json.writeValueAsString(applied), id).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("facilityCode", p.facilityCode());
        payload.put("placements", p.placements().stream().map(x -> x.prisonerNumber() + "@" + x.cell()).toList());
        ledger.append("HOUSING_PLAN_APPLIED", "HOUSING_PLAN", id.toString(), payload);
        return applied;
    }

    // ---- one person

    @Transactional(readOnly = true)
    HousingApi.Recommendation recommend(String number, int limit) {
        HousedPrisoner p = prisoners.find(number).orElseThrow(() -> CellMoves.notFound(number));
        if (!p.onRoll()) {
            throw new ApiException(org.custodia.custody.CustodyProblem.PRISONER_RELEASED, "Prisoner " + number + " was released");
        }
        HousingState state = states.load(p.facilityCode());
        PlacementPlan problem = PlanProblems.build(state, List.of(state.prisoners.getOrDefault(number, p)));
        Arrival arrival = problem.getArrivals().get(0);
        List<RecommendedAssignment<CellSlot, HardMediumSoftLongScore>> ranked =
                recommendations.recommendAssignment(problem, arrival, Arrival::getCell, ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
        List<HousingApi.RecommendedCell> cells = new ArrayList<>();
        for (RecommendedAssignment<CellSlot, HardMediumSoftLongScore> r : ranked) {
            CellSlot cell = r.proposition();
            if (cell == null) {
                continue;
            }
            HardMediumSoftLongScore diff = r.scoreAnalysisDiff().score();
            List<HousingApi.ScorePart> parts = r.scoreAnalysisDiff().constraintAnalyses().stream()
                    .filter(c -> !c.score().isZero())
                    .map(c -> new HousingApi.ScorePart(c.constraintName(), c.score().toString())).toList();
            cells.add(new HousingApi.RecommendedCell(cell.getCode(), cell.getModule().getCode(), diff.toString(),
                    diff.hardScore() == 0, cell.getPinned(), cell.getCapacity(), parts));
            if (cells.size() >= limit) {
                break;
            }
        }
        return new HousingApi.Recommendation(number, state.facility.code(), cells);
    }
}
