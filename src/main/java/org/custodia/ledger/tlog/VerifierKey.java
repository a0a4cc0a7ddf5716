package org.custodia.ledger.tlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A C2SP signed-note verifier key: {@code <name>+<hex key ID>+<base64(type || public key)>}. Type 0x01 is an
 * Ed25519 note signature (the log's checkpoints), 0x04 an Ed25519 {@code cosignature/v1} (a witness).
 *
 * @param name the key name, as it appears in signature lines
 * @param type the signature type byte
 * @param publicKey the raw 32-byte Ed25519 key
 */
public record VerifierKey(String name, int type, byte[] publicKey) {

    public static final int ED25519 = 0x01;
    public static final int COSIGNATURE_V1 = 0x04;

    public VerifierKey {
        if (!validName(name)) {
            throw new IllegalArgumentException("a key name is non-empty and has no spaces, '+' or newlines");
        }
        if (publicKey == null || publicKey.length != Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    public static boolean validName(String name) {
        return name != null && !name.isEmpty() && name.codePoints().noneMatch(c -> c == '+' || Character.isWhitespace(c)
                || Character.isISOControl(c));
    }

    /** SHA-256(name || "\n" || type || key)[:4], as signature lines carry it. */
    public byte[] keyId() {
        MessageDigest digest = Rfc6962.sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update((byte) type);
        digest.update(publicKey);
        return Arrays.copyOf(digest.digest(), 4);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The text form. */
    public String encoded() {
        byte[] material = new byte[1 + publicKey.length];
        material[0] = (byte) type;
        System.arraycopy(publicKey, 0, material, 1, publicKey.length);
        return name + "+" + HexFormat.of().formatHex(keyId()) + "+" + Base64.getEncoder().encodeToString(material);
    }

    /** Reads the text form, checking that the key ID matches the key. */
    public static VerifierKey parse(String text) throws ProofException {
        String[] parts = text.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new ProofException("a verifier key is name+keyid+key");
        }
        byte[] material;
        try {
            material = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new ProofException("the verifier key's key is not base64");
        }
        if (material.length != 1 + Ed25519.KEY_SIZE || (material[0] != ED25519 && material[0] != COSIGNATURE_V1)) {
            throw new ProofException("the verifier key is not an Ed25519 key");
        }
        VerifierKey key;
        try {
            key = new VerifierKey(parts[0], material[0], Arrays.copyOfRange(material, 1, material.length));
        } catch (IllegalArgumentException e) {
            throw new ProofException(e.getMessage());
        }
        if (!HexFormat.of().formatHex(key.keyId()).equalsIgnoreCase(parts[1])) {
            throw new ProofException("the verifier key's ID does not match its name and key");
        }
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifierKey other && name.equals(other.name) && type == other.type
                && Arrays.equals(publicKey, other.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + type) + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
