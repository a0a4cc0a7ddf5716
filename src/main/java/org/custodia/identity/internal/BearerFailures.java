package org.custodia.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.custodia.identity.IdentityAudited;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the ledger keeps of a refused bearer token ({@code BEARER_TOKEN_REJECTED}): never the token itself (it may be
 * a real one, stolen or expired), but its SHA-256 as the subject, so that repeats of one token can be told apart,
 * the reason from a closed list, the client the token claims to be (unverified: read from its payload, only if it
 * looks like a client id), and where the request came from.
 */
final class BearerFailures {

    /** Why a bearer token was refused. */
    enum Reason { EXPIRED, CLAIMS_INVALID, BAD_SIGNATURE, MALFORMED, UNKNOWN_CLIENT, INVALID }

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BearerFailures() {
    }

    static IdentityAudited audited(Authentication attempt, AuthenticationException failure) {
        String token = attempt instanceof BearerTokenAuthenticationToken bearer ? bearer.getToken() : "";
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", reason(failure).name());
        String claimed = claimedClient(token);
        if (claimed != null) {
            payload.put("claimedClient", claimed);
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            payload.put("remoteAddress", request.getRemoteAddr());
            payload.put("path", request.getRequestURI());
        }
        return new IdentityAudited("anonymous", "BEARER_TOKEN_REJECTED", "BEARER_TOKEN", sha256(token), payload);
    }

    static Reason reason(AuthenticationException failure) {
        Throwable cause = failure.getCause();
        String message = String.valueOf(failure.getMessage());
        if (cause instanceof JwtValidationException invalid) {
            boolean expired = invalid.getErrors().stream()
                    .anyMatch(e -> String.valueOf(e.getDescription()).toLowerCase().contains("expired"));
            return expired ? Reason.EXPIRED : Reason.CLAIMS_INVALID;
        }
        if (message.toLowerCase().contains("signature")) {
            return Reason.BAD_SIGNATURE;
        }
        if (message.contains("no enabled client")) {
            return Reason.UNKNOWN_CLIENT;
        }
        if (cause instanceof BadJwtException) {
            return Reason.MALFORMED;
        }
        return Reason.INVALID;
    }

    /** The {@code client_id} (else {@code sub}) the token's payload claims, unverified; null if there is none. */
    static String claimedClient(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[1].length() > 8192) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode id = claims.hasNonNull("client_id") ? claims.get("client_id") : claims.get("sub");
            return id != null && id.isString() && CLIENT_ID.matcher(id.asString()).matches() ? id.asString() : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
