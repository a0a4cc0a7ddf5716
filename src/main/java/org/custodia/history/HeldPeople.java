package org.custodia.history;

import java.time.Instant;
import java.util.List;
import org.custodia.referral.Finding;
import tools.jackson.databind.JsonNode;

/**
 * What {@code POST /api/v1/custody-history} does, for other modules (the demo story): a person held since before
 * go-live, recorded as MIGRATED with the referral's findings as of the admission, placed in the cell under housing's
 * rules, released if the record says so, an oversight alert raised when a finding failed. Runs as the current user
 * (ADMIN or RECEPTION_OFFICER, checked by the caller as the API checks it); joins the caller's transaction.
 */
public interface HeldPeople {

    Recorded record(JsonNode dossier, Instant admittedAt, String cell, Release release, String source);

    /** @param type RETURN_TO_SENDING_STATE, TRANSFER_TO_THIRD_STATE, SENTENCE_COMPLETED or DEATH */
    record Release(String type, Instant effectiveAt, String receivedBy, String destinationState, String reason) {
    }

    record Recorded(String prisonerNumber, String referralId, String status, boolean eligible, boolean alertRaised,
                    List<Finding> findings) {
    }
}
