package org.custodia.transport.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.custodia.common.NotInFuture;
import org.custodia.custody.AdmissionCommand;
import org.custodia.custody.VerificationMethod;

/**
 * Request bodies of the manifest API. {@link ManifestService} checks them with Bean Validation and its own rules in
 * one pass, for the API and the console alike, so that every failure is listed at once. A field added after
 * DESIGN.md was published is optional.
 */
final class ManifestRequests {

    private ManifestRequests() {
    }

    @Schema(name = "ManifestRequest", description = "A transport of accepted referrals of one agreement")
    record NewManifest(@Schema(example = "US-SV-2025") @NotBlank String agreementCode,
                       @Schema(example = "ICE Air") @NotBlank String carrier,
                       @Schema(example = "GXA-1234") @NotBlank String transportReference,
                       @NotNull Instant scheduledDeparture, @NotNull Instant scheduledArrival,
                       @Schema(description = "Optional: the escorting officers' names") List<String> escortOfficers,
                       @Schema(description = "The accepted referrals that travel") @NotEmpty List<@NotNull UUID> referralIds) {
    }

    @Schema(description = "The departure of a planned manifest")
    record Departure(@NotNull @NotInFuture Instant departedAt) {
    }

    /**
     * The arrival handover of one person. Transport owns the facts of the trip (who, when, whether the identity was
     * verified and how); the rest is the admission record of Mandela Rule 7 (c) to (g) and Vienna Art. 36, in
     * custody's own types, which custody alone validates ({@link org.custodia.custody.Admissions#problems}).
     */
    @Schema(name = "ArrivalHandover", description = "The handover of one person at the gate (Mandela Rule 7, Vienna Convention Art. 36)")
    record Arrival(@NotNull UUID referralId, @NotNull @NotInFuture Instant arrivedAt,
                   @Schema(description = "false refuses the handover: nobody is admitted") @NotNull Boolean identityVerified,
                   @Schema(description = "How the identity was verified; required when it was") VerificationMethod verificationMethod,
                   @Schema(description = "What did not match; required when the identity was not verified") String identityDiscrepancy,
                   @Schema(description = "Optional (added after publication)") String conditionOnArrival,
                   @Schema(description = "Visible injuries, or 'none' (Rule 7 d)", example = "none") String injuriesObserved,
                   Boolean complaintOfIllTreatment,
                   @Schema(description = "Required with a complaint of ill-treatment") String illTreatmentDetails,
                   List<AdmissionCommand.PropertyItem> property, List<AdmissionCommand.FamilyMember> familyMembers,
                   @Schema(description = "Rule 7 g") AdmissionCommand.Contact emergencyContact,
                   AdmissionCommand.Contact nextOfKin,
                   @Schema(description = "Required true for a foreign national (Vienna Art. 36)") Boolean informedOfConsularRights,
                   Boolean consularNotificationRequested, Instant consulateNotifiedAt,
                   Boolean familyNotificationDeclined, String selfPerceivedGender, String responsibleAuthority) {
    }

    /** What became of someone on the manifest who did not reach the gate. */
    enum DiscrepancyKind {
        NOT_BOARDED, DIED_IN_TRANSIT, ESCAPED, MEDICAL_EVACUATION, OTHER
    }

    /** Someone on the manifest who did not reach the gate: never boarded, died or escaped on the way. */
    @Schema(name = "DiscrepancyRequest", description = "Accounts for someone who will not be handed over")
    record Discrepancy(@NotNull UUID referralId, @NotNull DiscrepancyKind kind, @NotBlank String details,
                       @NotInFuture Instant occurredAt) {
    }

    @Schema(name = "RemovalRequest")
    record Removal(@NotNull UUID referralId, @NotBlank String reason) {
    }

    @Schema(name = "CancellationRequest")
    record Cancellation(@NotBlank String reason) {
    }
}
