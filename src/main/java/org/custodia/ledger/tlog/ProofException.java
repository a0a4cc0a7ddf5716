package org.custodia.ledger.tlog;

/** A proof, note or key that does not check out; the message says why. */
public class ProofException extends Exception {

    public ProofException(String message) {
        super(message);
    }
}
