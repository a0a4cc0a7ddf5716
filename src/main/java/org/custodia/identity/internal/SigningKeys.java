package org.custodia.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA key the embedded authorization server signs access tokens with. Stable across restarts and shared by
 * every instance: read from a PKCS#8 PEM file when {@code custodia.oauth2.signing-key} names one, otherwise kept in
 * the table {@code token_signing_key}, created once by whichever instance starts first (under a table lock).
 */
final class SigningKeys {

    private SigningKeys() {
    }

    static RSAKey load(String keyFile, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        try {
            return keyFile == null || keyFile.isBlank() ? fromDatabase(jdbc, tx, clock) : fromPem(Path.of(keyFile));
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Cannot load the token signing key", e);
        }
    }

    static RSAKey fromPem(Path file) throws GeneralSecurityException, JOSEException {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token signing key " + file, e);
        }
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalStateException(file + " is not a PKCS#8 PEM private key (openssl genpkey -algorithm RSA)");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
        return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
    }

    private static RSAKey fromDatabase(JdbcClient jdbc, TransactionTemplate tx, Clock clock)
            throws GeneralSecurityException {
        Stored stored = tx.execute(status -> {
            jdbc.sql("LOCK TABLE token_signing_key IN EXCLUSIVE MODE").update();
            List<Stored> existing = newest(jdbc);
            if (!existing.isEmpty()) {
                return existing.get(0);
            }
            KeyPair pair = generate();
            Stored created = new Stored(UUID.randomUUID().toString(), pair.getPrivate().getEncoded(),
                    pair.getPublic().getEncoded());
            jdbc.sql("INSERT INTO token_signing_key (kid, private_key, public_key, created_at) VALUES (?, ?, ?, ?)")
                    .params(created.kid(), created.privateKey(), created.publicKey(),
                            clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
            return created;
        });
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(stored.publicKey()));
        return new RSAKey.Builder(publicKey)
                .privateKey(rsa.generatePrivate(new PKCS8EncodedKeySpec(stored.privateKey())))
                .keyID(stored.kid())
                .build();
    }

    private static List<Stored> newest(JdbcClient jdbc) {
        return jdbc.sql("SELECT kid, private_key, public_key FROM token_signing_key ORDER BY created_at DESC LIMIT 1")
                .query((rs, n) -> new Stored(rs.getString("kid"), rs.getBytes("private_key"), rs.getBytes("public_key")))
                .list();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(String kid, byte[] privateKey, byte[] publicKey) {
    }
}
