package org.custodia.ledger.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodia.ledger.tlog.Ed25519;
import org.custodia.ledger.tlog.SignedNote;
import org.custodia.ledger.tlog.VerifierKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The facility's Ed25519 key that signs checkpoints. It lives in a file outside the database
 * ({@code custodia.ledger.key-path}, PEM: the PKCS#8 private key and the X.509 public key), made on the first start
 * if absent, readable by its owner only. Beside it, {@code <key-path>.vkey} holds the verifier key to hand to the
 * other parties. Losing the file means a new key, and so a new log for whoever verifies: back it up.
 */
@Component
class FacilityKey {

    private static final Logger log = LoggerFactory.getLogger(FacilityKey.class);
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)-----END \\1-----");

    private final VerifierKey verifierKey;
    private final PrivateKey privateKey;
    private final Path path;

    FacilityKey(@Value("${custodia.ledger.key-path:data/ledger-key}") String keyPath,
                @Value("${custodia.ledger.origin:custodia.local/ledger}") String origin) {
        this.path = Path.of(keyPath).toAbsolutePath();
        KeyPair pair = Files.exists(path) ? read(path) : create(path);
        this.privateKey = pair.getPrivate();
        this.verifierKey = new VerifierKey(origin, VerifierKey.ED25519, Ed25519.raw(pair.getPublic()));
        writeVerifierKey();
    }

    /** The key name, which is also the log's origin line. */
    String name() {
        return verifierKey.name();
    }

    VerifierKey verifierKey() {
        return verifierKey;
    }

    SignedNote sign(String text) {
        return new SignedNote(text, java.util.List.of(SignedNote.sign(text, verifierKey, privateKey)));
    }

    private static KeyPair create(Path path) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String pem = "# The facility's Ed25519 key that signs the ledger's checkpoints. Secret: never commit it, back it up.\n"
                    + pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
            Files.createDirectories(path.getParent());
            Path temp = Files.createTempFile(path.getParent(), ".ledger-key", ".tmp");
            try {
                restrict(temp);
                Files.writeString(temp, pem, StandardCharsets.US_ASCII);
                try {
                    Files.createLink(path, temp); // never replaces a key that is there
                } catch (UnsupportedOperationException e) {
                    Files.move(temp, path);
                }
            } catch (FileAlreadyExistsException e) {
                return read(path); // another process made it first
            } finally {
                Files.deleteIfExists(temp);
            }
            log.info("Made the ledger's signing key at {}", path);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the ledger's signing key at " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this JVM", e);
        }
    }

    private static KeyPair read(Path path) {
        try {
            String text = Files.readString(path, StandardCharsets.US_ASCII);
            byte[] privateDer = null;
            byte[] publicDer = null;
            Matcher m = PEM.matcher(text);
            while (m.find()) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(2));
                if (m.group(1).equals("PRIVATE KEY")) {
                    privateDer = der;
                } else if (m.group(1).equals("PUBLIC KEY")) {
                    publicDer = der;
                }
            }
            if (privateDer == null || publicDer == null) {
                throw new IllegalStateException("The ledger's key file " + path + " needs a PRIVATE KEY and a PUBLIC KEY block");
            }
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(publicDer));
            byte[] probe = "custodia ledger key check".getBytes(StandardCharsets.US_ASCII);
            if (!Ed25519.verify(Ed25519.raw(publicKey), probe, Ed25519.sign(privateKey, probe))) {
                throw new IllegalStateException("The ledger's key file " + path + " holds keys that do not belong together");
            }
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the ledger's signing key at " + path, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The ledger's key file " + path + " is not an Ed25519 key", e);
        }
    }

    private void writeVerifierKey() {
        Path vkey = path.resolveSibling(path.getFileName() + ".vkey");
        String text = verifierKey.encoded() + "\n";
        try {
            if (!Files.exists(vkey) || !Files.readString(vkey, StandardCharsets.US_ASCII).equals(text)) {
                Files.writeString(vkey, text, StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            log.warn("Could not write the ledger's verifier key to {}: {}", vkey, e.getMessage());
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: rely on the directory's permissions
        }
    }
}
