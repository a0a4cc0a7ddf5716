package org.custodia.transport.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.custodia.transport.ManifestStatus;

/** A manifest as the API and the console show it. */
record ManifestView(UUID id, String agreementCode, String facilityCode, ManifestStatus status, String carrier,
                    String transportReference, List<String> escortOfficers, Instant scheduledDeparture,
                    Instant scheduledArrival, Instant departedAt, Instant arrivedAt, Instant closedAt,
                    Instant cancelledAt, String cancellationReason, String createdBy, Instant createdAt,
                    List<Person> people, Counts counts) {

    /** One person on the manifest and what became of them. */
    record Person(UUID referralId, String externalReference, String givenNames, String familyNames,
                  List<String> nationalities, String outcome, String prisonerNumber, String discrepancy,
                  Instant handedOverAt, String recordedBy) {
    }

    record Counts(int total, int pending, int admitted, int refused, int notArrived, int removed) {
    }
}
