package org.custodia.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transparency log's state at a glance, for the console's home page: how many entries it holds and its
 * latest signed checkpoint with who cosigned it. Cheap to ask (it does not recompute the chain, as
 * {@link Ledger#verify()} does).
 */
public interface LogState {

    /** Entries sealed into the log (the Merkle tree's size). */
    long entries();

    /** The latest signed checkpoint; empty before the first. */
    Optional<Checkpoint> latestCheckpoint();

    /**
     * @param treeSize   the entries it signs
     * @param signedAt   when the log signed it
     * @param cosigners  the witnesses that cosigned it, with when each signed
     */
    record Checkpoint(long treeSize, Instant signedAt, List<Cosigner> cosigners) {
        public Checkpoint {
            cosigners = List.copyOf(cosigners);
        }
    }

    record Cosigner(String witness, Instant signedAt) {
    }
}
