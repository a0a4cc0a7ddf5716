package org.custodia.common.internal;

import org.custodia.common.CommonProblem;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.custodia.common.ApiException;
import org.custodia.common.CanonicalJson;
import org.custodia.common.FieldProblem;
import org.custodia.common.Idempotency;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

@Service
class JdbcIdempotency implements Idempotency {

    private static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcIdempotency(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ResponseEntity<Object> execute(String operation, String key, Object request, Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            return cast(action.get());
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.validation(java.util.List.of(new FieldProblem(HEADER, "INVALID_VALUE",
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters")));
        }
        String principal = principal();
        String requestHash = CanonicalJson.sha256(CanonicalJson.write(request));
        // A concurrent first request with the same key holds this row's lock until it commits: we wait for its answer.
        int inserted = jdbc.sql("""
                        INSERT INTO idempotency_record (principal, operation, idempotency_key, request_hash,
                                                        response_status, response_body, created_at)
                        VALUES (?, ?, ?, ?, 0, '', ?)
                        ON CONFLICT DO NOTHING""")
                .params(principal, operation, key, requestHash, clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .update();
        if (inserted == 0) {
            return replay(principal, operation, key, requestHash);
        }
        ResponseEntity<?> response = action.get();
        jdbc.sql("""
                        UPDATE idempotency_record SET response_status = ?, response_body = ?
                        WHERE principal = ? AND operation = ? AND idempotency_key = ?""")
                .params(response.getStatusCode().value(), CanonicalJson.write(response.getBody()), principal, operation, key)
                .update();
        return cast(response);
    }

    private ResponseEntity<Object> replay(String principal, String operation, String key, String requestHash) {
        Optional<Stored> stored = jdbc.sql("""
                        SELECT request_hash, response_status, response_body FROM idempotency_record
                        WHERE principal = ? AND operation = ? AND idempotency_key = ?""")
                .params(principal, operation, key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .optional();
        Stored record = stored.orElseThrow(() -> new ApiException(CommonProblem.IDEMPOTENCY_KEY_IN_USE, "A request with this Idempotency-Key is still being processed"));
        if (!record.requestHash().equals(requestHash)) {
            throw new ApiException(CommonProblem.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with a different request body");
        }
        JsonNode body = CanonicalJson.read(record.body());
        return ResponseEntity.status(record.status()).header("Idempotent-Replayed", "true").body(body);
    }

    private static String principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Object> cast(ResponseEntity<?> response) {
        return (ResponseEntity<Object>) response;
    }

    private record Stored(String requestHash, int status, String body) {
    }
}
