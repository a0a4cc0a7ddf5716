package org.custodia.transport.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodia.common.ApiException;
import org.custodia.common.FieldProblem;
import org.custodia.transport.ManifestStatus;
import org.custodia.transport.TransportProblem;

/**
 * A transport of accepted referrals, as an aggregate: its methods are its transitions and each refuses what its
 * state does not allow. {@code PLANNED -> DEPARTED -> ARRIVED -> CLOSED}, or {@code CANCELLED} before departure. The
 * repository loads it with everyone on it in one query and saves what a transition changed.
 */
final class Manifest {

    private final UUID id;
    private final String agreementCode;
    private final String facilityCode;
    private ManifestStatus status;
    private final String carrier;
    private final String transportReference;
    private final List<String> escortOfficers;
    private final Instant scheduledDeparture;
    private final Instant scheduledArrival;
    private Instant departedAt;
    private String departureRecordedBy;
    private Instant arrivedAt;
    private Instant closedAt;
    private String closedBy;
    private Instant cancelledAt;
    private String cancellationReason;
    private final String createdBy;
    private final Instant createdAt;
    private final List<Passenger> people;

    Manifest(UUID id, String agreementCode, String facilityCode, ManifestStatus status, String carrier,
             String transportReference, List<String> escortOfficers, Instant scheduledDeparture, Instant scheduledArrival,
             Instant departedAt, String departureRecordedBy, Instant arrivedAt, Instant closedAt, String closedBy,
             Instant cancelledAt, String cancellationReason, String createdBy, Instant createdAt, List<Passenger> people) {
        this.id = id;
        this.agreementCode = agreementCode;
        this.facilityCode = facilityCode;
        this.status = status;
        this.carrier = carrier;
        this.transportReference = transportReference;
        this.escortOfficers = List.copyOf(escortOfficers);
        this.scheduledDeparture = scheduledDeparture;
        this.scheduledArrival = scheduledArrival;
        this.departedAt = departedAt;
        this.departureRecordedBy = departureRecordedBy;
        this.arrivedAt = arrivedAt;
        this.closedAt = closedAt;
        this.closedBy = closedBy;
        this.cancelledAt = cancelledAt;
        this.cancellationReason = cancellationReason;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.people = people; // owned by the manifest from here on
    }

    /** A new manifest, PLANNED, with the people in the order given. */
    static Manifest plan(UUID id, String agreementCode, String facilityCode, String carrier, String transportReference,
                         List<String> escortOfficers, Instant scheduledDeparture, Instant scheduledArrival,
                         List<Traveller> travellers, String createdBy, Instant createdAt) {
        List<Passenger> people = new ArrayList<>();
        for (int i = 0; i < travellers.size(); i++) {
            people.add(Passenger.pending(travellers.get(i), i));
        }
        return new Manifest(id, agreementCode, facilityCode, ManifestStatus.PLANNED, carrier, transportReference,
                escortOfficers, scheduledDeparture, scheduledArrival, null, null, null, null, null, null, null,
                createdBy, createdAt, people);
    }

    // ---- transitions

    /** Dispatches a planned manifest; answers the people who travel (everyone still pending). */
    List<Passenger> depart(Instant at, String by) {
        require(TransportProblem.MANIFEST_NOT_PLANNED, ManifestStatus.PLANNED);
        List<Passenger> travelling = pending();
        if (travelling.isEmpty()) {
            throw new ApiException(TransportProblem.MANIFEST_EMPTY, "Nobody is on the manifest");
        }
        status = ManifestStatus.DEPARTED;
        departedAt = at;
        departureRecordedBy = by;
        return travelling;
    }

    /** The person of a referral, pending at the gate: the start of a handover or of a discrepancy. */
    Passenger atTheGate(UUID referralId) {
        if (status == ManifestStatus.PLANNED) {
            throw new ApiException(TransportProblem.MANIFEST_NOT_DEPARTED,
                    "The manifest has not departed: nobody can arrive on it");
        }
        require(TransportProblem.MANIFEST_NOT_OPEN, ManifestStatus.DEPARTED, ManifestStatus.ARRIVED);
        return pendingPassenger(referralId);
    }

