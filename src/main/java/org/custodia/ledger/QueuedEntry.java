package org.custodia.ledger;

import java.time.Instant;

/**
 * An entry queued for the log in the caller's transaction. It commits or rolls back with the change it records; once
 * committed, the sequencer seals it into the log (its sequence number, chain hash and Merkle leaf). The writer's own
 * commit seals it before the writer answers; a crash in between leaves it queued, and the next sealing takes it.
 *
 * @param queueId its row in the queue; the sealed entry keeps it as {@code queue_id}
 * @param recordedAt when it was recorded (microseconds), as its hash will cover it
 * @param payloadHash hex SHA-256 of its canonical JSON payload
 */
public record QueuedEntry(long queueId, Instant recordedAt, String payloadHash) {
}
