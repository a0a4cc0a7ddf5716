package org.custodia.custody;

import java.time.Instant;
import java.util.UUID;

/** Published in the admission's transaction: billing starts accruing, housing may place the person. */
public record PrisonerAdmitted(UUID prisonerId, String prisonerNumber, UUID referralId, String agreementCode,
                               String facilityCode, Instant admittedAt) {
}
