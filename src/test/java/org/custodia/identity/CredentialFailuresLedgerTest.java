package org.custodia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Failed machine-client authentications leave the same trace as failed passwords: every refused bearer token is
 * ledgered ({@code BEARER_TOKEN_REJECTED}, never the token itself), every wrong client secret at the token endpoint
 * too ({@code CLIENT_AUTHENTICATION_FAILED}), and five wrong secrets lock the client id out like five wrong
 * passwords lock a username out: even the right secret is then refused, 429 with {@code Retry-After}.
 */
class CredentialFailuresLedgerTest extends IntegrationTest {

    @Autowired
    RSAKey tokenSigningKey;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Clock clock;

    @Test
    void everyRefusedBearerTokenIsLedgeredWithItsReasonButNeverTheToken() throws Exception {
        String good = token("us-agency-system", "demo");
        String[] parts = good.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        Instant now = Instant.now();
        String expired = signed("us-agency-system", now.minusSeconds(7200), now.minusSeconds(3600));
        String ghost = signed("no-such-client-" + UUID.randomUUID().toString().substring(0, 8), now, now.plusSeconds(600));
        Map<String, String> cases = Map.of("not-a-token", "MALFORMED", forged, "BAD_SIGNATURE", expired, "EXPIRED",
                ghost, "UNKNOWN_CLIENT");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            String token = bad.getKey();
            Api.Response response = anonymous().send("GET", "/api/v1/referrals", null,
                    Map.of("Authorization", "Bearer " + token));
            assertThat(response.status()).as(bad.getValue()).isEqualTo(401);
            assertThat(response.json().get("code").asString()).isEqualTo("INVALID_TOKEN");
            List<JsonNode> entries = entries("BEARER_TOKEN_REJECTED", sha256(token));
            assertThat(entries).as("one entry for the %s token", bad.getValue()).hasSize(1);
            JsonNode payload = entries.get(0);
            assertThat(payload.get("reason").asString()).isEqualTo(bad.getValue());
            assertThat(payload.get("path").asString()).isEqualTo("/api/v1/referrals");
            assertThat(payload.get("remoteAddress").asString()).isNotBlank();
        }
        assertThat(entries("BEARER_TOKEN_REJECTED", sha256(expired)).get(0).get("claimedClient").asString())
                .as("the client the token claims to be, unverified").isEqualTo("us-agency-system");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE payload::text LIKE ? OR subject_id LIKE ?")
                .params("%" + parts[2].substring(0, 40) + "%", "%" + parts[2].substring(0, 40) + "%")
                .query(Long.class).single()).as("no token is ever written to the ledger").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE action = 'LOGIN_FAILED' AND subject_id LIKE 'eyJ%'")
                .query(Long.class).single()).as("a token is never a failed login's username").isZero();

        Api.Response fine = anonymous().send("GET", "/api/v1/referrals", null, Map.of("Authorization", "Bearer " + good));
        assertThat(fine.status()).isEqualTo(200);
        assertThat(entries("BEARER_TOKEN_REJECTED", sha256(good))).as("an accepted token is not ledgered").isEmpty();
    }

    @Test
    void wrongClientSecretsAreLedgeredAndFiveLockTheClientOutEvenForTheRightSecret() throws Exception {
        String client = client("the-right-secret");
        String from = "127.0.0.3"; // this test's own address, so that its failures lock out nobody else
        for (int i = 0; i < 5; i++) {
            assertThat(tokenFrom(from, client, "wrong-" + i).status()).isEqualTo(401);
        }
        assertThat(entries("CLIENT_AUTHENTICATION_FAILED", client)).hasSize(5)
                .allMatch(p -> p.get("reason").asString().equals("INVALID_CLIENT"));
        assertThat(count("CLIENT_LOCKED_OUT", client)).isEqualTo(1);

        Raw locked = tokenFrom(from, client, "the-right-secret");
        assertThat(locked.status()).as("the right secret, refused unchecked").isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 301L);
        assertThat(Api.JSON.readTree(locked.body()).get("error").asString()).isEqualTo("invalid_client");
        List<JsonNode> failures = entries("CLIENT_AUTHENTICATION_FAILED", client);
        assertThat(failures).as("every attempt ledgered").hasSize(6);
        assertThat(failures.get(5).get("reason").asString()).isEqualTo("THROTTLED");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE payload::text LIKE '%the-right-secret%' "
                + "OR payload::text LIKE '%wrong-0%'").query(Long.class).single()).as("no secret ledgered").isZero();

        assertThat(tokenFrom("127.0.0.1", "us-agency-system", "demo").status())
                .as("other clients still get tokens").isEqualTo(200);
    }

    @Test
    void anUnknownClientIsLedgeredAndCountedLikeAWrongSecret() throws Exception {
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(tokenFrom("127.0.0.4", ghost, "anything").status()).isEqualTo(401);
        assertThat(entries("CLIENT_AUTHENTICATION_FAILED", ghost)).hasSize(1);
    }

    private String client(String secret) {
        String clientId = "t-client-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        INSERT INTO api_client (id, client_id, client_secret_hash, display_name, role, party_code, created_at)
                        VALUES (?, ?, ?, 'Test system', 'SENDING_AGENCY', 'US', ?)""")
                .params(UUID.randomUUID(), clientId, encoder.encode(secret), clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return clientId;
    }

    private String token(String clientId, String secret) throws IOException {
        Raw response = tokenFrom("127.0.0.1", clientId, secret);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return Api.JSON.readTree(response.body()).get("access_token").asString();
    }

    /** A token signed with the server's own key, for the times given (so an expired one, under any clock). */
    private String signed(String clientId, Instant issued, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(tokenSigningKey.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject(clientId).claim("client_id", clientId)
                        .issueTime(Date.from(issued)).notBeforeTime(Date.from(issued))
                        .expirationTime(Date.from(expires)).build());
        jwt.sign(new RSASSASigner(tokenSigningKey));
        return jwt.serialize();
    }

    private List<JsonNode> entries(String action, String subject) {
        List<JsonNode> payloads = new ArrayList<>();
        jdbc.sql("SELECT payload::text FROM ledger_entry WHERE action = ? AND subject_id = ? ORDER BY sequence")
                .params(action, subject).query(String.class).list().forEach(p -> payloads.add(Api.JSON.readTree(p)));
        return payloads;
    }

    private long count(String action, String subject) {
        return jdbc.sql("SELECT count(*) FROM ledger_entry WHERE action = ? AND subject_id = ?")
                .params(action, subject).query(Long.class).single();
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    record Raw(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** A token request sent from a chosen loopback address (java.net.http cannot pick its source address). */
    private Raw tokenFrom(String sourceAddress, String clientId, String secret) throws IOException {
        String credentials = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(sourceAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: application/json"
                    + "\r\nContent-Length: " + form.length() + "\r\nConnection: close\r\n\r\n" + form)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int status = Integer.parseInt(in.readLine().split(" ")[1]);
            Map<String, String> headers = new java.util.HashMap<>();
            String line;
            boolean chunked = false;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
                chunked |= line.toLowerCase().startsWith("transfer-encoding") && line.toLowerCase().contains("chunked");
            }
            StringBuilder body = new StringBuilder();
            while ((line = in.readLine()) != null) {
                if (chunked && line.matches("[0-9a-fA-F]+")) {
                    continue;
                }
                body.append(line);
            }
            return new Raw(status, headers, body.toString());
        }
    }
}
