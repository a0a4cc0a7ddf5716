package org.custodia.ledger;

/**
 * The append-only, hash-chained audit ledger. Every state change appends an entry in the same transaction as
 * the change: if the change rolls back, so does its entry.
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
    LedgerEntry append(String action, String subjectType, String subjectId, Object payload);

    /** The same, naming the actor explicitly (logins, failed logins, work done by the system). */
    LedgerEntry appendAs(String actor, String action, String subjectType, String subjectId, Object payload);

    /** Recomputes the whole chain. */
    LedgerVerification verify();
}