    /** The person was handed over and admitted with a prisoner number; the first arrival marks the manifest ARRIVED. */
    void arrive(UUID referralId, Instant at, String prisonerNumber, String handoverJson, String by, Instant now) {
        Passenger p = atTheGate(referralId);
        landed(at);
        p.settle(PassengerOutcome.ADMITTED, prisonerNumber, handoverJson, null, at, by, now);
    }

    /** The handover was refused (the identity did not match): nobody is admitted, the discrepancy is kept. */
    void refuse(UUID referralId, Instant at, String handoverJson, Discrepancy discrepancy, String by, Instant now) {
        Passenger p = atTheGate(referralId);
        landed(at);
        p.settle(PassengerOutcome.HANDOVER_REFUSED, null, handoverJson, discrepancy, at, by, now);
    }

    /** Someone who will not reach the gate (not boarded, died, escaped, evacuated), accounted for. */
    void accountFor(UUID referralId, Discrepancy discrepancy, Instant at, String by, Instant now) {
        atTheGate(referralId).settle(PassengerOutcome.NOT_ARRIVED, null, null, discrepancy, at, by, now);
    }

    /** Takes someone off a planned manifest. */
    void remove(UUID referralId, String reason, String by, Instant now) {
        require(TransportProblem.MANIFEST_NOT_PLANNED, ManifestStatus.PLANNED);
        pendingPassenger(referralId).settle(PassengerOutcome.REMOVED, null, null, new Discrepancy("REMOVED", reason),
                now, by, now);
    }

    void cancel(String reason, Instant now) {
        require(TransportProblem.MANIFEST_NOT_PLANNED, ManifestStatus.PLANNED);
        status = ManifestStatus.CANCELLED;
        cancelledAt = now;
        cancellationReason = reason;
        people.forEach(Passenger::leave);
    }

    /** Closes once everyone on it is admitted or accounted for; otherwise names those who are not. */
    void close(String by, Instant now) {
        require(TransportProblem.MANIFEST_NOT_OPEN, ManifestStatus.DEPARTED, ManifestStatus.ARRIVED);
        List<FieldProblem> unaccounted = pending().stream()
                .map(p -> new FieldProblem("people[" + p.position() + "]", "NOT_ACCOUNTED_FOR",
                        p.givenNames() + " " + p.familyNames() + " (" + p.externalReference()
                                + ") is neither admitted nor accounted for"))
                .toList();
        if (!unaccounted.isEmpty()) {
            throw new ApiException(TransportProblem.MANIFEST_HAS_UNACCOUNTED_PEOPLE,
                    unaccounted.size() + " people on the manifest are neither admitted nor accounted for", unaccounted);
        }
        status = ManifestStatus.CLOSED;
        closedAt = now;
        closedBy = by;
        people.forEach(Passenger::leave);
    }

    private void landed(Instant at) {
        if (status == ManifestStatus.DEPARTED) {
            status = ManifestStatus.ARRIVED;
            arrivedAt = at;
        }
    }

    private Passenger pendingPassenger(UUID referralId) {
        Passenger p = people.stream().filter(x -> x.referralId().equals(referralId)).findFirst()
                .orElseThrow(() -> new ApiException(TransportProblem.PERSON_NOT_ON_MANIFEST,
                        "Referral " + referralId + " is not on this manifest: the person cannot be admitted"));
        if (p.outcome() != PassengerOutcome.PENDING) {
            throw new ApiException(TransportProblem.HANDOVER_ALREADY_RECORDED,
                    "The handover of this person was already recorded: " + p.outcome());
        }
        return p;
    }

