package org.custodia.identity;

/**
 * Something identity did that the ledger must keep: a sign-in, a failed sign-in, a denied request, a user
 * created or changed. Published synchronously, so that the ledger's listener appends the entry in the same
 * transaction as the change (the ledger sits above identity and reads from it, never the other way round).
 *
 * @param actor who did it; {@code null} for the current user
 */
public record IdentityAudited(String actor, String action, String subjectType, String subjectId, Object payload) {
}
