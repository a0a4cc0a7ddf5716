package org.custodia.ledger;

/**
 * The append-only, hash-chained audit ledger. Every state change appends an entry in the same transaction as
 * the change: if the change rolls back, so does its entry. Appending queues the entry; the sequencer seals committed
 * entries into the log in order (sequence number, chain hash, Merkle leaf) right after the writer's commit, so writers
 * never wait for each other at the chain's head while their transactions run.
 */
public interface Ledger {

    /**
     * Appends an entry for the current user (or {@code system} outside a request).
     *
     * @param action what happened, e.g. {@code AGREEMENT_CREATED}
     * @param subjectType the kind of record, e.g. {@code AGREEMENT}
     * @param subjectId its identifier
     * @param payload what changed; stored as canonical JSON and hashed
     */
    QueuedEntry append(String action, String subjectType, String subjectId, Object payload);

    /** The same, naming the actor explicitly (logins, failed logins, work done by the system). */
    QueuedEntry appendAs(String actor, String action, String subjectType, String subjectId, Object payload);

    /** Recomputes the whole chain. */
    LedgerVerification verify();
}