    private void require(TransportProblem code, ManifestStatus... allowed) {
        for (ManifestStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new ApiException(code, "The manifest is " + status + "; this needs " + List.of(allowed));
    }

    // ---- reads

    List<Passenger> pending() {
        return people.stream().filter(p -> p.outcome() == PassengerOutcome.PENDING).toList();
    }

    /** How many of each outcome. */
    ManifestView.Counts counts() {
        int[] n = new int[PassengerOutcome.values().length];
        people.forEach(p -> n[p.outcome().ordinal()]++);
        return new ManifestView.Counts(people.size(), n[PassengerOutcome.PENDING.ordinal()],
                n[PassengerOutcome.ADMITTED.ordinal()], n[PassengerOutcome.HANDOVER_REFUSED.ordinal()],
                n[PassengerOutcome.NOT_ARRIVED.ordinal()], n[PassengerOutcome.REMOVED.ordinal()]);
    }

    UUID id() { return id; }
    String agreementCode() { return agreementCode; }
    String facilityCode() { return facilityCode; }
    ManifestStatus status() { return status; }
    String carrier() { return carrier; }
    String transportReference() { return transportReference; }
    List<String> escortOfficers() { return escortOfficers; }
    Instant scheduledDeparture() { return scheduledDeparture; }
    Instant scheduledArrival() { return scheduledArrival; }
    Instant departedAt() { return departedAt; }
    String departureRecordedBy() { return departureRecordedBy; }
    Instant arrivedAt() { return arrivedAt; }
    Instant closedAt() { return closedAt; }
    String closedBy() { return closedBy; }
    Instant cancelledAt() { return cancelledAt; }
    String cancellationReason() { return cancellationReason; }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
    List<Passenger> people() { return List.copyOf(people); }

    /** Who travels, as named on the referral when the manifest was planned. */
    record Traveller(UUID referralId, String externalReference, String givenNames, String familyNames,
                     List<String> nationalities) {
    }

    /** What happened to someone who did not pass the gate: a kind and what was seen. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "Discrepancy")
    record Discrepancy(String kind, String details) implements java.io.Serializable {
    }

    /** The outcome of each person on a manifest. */
    enum PassengerOutcome {
        PENDING, ADMITTED, HANDOVER_REFUSED, NOT_ARRIVED, REMOVED
    }

    /** One person on the manifest and what became of them; {@code changed} tells the repository what to write. */
    static final class Passenger {
        private final Traveller traveller;
        private final int position;
        private PassengerOutcome outcome;
        private boolean open;
        private String prisonerNumber;
        private String handoverJson;
        private Discrepancy discrepancy;
        private Instant handedOverAt;
        private String recordedBy;
        private Instant recordedAt;
        private boolean changed;

        Passenger(Traveller traveller, int position, PassengerOutcome outcome, boolean open, String prisonerNumber,
                  Discrepancy discrepancy, Instant handedOverAt, String recordedBy) {
            this.traveller = traveller;
            this.position = position;
            this.outcome = outcome;
            this.open = open;
            this.prisonerNumber = prisonerNumber;
            this.discrepancy = discrepancy;
            this.handedOverAt = handedOverAt;
            this.recordedBy = recordedBy;
        }

        static Passenger pending(Traveller traveller, int position) {
            return new Passenger(traveller, position, PassengerOutcome.PENDING, true, null, null, null, null);
        }

        private void settle(PassengerOutcome to, String number, String handover, Discrepancy d, Instant at, String by,
                            Instant now) {
            outcome = to;
            prisonerNumber = number;
            handoverJson = handover;
            discrepancy = d;
            handedOverAt = at;
            recordedBy = by;
            recordedAt = now;
            open = false;
            changed = true;
        }

        private void leave() {
            if (open) {
                open = false;
                changed = true;
            }
        }

        UUID referralId() { return traveller.referralId(); }
        String externalReference() { return traveller.externalReference(); }
        String givenNames() { return traveller.givenNames(); }
        String familyNames() { return traveller.familyNames(); }
        Traveller traveller() { return traveller; }
        int position() { return position; }
        PassengerOutcome outcome() { return outcome; }
        boolean open() { return open; }
        String prisonerNumber() { return prisonerNumber; }
        String handoverJson() { return handoverJson; }
        Discrepancy discrepancy() { return discrepancy; }
        Instant handedOverAt() { return handedOverAt; }
        String recordedBy() { return recordedBy; }
        Instant recordedAt() { return recordedAt; }
        boolean changed() { return changed; }
    }
}
