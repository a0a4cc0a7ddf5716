package org.custodia.transport.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request bodies of the manifest API; validated as a whole in {@link ManifestService}. */
final class ManifestRequests {

    private ManifestRequests() {
    }

    record NewManifest(String agreementCode, String carrier, String transportReference, Instant scheduledDeparture,
                       Instant scheduledArrival, List<String> escortOfficers, List<UUID> referralIds) {
    }

    record Departure(Instant departedAt) {
    }

    /** The arrival handover of one person: Mandela Rule 7 (c) to (g) and Vienna Convention Art. 36. */
    record Arrival(UUID referralId, Instant arrivedAt, Boolean identityVerified, String verificationMethod,
                   String identityDiscrepancy, String conditionOnArrival, String injuriesObserved,
                   Boolean complaintOfIllTreatment, String illTreatmentDetails, List<PropertyItem> property,
                   List<FamilyMember> familyMembers, Contact emergencyContact, Contact nextOfKin,
                   Boolean informedOfConsularRights, Boolean consularNotificationRequested,
                   Instant consulateNotifiedAt, Boolean familyNotificationDeclined, String selfPerceivedGender,
                   String responsibleAuthority) {
    }

    record PropertyItem(String description, Integer quantity) {
    }

    record FamilyMember(String name, String relationship, String location, Integer age, String custodyStatus) {
    }

    record Contact(String name, String phone, String relationship) {
    }

    /** Someone on the manifest who did not reach the gate: never boarded, died or escaped on the way. */
    record Discrepancy(UUID referralId, String kind, String details, Instant occurredAt) {
    }

    record Removal(UUID referralId, String reason) {
    }

    record Cancellation(String reason) {
    }
}
