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

    MerkleTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of leaves committed (or written in the caller's transaction). */
    long size() {
        return jdbc.sql("SELECT coalesce(max(leaf_index) + 1, 0) FROM ledger_tree_node").query(Long.class).single();
    }

    /**
     * Adds leaf {@code index} (= the current size). Reads the left siblings it completes (none for an even index,
     * one row on average) and writes one row.
     */
    void append(long index, byte[] leafHash) {
        int completes = Long.numberOfTrailingZeros(~index);
        List<byte[]> frontier = new ArrayList<>(completes);
        if (completes > 0) {
            // The left siblings, nearest first: level l-1 ends at the leaf before the block of 2^(l-1) below index.
            List<Node> siblings = new ArrayList<>(completes);
            for (int level = 0; level < completes; level++) {
                siblings.add(new Node(level, (index >>> level) - 1));
            }
            Map<Node, byte[]> found = fetch(new LinkedHashSet<>(siblings));
            for (Node sibling : siblings) {
                frontier.add(found.get(sibling));
            }
        }
        jdbc.sql("INSERT INTO ledger_tree_node (leaf_index, hashes) VALUES (?, ?)")
                .params(index, completed(leafHash, frontier))
                .update();
    }

    /** Adds leaves {@code from, from+1, ...} at once (catching up, or a sequencer's batch); {@code from} = size. */
    void appendAll(long from, List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return;
        }
        // The compact range of the tree of `from` leaves: one complete subtree per set bit, largest first.
        List<byte[]> stack = new ArrayList<>();
        List<Node> range = new ArrayList<>();
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            if ((from & (1L << level)) != 0) {
                range.add(new Node(level, start >>> level));
                start += 1L << level;
            }
        }
        Map<Node, byte[]> found = fetch(new LinkedHashSet<>(range));
        range.forEach(node -> stack.add(found.get(node)));
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
