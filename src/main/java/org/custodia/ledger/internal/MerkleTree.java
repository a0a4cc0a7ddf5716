package org.custodia.ledger.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.ledger.tlog.Rfc6962;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Merkle tree over the ledger's entries, stored as the hashes of its complete subtrees in
 * {@code ledger_tree_node} (one row per leaf: the subtrees that leaf completes). This is the only code that
 * writes the tree: {@link #append} adds the next leaf and must be called in leaf order, one writer at a time, in
 * the transaction of the entry it hashes (today the ledger's advisory lock gives that order; a sequencer that seals
 * entries in order can call the same method, or {@link #appendAll} for a batch).
 */
@Component
class MerkleTree {

    private static final int HASH = Rfc6962.HASH_SIZE;
    private static final byte[] PLACEHOLDER = new byte[HASH];

    private final JdbcClient jdbc;
    private final java.util.concurrent.atomic.AtomicReference<Frontier> last = new java.util.concurrent.atomic.AtomicReference<>();

    MerkleTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of leaves committed (or written in the caller's transaction). */
    long size() {
        return jdbc.sql("SELECT coalesce(max(leaf_index) + 1, 0) FROM ledger_tree_node").query(Long.class).single();
    }

    /**
     * Adds leaf {@code index} (= the current size) in its own statement. The ledger's append uses {@link #next}
     * instead, to write the row in the same statement as the entry.
     */
    void append(long index, byte[] leafHash) {
        Row row = next(index, null, leafHash, null);
        jdbc.sql("INSERT INTO ledger_tree_node (leaf_index, hashes) VALUES (?, ?)").params(row.leafIndex(), row.hashes()).update();
    }

    /**
     * The row that leaf {@code index} (= the current size) adds: its hash and the subtrees it completes. The left
     * siblings come from the compact range this instance computed at the previous append when that append's entry is
     * the head ({@code headEntryHash}; an entry's chain hash covers everything its leaf hash does), else from the
     * table (one query). Call it under the append turn and write the row in the entry's transaction.
     */
    Row next(long index, String headEntryHash, byte[] leafHash, String newEntryHash) {
        Frontier cached = last.get();
        List<byte[]> range = cached != null && cached.size() == index && headEntryHash != null
                && cached.entryHash().equals(headEntryHash) ? cached.range() : compactRange(index);
        int completes = Long.numberOfTrailingZeros(~index);
        List<byte[]> siblings = new ArrayList<>(completes);
        for (int i = 0; i < completes; i++) {
            siblings.add(range.get(range.size() - 1 - i));
        }
        byte[] hashes = completed(leafHash, siblings);
        List<byte[]> next = new ArrayList<>(range.subList(0, range.size() - completes));
        next.add(Arrays.copyOfRange(hashes, hashes.length - HASH, hashes.length));
        // Set before commit under the append turn; a rolled-back entry's hash is never anyone's head, so it is not used.
        last.set(newEntryHash == null ? null : new Frontier(index + 1, newEntryHash, List.copyOf(next)));
        return new Row(index, hashes);
    }

    /** The complete subtrees that make up the tree of {@code size} leaves, one per set bit, largest first. */
    private List<byte[]> compactRange(long size) {
        List<Node> range = new ArrayList<>();
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                range.add(new Node(level, start >>> level));
                start += 1L << level;
            }
        }
        Map<Node, byte[]> found = fetch(new LinkedHashSet<>(range));
        List<byte[]> hashes = new ArrayList<>(range.size());
        for (Node node : range) {
            byte[] hash = found.get(node);
            if (hash == null) {
                throw new IllegalStateException("the ledger's Merkle tree is missing subtree " + node.level() + "/"
                        + node.index() + " of a tree of " + size);
            }
            hashes.add(hash);
        }
        return hashes;
    }

    /** One row of {@code ledger_tree_node}. */
    record Row(long leafIndex, byte[] hashes) {
    }

    private record Frontier(long size, String entryHash, List<byte[]> range) {
    }

    /** Adds leaves {@code from, from+1, ...} at once (catching up, or a sequencer's batch); {@code from} = size. */
    void appendAll(long from, List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return;
        }
        last.set(null);
        List<byte[]> stack = new ArrayList<>(compactRange(from));
        List<Object[]> rows = new ArrayList<>();
        long index = from;
        for (byte[] leaf : leafHashes) {
            int completes = Long.numberOfTrailingZeros(~index);
            List<byte[]> siblings = new ArrayList<>(completes);
            for (int i = 0; i < completes; i++) {
                siblings.add(stack.remove(stack.size() - 1));
            }
            byte[] hashes = completed(leaf, siblings);
            stack.add(Arrays.copyOfRange(hashes, hashes.length - HASH, hashes.length));
            rows.add(new Object[] {index, hashes});
            index++;
        }
        for (int i = 0; i < rows.size(); i += 1000) {
            List<Object[]> batch = rows.subList(i, Math.min(rows.size(), i + 1000));
            StringBuilder sql = new StringBuilder("INSERT INTO ledger_tree_node (leaf_index, hashes) VALUES ");
            List<Object> params = new ArrayList<>();
            for (Object[] row : batch) {
                sql.append(params.isEmpty() ? "(?, ?)" : ", (?, ?)");
                params.add(row[0]);
                params.add(row[1]);
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    /** The leaf hash, then each completed subtree: siblings are the left siblings nearest first. */
    private static byte[] completed(byte[] leafHash, List<byte[]> siblings) {
        byte[] out = new byte[HASH * (siblings.size() + 1)];
        byte[] current = leafHash;
        System.arraycopy(current, 0, out, 0, HASH);
        for (int level = 0; level < siblings.size(); level++) {
            byte[] left = siblings.get(level);
            if (left == null) {
                throw new IllegalStateException("the ledger's Merkle tree is missing a subtree; it is not where the entries are");
            }
            current = Rfc6962.nodeHash(left, current);
            System.arraycopy(current, 0, out, HASH * (level + 1), HASH);
        }
        return out;
    }

    byte[] leafHash(long index) {
        return fetch(Set.of(new Node(0, index))).get(new Node(0, index));
    }

    byte[] root(long size) {
        return MerkleProofs.root(prefetched(source -> MerkleProofs.root(source, size)), size);
    }

    List<byte[]> inclusion(long index, long size) {
        return MerkleProofs.inclusion(prefetched(source -> MerkleProofs.inclusion(source, index, size)), index, size);
    }

    List<byte[]> consistency(long from, long to) {
        return MerkleProofs.consistency(prefetched(source -> MerkleProofs.consistency(source, from, to)), from, to);
    }

    /**
     * Runs {@code walk} once against placeholders to learn which subtrees it reads (the walk's shape does not depend
     * on the hashes), fetches them in one query, and returns a source holding them.
     */
    private NodeSource prefetched(java.util.function.Consumer<NodeSource> walk) {
        Set<Node> wanted = new LinkedHashSet<>();
        walk.accept((level, index) -> {
            wanted.add(new Node(level, index));
            return PLACEHOLDER;
        });
        Map<Node, byte[]> found = fetch(wanted);
        return (level, index) -> {
            byte[] hash = found.get(new Node(level, index));
            if (hash == null) {
                throw new IllegalStateException("the ledger's Merkle tree has no subtree " + level + "/" + index);
            }
            return hash;
        };
    }

    private Map<Node, byte[]> fetch(Set<Node> nodes) {
        Map<Long, List<Node>> byRow = new HashMap<>();
        for (Node node : nodes) {
            byRow.computeIfAbsent(node.row(), r -> new ArrayList<>()).add(node);
        }
        Map<Node, byte[]> found = new HashMap<>();
        if (byRow.isEmpty()) {
            return found;
        }
        String rows = byRow.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
        jdbc.sql("SELECT leaf_index, hashes FROM ledger_tree_node WHERE leaf_index = ANY(?::bigint[])")
                .param(rows)
                .query((rs, n) -> {
                    long row = rs.getLong(1);
                    byte[] hashes = rs.getBytes(2);
                    for (Node node : byRow.get(row)) {
                        int from = node.level() * HASH;
                        if (hashes.length >= from + HASH) {
                            found.put(node, Arrays.copyOfRange(hashes, from, from + HASH));
                        }
                    }
                    return row;
                })
                .list();
        return found;
    }

    /** A complete subtree; it is stored in the row of its last leaf, at its level. */
    record Node(int level, long index) {
        long row() {
            return ((index + 1) << level) - 1;
        }
    }
}
