package org.custodia.housing.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodia.facility.CellAttribute;
import org.custodia.facility.InactiveReason;
import org.custodia.facility.SecurityLevel;
import org.custodia.housing.internal.rules.Need;
import org.custodia.housing.internal.rules.Scope;

/** The request and response bodies of housing, one record per shape. */
final class HousingApi {

    private HousingApi() {
    }

    @Schema(description = "A cell move (DESIGN.md: {cell, reason}); occurredAt defaults to now, never in the future")
    record CellMoveRequest(@Schema(example = "M1-C01") String cell, @Schema(example = "Placement after admission") String reason,
                           Instant occurredAt) {
    }

    @Schema(description = "The move as recorded on the file")
    record CellMoveResponse(String prisonerNumber, String cell, String module, String previousCell, Instant occurredAt) {
    }

    @Schema(description = "Occupancy (DESIGN.md), with the certified normal accommodation and the overcrowding beyond it")
    record Occupancy(String facilityCode, int certifiedNormalAccommodation, int workingCapacity, int occupied,
                     @Schema(description = "occupied as a percentage of the certified normal accommodation") int occupancyPercent,
                     @Schema(description = "people beyond the certified normal accommodation") int overcrowding,
                     List<ModuleOccupancy> modules) {
    }

    record ModuleOccupancy(String code, SecurityLevel securityLevel, int certifiedNormalAccommodation, int workingCapacity,
                           int maxCapacity, int occupied, int overcrowding, List<AffiliationCount> affiliations,
                           List<CellOccupancy> cells) {
    }

    record CellOccupancy(String code, boolean active, InactiveReason inactiveReason, Set<CellAttribute> attributes,
                         int certifiedNormalAccommodation, int workingCapacity, int maxCapacity, int occupied,
                         int overcrowding, List<AffiliationCount> affiliations) {
    }

    @Schema(description = "How many of the occupants belong to a group; NONE for no affiliation")
    record AffiliationCount(String group, int count) {
    }

    @Schema(description = "A facility's rivalry matrix: which affiliations may not share a cell, which not a module")
    record Rivalries(String facilityCode, List<RivalryEntry> rivalries) {
    }

    record RivalryEntry(@NotBlank String a, @NotBlank String b, @NotNull Scope scope) {
    }

    record RivalriesRequest(@NotNull List<@NotNull RivalryEntry> rivalries) {
    }

    @Schema(description = "What the prisoner's cell must offer")
    record NeedsRequest(@NotNull Set<Need> needs, @NotBlank String reason) {
    }

    record NeedsResponse(String prisonerNumber, Set<Need> needs, String reason) {
    }

    enum Role { VICTIM, PERPETRATOR, NOT_RELEVANT, UNKNOWN }

    enum Reason { GANG_RELATED, VIOLENCE, THREAT, BULLYING, ORGANISED_CRIME, LEGAL_REQUEST, OTHER }

    @Schema(description = "A keep-apart record (non-association) between two prisoners")
    record KeepApartRequest(@NotNull @jakarta.validation.Valid Party first, @NotNull @jakarta.validation.Valid Party second, @NotNull Reason reason,
                            @NotNull Scope scope, String comment, @NotBlank String authorisedBy) {
    }

    record Party(@NotBlank String prisonerNumber, @NotNull Role role) {
    }

    record KeepApartChange(@NotBlank String reason) {
    }

    record KeepApartView(UUID id, Party first, Party second, Reason reason, Scope scope, String comment,
                         String authorisedBy, String source, String status, Instant createdAt, String createdBy,
                         List<KeepApartEvent> history) {
    }

    record KeepApartEvent(String action, Instant at, String by, String why) {
    }

    @Schema(description = "A housing plan request (DESIGN.md)")
    record PlanRequest(@NotBlank @Schema(example = "CECOT") String facilityCode,
                       @NotEmpty @Size(max = 5000) List<@NotBlank String> prisonerNumbers,
                       @Schema(description = "seconds the solver may spend at most (default 5, at most 60)") Integer timeLimitSeconds) {
    }

    @Schema(description = "A plan: each placement with its score explained per rule, and why anybody could not be placed")
    record Plan(UUID id, String facilityCode, String status, Instant createdAt, String createdBy, Instant appliedAt,
                String appliedBy, String score, boolean feasible, List<Placement> placements, List<Unplaced> unplaced,
                List<ConstraintTotal> constraints) {
    }

    record Placement(String prisonerNumber, String cell, String module, String previousCell,
                     List<ScorePart> explanation) {
    }

    @Schema(description = "One constraint's share of a score: e.g. {constraint: balanceOccupancy, score: 0hard/0medium/-150soft}")
    record ScorePart(String constraint, String score) {
    }

    record Unplaced(String prisonerNumber, String reason, List<RuleCount> refusedBy) {
    }

    @Schema(description = "A hard rule and in how many cells it refused the person")
    record RuleCount(String rule, int cells, String example) {
    }

    record ConstraintTotal(String constraint, String score, int matches) {
    }

    record Recommendation(String prisonerNumber, String facilityCode, List<RecommendedCell> cells) {
    }

    record RecommendedCell(String cell, String module, String score, boolean feasible, int occupied,
                           int workingCapacity, List<ScorePart> explanation) {
    }
}
