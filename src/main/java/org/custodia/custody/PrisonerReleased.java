package org.custodia.custody;

import java.time.Instant;
import java.util.UUID;

/**
 * Published in the release's transaction: the quota frees a place, housing frees the bed, billing stops.
 *
 * @param type RETURN_TO_SENDING_STATE, TRANSFER_TO_THIRD_STATE, SENTENCE_COMPLETED or DEATH
 */
public record PrisonerReleased(UUID prisonerId, String prisonerNumber, UUID referralId, String agreementCode,
                               String facilityCode, String type, Instant effectiveAt) {
}
