package org.custodia.ledger.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 9162 / RFC 6962 hashing with domain separation: leaves with 0x00, interior nodes with 0x01. */
public final class Rfc6962 {

    public static final int HASH_SIZE = 32;

    private Rfc6962() {
    }

    /** SHA-256(0x00 || data). */
    public static byte[] leafHash(byte[] data) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        digest.update(data);
        return digest.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
