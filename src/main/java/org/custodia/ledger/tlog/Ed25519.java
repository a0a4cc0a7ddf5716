package org.custodia.ledger.tlog;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Ed25519 with the JDK's provider: raw 32-byte public keys in and out, signing and checking. */
public final class Ed25519 {

    public static final int KEY_SIZE = 32;
    public static final int SIGNATURE_SIZE = 64;
    /** The X.509 SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410); the raw key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519() {
    }

    /** The raw 32-byte key: the last 32 bytes of the X.509 encoding. */
    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_SIZE, encoded.length);
    }

    public static PublicKey publicKey(byte[] raw) {
        if (raw == null || raw.length != KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        byte[] encoded = new byte[X509_PREFIX.length + KEY_SIZE];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, KEY_SIZE);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public static boolean verify(byte[] rawPublicKey, byte[] message, byte[] sig) {
        if (sig == null || sig.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(publicKey(rawPublicKey));
            signature.update(message);
            return signature.verify(sig);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
