package org.custodia.ledger.tlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, and one signature line per signer,
 * {@code — <key name> base64(4-byte key ID || signature)}.
 *
 * @param text the signed text, with its final newline
 * @param signatures the signature lines, in order
 */
public record SignedNote(String text, List<Line> signatures) {

    /** U+2014 EM DASH and a space: how every signature line begins. */
    public static final String SIGNATURE_PREFIX = "\u2014 ";

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    /**
     * One signature line.
     *
     * @param name the key name
     * @param keyId the first 4 bytes
     * @param signature what follows the key ID (for a cosignature: the 8-byte time, then the signature)
     */
    public record Line(String name, byte[] keyId, byte[] signature) {

        public String encoded() {
            byte[] both = new byte[keyId.length + signature.length];
            System.arraycopy(keyId, 0, both, 0, keyId.length);
            System.arraycopy(signature, 0, both, keyId.length, signature.length);
            return SIGNATURE_PREFIX + name + " " + Base64.getEncoder().encodeToString(both);
        }

        public boolean by(VerifierKey key) {
            return name.equals(key.name()) && MessageDigest.isEqual(keyId, key.keyId());
        }

        /** Reads one line (without its newline). */
        public static Line parse(String line) throws ProofException {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new ProofException("a signature line begins with an em dash and a space");
            }
            String rest = line.substring(SIGNATURE_PREFIX.length());
            int space = rest.lastIndexOf(' ');
            if (space <= 0) {
                throw new ProofException("a signature line is: em dash, name, signature");
            }
            String name = rest.substring(0, space);
            if (!VerifierKey.validName(name)) {
                throw new ProofException("a signature line's key name is malformed");
            }
            byte[] both;
            try {
                both = Base64.getDecoder().decode(rest.substring(space + 1));
            } catch (IllegalArgumentException e) {
                throw new ProofException("a signature line's signature is not base64");
            }
            if (both.length < 5) {
                throw new ProofException("a signature line's signature is too short");
            }
            return new Line(name, Arrays.copyOf(both, 4), Arrays.copyOfRange(both, 4, both.length));
        }
    }

    /** Signs {@code text} (which must end with a newline) with an Ed25519 note key. */
    public static Line sign(String text, VerifierKey key, java.security.PrivateKey privateKey) {
        if (key.type() != VerifierKey.ED25519) {
            throw new IllegalArgumentException("a note signature needs an Ed25519 note key (type 0x01)");
        }
        byte[] signature = Ed25519.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
        return new Line(key.name(), key.keyId(), signature);
    }

    /** The note as text: the text, a blank line, the signature lines. */
    public String encoded() {
        StringBuilder out = new StringBuilder(text).append('\n');
        for (Line line : signatures) {
            out.append(line.encoded()).append('\n');
        }
        return out.toString();
    }

    public SignedNote with(Line line) {
        List<Line> all = new ArrayList<>(signatures);
        all.add(line);
        return new SignedNote(text, all);
    }

    /** Reads a note; it must carry at least one signature line. */
    public static SignedNote parse(String note) throws ProofException {
        if (note == null) {
            throw new ProofException("no note");
        }
        String normalized = note.endsWith("\n") ? note : note + "\n";
        int split = normalized.lastIndexOf("\n\n");
        if (split < 0) {
            throw new ProofException("a signed note is a text, a blank line and signature lines");
        }
        String text = normalized.substring(0, split + 1);
        String block = normalized.substring(split + 2);
        if (block.isEmpty()) {
            throw new ProofException("the note has no signature line");
        }
        List<Line> lines = new ArrayList<>();
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
            lines.add(Line.parse(line));
        }
        return new SignedNote(text, lines);
    }

    /** Checks that {@code key} (type 0x01) signed this note's text; throws if no line of it verifies. */
    public void verify(VerifierKey key) throws ProofException {
        if (key.type() != VerifierKey.ED25519) {
            throw new ProofException("a note signature is checked with an Ed25519 note key (type 0x01)");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (Line line : signatures) {
            if (line.by(key)) {
                found = true;
                if (Ed25519.verify(key.publicKey(), message, line.signature())) {
                    return;
                }
            }
        }
        throw new ProofException(found ? "the signature of " + key.name() + " does not verify"
                : "the note is not signed by " + key.name());
    }
}
