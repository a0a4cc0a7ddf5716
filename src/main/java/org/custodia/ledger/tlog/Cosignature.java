package org.custodia.ledger.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;

/**
 * C2SP tlog-cosignature/v1 with Ed25519: a witness signs {@code cosignature/v1\ntime <t>\n<checkpoint body>}
 * and the signature line carries the key ID, the 8-byte big-endian time and the 64-byte signature.
 */
public final class Cosignature {

    private Cosignature() {
    }

    public static byte[] message(long timestamp, String checkpointBody) {
        return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointBody).getBytes(StandardCharsets.UTF_8);
    }

    /** Cosigns a checkpoint body (what a witness does after checking the checkpoint's consistency). */
    public static SignedNote.Line sign(String checkpointBody, long timestamp, VerifierKey key, PrivateKey privateKey) {
        if (key.type() != VerifierKey.COSIGNATURE_V1) {
            throw new IllegalArgumentException("a cosignature needs a cosignature/v1 key (type 0x04)");
        }
        byte[] signature = Ed25519.sign(privateKey, message(timestamp, checkpointBody));
        return new SignedNote.Line(key.name(), key.keyId(),
                ByteBuffer.allocate(8 + signature.length).putLong(timestamp).put(signature).array());
    }

    /** The time a cosignature line carries, in seconds since the epoch. */
    public static long timestamp(SignedNote.Line line) throws ProofException {
        if (line.signature().length != 8 + Ed25519.SIGNATURE_SIZE) {
            throw new ProofException("a cosignature is an 8-byte time and a 64-byte signature");
        }
        long timestamp = ByteBuffer.wrap(line.signature(), 0, 8).getLong();
        if (timestamp < 0) {
            throw new ProofException("a cosignature's time exceeds 2^63 - 1");
        }
        return timestamp;
    }

    /** Checks a cosignature line of {@code key} over a checkpoint body; returns its time. */
    public static long verify(SignedNote.Line line, String checkpointBody, VerifierKey key) throws ProofException {
        if (key.type() != VerifierKey.COSIGNATURE_V1) {
            throw new ProofException("a cosignature is checked with a cosignature/v1 key (type 0x04)");
        }
        if (!line.by(key)) {
            throw new ProofException("the cosignature is not by " + key.name());
        }
        long timestamp = timestamp(line);
        byte[] signature = java.util.Arrays.copyOfRange(line.signature(), 8, line.signature().length);
        if (!Ed25519.verify(key.publicKey(), message(timestamp, checkpointBody), signature)) {
            throw new ProofException("the cosignature of " + key.name() + " does not verify");
        }
        return timestamp;
    }
}
