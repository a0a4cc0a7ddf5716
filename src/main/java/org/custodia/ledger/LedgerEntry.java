package org.custodia.ledger;

import java.time.Instant;

public record LedgerEntry(long sequence, Instant recordedAt, String actor, String action, String subjectType,
                          String subjectId, String payload, String payloadHash, String previousHash, String hash) {
}
