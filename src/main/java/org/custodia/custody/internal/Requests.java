package org.custodia.custody.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.custodia.common.NotInFuture;

/**
 * The request bodies of the custody API, with enums for closed lists and Bean Validation; the services check them
 * with the rules that need the file (before the admission, the sending state, ...) in one pass, so that every
 * failure is listed at once. The entries of Rule 8 are {@link FileEntry}.
 */
final class Requests {

    private Requests() {
    }

    enum MovementDirection {
        OUT, IN
    }

    enum MovementReason {
        HOSPITAL, COURT, OTHER
    }

    /** A temporary absence: OUT (with its reason and destination) and back IN; custody continues. */
    @Schema(name = "MovementRequest", description = "A temporary absence: OUT makes the status TEMPORARILY_OUT, IN brings the person back")
    record Movement(@NotNull MovementDirection direction,
                    @Schema(description = "Required going OUT") MovementReason reason,
                    @Schema(description = "Required going OUT") String destination,
                    @NotNull @NotInFuture Instant occurredAt) {
    }

    @Schema(name = "ReleaseRequest", description = "A release. DEATH needs circumstances, cause and remainsDisposition (no receivedBy); "
            + "TRANSFER_TO_THIRD_STATE needs destinationState (not the sending state) and reason")
    record Release(@NotNull ReleaseType type, @NotNull @NotInFuture Instant effectiveAt,
                   @Schema(description = "Who took the person over") String receivedBy,
                   @Schema(description = "ISO 3166 alpha-2; a return goes to the sending state") String destinationState,
                   String reason, String circumstances, String cause, String remainsDisposition) {
    }

    @Schema(name = "FormalCountRequest", description = "A formal count per module")
    record Count(@NotEmpty List<@NotNull @Valid ModuleCount> modules, @NotInFuture Instant countedAt) {
    }

    @Schema(name = "ModuleCountRequest")
    record ModuleCount(@Schema(description = "A module's code, or UNHOUSED for the people in custody not yet in a cell",
            example = "M1") @NotBlank String code, @NotNull @Min(0) Integer counted) {
    }

    @Schema(name = "ResolutionRequest")
    record Resolution(@NotBlank String reason) {
    }
}
