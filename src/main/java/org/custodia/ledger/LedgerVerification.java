package org.custodia.ledger;

/**
 * The result of recomputing the chain.
 *
 * @param entries how many entries were read
 * @param valid whether every entry's payload hash and chain hash recompute, with no gap in the sequence
 * @param firstInvalidSequence the first sequence that does not check out (a missing one included), or null
 * @param head the hash of the last entry, or null on an empty ledger
 */
public record LedgerVerification(long entries, boolean valid, Long firstInvalidSequence, String head) {
}
