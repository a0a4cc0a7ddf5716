package org.custodia.ledger.internal;

import java.util.ArrayList;
import java.util.List;
import org.custodia.ledger.tlog.Rfc6962;

/**
 * Builds RFC 6962 tree heads and proofs (section 2.1: MTH, PATH, PROOF/SUBPROOF) from the hashes of complete
 * subtrees, so that a proof costs O(log n) stored hashes and no leaf is re-read. Pure: the hashes come from a
 * {@link NodeSource}.
 */
final class MerkleProofs {

    private MerkleProofs() {
    }

    /** MTH of the first {@code size} leaves. */
    static byte[] root(NodeSource nodes, long size) {
        return size == 0 ? Rfc6962.emptyRoot() : subtree(nodes, 0, size);
    }

    /** PATH(m, D[n]): the inclusion proof of leaf {@code index} in the tree of {@code size}, leaf side first. */
    static List<byte[]> inclusion(NodeSource nodes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(nodes, index, 0, size, proof);
        return proof;
    }

    /** PROOF(m, D[n]): the consistency proof from the tree of {@code from} leaves to the tree of {@code to}. */
    static List<byte[]> consistency(NodeSource nodes, long from, long to) {
        if (from <= 0 || from > to) {
            throw new IllegalArgumentException("no consistency proof from " + from + " to " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from < to) {
            subproof(nodes, from, 0, to, true, proof);
        }
        return proof;
    }

    /** MTH(D[start : start + n]); {@code start} is a multiple of the power of two at or above {@code n}. */
    static byte[] subtree(NodeSource nodes, long start, long n) {
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            return nodes.node(level, start >>> level);
        }
        long k = split(n);
        return Rfc6962.nodeHash(subtree(nodes, start, k), subtree(nodes, start + k, n - k));
    }

    private static void path(NodeSource nodes, long m, long start, long n, List<byte[]> out) {
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(nodes, m, start, k, out);
            out.add(subtree(nodes, start + k, n - k));
        } else {
            path(nodes, m - k, start + k, n - k, out);
            out.add(subtree(nodes, start, k));
        }
    }

    private static void subproof(NodeSource nodes, long m, long start, long n, boolean whole, List<byte[]> out) {
        if (m == n) {
            if (!whole) {
                out.add(subtree(nodes, start, n));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(nodes, m, start, k, whole, out);
            out.add(subtree(nodes, start + k, n - k));
        } else {
            subproof(nodes, m - k, start + k, n - k, false, out);
            out.add(subtree(nodes, start, k));
        }
    }

    /** The largest power of two smaller than {@code n} (n > 1). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }
}
