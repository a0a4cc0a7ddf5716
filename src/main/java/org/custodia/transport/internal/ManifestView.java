package org.custodia.transport.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.custodia.transport.ManifestStatus;
import org.custodia.transport.internal.Manifest.PassengerOutcome;

/** A manifest as the API and the console show it, built from the aggregate (one query). */
@Schema(name = "Manifest", description = "A manifest: the transport, everyone on it and what became of them")
record ManifestView(@Schema(description = "The manifest's id") UUID id,
                    @Schema(example = "US-SV-2025") String agreementCode,
                    @Schema(description = "The receiving facility", example = "CECOT") String facilityCode,
                    ManifestStatus status, @Schema(example = "ICE Air") String carrier,
                    @Schema(example = "GXA-1234") String transportReference, List<String> escortOfficers,
                    Instant scheduledDeparture, Instant scheduledArrival, Instant departedAt, Instant arrivedAt,
                    Instant closedAt, Instant cancelledAt, String cancellationReason, String createdBy, Instant createdAt,
                    List<Person> people, Counts counts) {

    static ManifestView of(Manifest m) {
        return new ManifestView(m.id(), m.agreementCode(), m.facilityCode(), m.status(), m.carrier(),
                m.transportReference(), m.escortOfficers(), m.scheduledDeparture(), m.scheduledArrival(),
                m.departedAt(), m.arrivedAt(), m.closedAt(), m.cancelledAt(), m.cancellationReason(), m.createdBy(),
                m.createdAt(), m.people().stream().map(p -> new Person(p.referralId(), p.externalReference(),
                        p.givenNames(), p.familyNames(), p.traveller().nationalities(), p.outcome(), p.prisonerNumber(),
                        p.discrepancy() == null ? null : p.discrepancy().details(), p.handedOverAt(), p.recordedBy()))
                .toList(), m.counts());
    }

    @Schema(name = "ManifestPerson", description = "One person on the manifest and what became of them")
    record Person(UUID referralId, String externalReference, String givenNames, String familyNames,
                  List<String> nationalities,
                  @Schema(description = "PENDING until handed over, admitted, refused, accounted for or removed")
                  PassengerOutcome outcome,
                  @Schema(description = "Set once ADMITTED") String prisonerNumber,
                  @Schema(description = "What happened, for HANDOVER_REFUSED, NOT_ARRIVED and REMOVED") String discrepancy,
                  Instant handedOverAt, String recordedBy) {
    }

    @Schema(name = "ManifestCounts", description = "How many people have each outcome")
    record Counts(int total, int pending, int admitted, int refused, int notArrived, int removed) {
    }

    /** The answer to a handover (the console flashes it across a redirect, so it is kept in the session). */
    @Schema(name = "HandoverAnswer", description = "The answer to an arrival handover: ADMITTED with the prisoner number, or HANDOVER_REFUSED")
    record Handover(UUID referralId, PassengerOutcome outcome,
                    @Schema(description = "The new prisoner number, when ADMITTED", example = "CECOT-2026-000001")
                    String prisonerNumber,
                    UUID prisonerId,
                    @Schema(description = "Why the handover was refused, when HANDOVER_REFUSED")
                    Manifest.Discrepancy discrepancy) implements java.io.Serializable {
    }
}
