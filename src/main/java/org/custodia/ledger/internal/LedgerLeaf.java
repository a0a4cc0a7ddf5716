package org.custodia.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodia.common.CanonicalJson;
import org.custodia.ledger.LedgerEntry;
import org.custodia.ledger.tlog.Rfc6962;

/**
 * The bytes a ledger entry's leaf hash covers, rebuilt from what is stored: the canonical JSON (keys sorted, no
 * white space, UTF-8) of
 * {@code {"action", "actor", "payloadSha256", "recordedAt", "sequence", "subjectId", "subjectType"}}, where
 * {@code recordedAt} is the ISO-8601 instant in UTC as Java's {@code Instant.toString()} writes it (microseconds at
 * most) and {@code payloadSha256} is the lower-case hex SHA-256 of the stored payload text, recomputed, so that an
 * altered payload changes the leaf. The payload itself stays out of the leaf (it holds personal data); whoever may
 * read it can check it against {@code payloadSha256}.
 */
final class LedgerLeaf {

    private LedgerLeaf() {
    }

    static byte[] data(LedgerEntry entry) {
        return data(entry, CanonicalJson.sha256(entry.payload()));
    }

    /** At append time, with the hash of the payload just computed from the same text. */
    static byte[] data(LedgerEntry entry, String payloadSha256) {
        Map<String, Object> leaf = new LinkedHashMap<>();
        leaf.put("sequence", entry.sequence());
        leaf.put("recordedAt", entry.recordedAt().toString());
        leaf.put("actor", entry.actor());
        leaf.put("action", entry.action());
        leaf.put("subjectType", entry.subjectType());
        leaf.put("subjectId", entry.subjectId());
        leaf.put("payloadSha256", payloadSha256);
        return CanonicalJson.write(leaf).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] hash(LedgerEntry entry) {
        return Rfc6962.leafHash(data(entry));
    }
}
