package org.custodia.ledger;

import org.custodia.common.ProblemCode;
import org.springframework.http.HttpStatus;

/** Problems of the ledger's transparency log: entries, proofs, checkpoints, witnesses and cosignatures. */
public enum LedgerProblem implements ProblemCode {
    /** No entry has this sequence. */
    LEDGER_ENTRY_NOT_FOUND(HttpStatus.NOT_FOUND, "Ledger entry not found"),
    /** A tree size larger than the log has grown to. */
    TREE_SIZE_BEYOND_LOG(HttpStatus.BAD_REQUEST, "Tree size beyond the log"),
    /** A proof that cannot exist: a leaf outside the tree, a consistency proof from 0 or backwards. */
    PROOF_RANGE_INVALID(HttpStatus.BAD_REQUEST, "Proof range invalid"),
    /** No signed checkpoint has this tree size (or none has been signed yet). */
    CHECKPOINT_NOT_FOUND(HttpStatus.NOT_FOUND, "Checkpoint not found"),
    /** The tree as stored does not extend the last signed checkpoint, or disagrees with the entries: nothing is signed. */
    LEDGER_INCONSISTENT(HttpStatus.CONFLICT, "Ledger inconsistent"),
    /** A witness of this name is registered with another key, or the key is registered under another name. */
    WITNESS_EXISTS(HttpStatus.CONFLICT, "Witness exists"),
    /** The cosignature names a witness nobody registered. */
    WITNESS_NOT_FOUND(HttpStatus.NOT_FOUND, "Witness not found"),
    /** The cosignature does not verify with the witness's key over the checkpoint. */
    COSIGNATURE_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "Cosignature invalid");

    private final HttpStatus status;
    private final String title;

    LedgerProblem(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
