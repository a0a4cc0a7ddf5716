package org.custodia.custody;

import java.time.Instant;

/**
 * The custody side of a person held since before go-live: admitted through the ordinary admission (every check of
 * Rule 7), marked MIGRATED with the record's source, placed in a cell and released if the record says so, and an
 * oversight alert "held without meeting the agreement" raised when the referral's findings failed. Joins the
 * caller's transaction; everything is ledgered.
 */
public interface CustodyHistory {

    Admission recordHeld(AdmissionCommand admission, HeldRecord record);

    /** The release of a person recorded by {@link #recordHeld}, through the ordinary release (every check). */
    void release(String prisonerNumber, Release release);

    /**
     * @param source where the record comes from
     * @param cell unused by custody: housing places the person (kept for the record's shape)
     * @param release optional: the release, when the person has left already
     * @param heldWithoutMeetingAgreement the failed findings in words, or null when the agreement was met
     */
    record HeldRecord(String source, String cell, Release release, String heldWithoutMeetingAgreement) {
    }

    /** @param type RETURN_TO_SENDING_STATE, TRANSFER_TO_THIRD_STATE, SENTENCE_COMPLETED or DEATH */
    record Release(String type, Instant effectiveAt, String receivedBy, String destinationState, String reason,
                   String circumstances, String cause, String remainsDisposition) {
    }
}
