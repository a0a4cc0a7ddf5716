package org.custodia.custody.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the prisoner file (Rule 8). {@code confidential} holds what only ADMIN and OVERSIGHT may read.
 */
record FileEvent(UUID id, UUID prisonerId, String type, Instant occurredAt, Instant recordedAt, String recordedBy,
                 Map<String, Object> details, Map<String, Object> confidential, boolean serious) {
}
