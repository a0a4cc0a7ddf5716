package org.custodia.ledger.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The latest signed checkpoint and who cosigned it, for the ledger's console pages: {@code /ledger} (whose controller
 * lives in the web module, so its template reads this bean as {@code @latestCheckpoint}) and {@code /ledger/entries}.
 * Public only so that the templates' expressions may call it; Java code of other modules has no use for it.
 */
@Component("latestCheckpoint")
public class LatestCheckpoint {

    private final JdbcClient jdbc;

    LatestCheckpoint(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param treeSize how many entries the checkpoint signs
     * @param rootHash the Merkle tree's root, base64
     * @param keyName the log's key, also the checkpoint's origin
     */
    public record Signed(long treeSize, String rootHash, String keyName, Instant createdAt, String note,
                         List<Cosigned> cosignatures) {
    }

    /**
     * @param witness the witness key's name
     * @param owner whose key: a sending party's code, or {@code OVERSIGHT}
     * @param signedAt when the witness signed, from its signature
     * @param receivedBy the user who posted the cosignature
     */
    public record Cosigned(String witness, String owner, Instant signedAt, String receivedBy, Instant receivedAt) {
    }

    /** The latest checkpoint, or null before the first is signed. */
    @Transactional(readOnly = true)
    public Signed latest() {
        return jdbc.sql("SELECT * FROM ledger_checkpoint ORDER BY tree_size DESC LIMIT 1")
                .query((rs, n) -> new Signed(rs.getLong("tree_size"),
                        Base64.getEncoder().encodeToString(rs.getBytes("root_hash")), rs.getString("key_name"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("note"), List.of()))
                .optional()
                .map(c -> new Signed(c.treeSize(), c.rootHash(), c.keyName(), c.createdAt(), c.note(),
                        cosignatures(c.treeSize())))
                .orElse(null);
    }

    private List<Cosigned> cosignatures(long treeSize) {
        return jdbc.sql("""
                        SELECT c.witness_name, w.owner, c.signed_at, c.received_by, c.received_at
                        FROM ledger_cosignature c JOIN ledger_witness w ON w.name = c.witness_name
                        WHERE c.tree_size = ? ORDER BY c.received_at, c.witness_name""")
                .param(treeSize)
                .query((rs, n) -> new Cosigned(rs.getString("witness_name"), rs.getString("owner"),
                        Instant.ofEpochSecond(rs.getLong("signed_at")), rs.getString("received_by"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
