package org.custodia.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.custodia.ledger.tlog.MerkleVerifier;
import org.custodia.ledger.tlog.ProofException;
import org.custodia.ledger.tlog.Rfc6962;
import org.junit.jupiter.api.Test;

/**
 * The proof builder, over stored complete subtrees, against a naive RFC 6962 reference that recomputes everything
 * from the leaves (section 2.1, written as the RFC reads), over random tree sizes; and its proofs verify.
 */
class MerkleProofsTest {

    private final Random random = new Random(20261202L);

    @Test
    void rootsAndProofsEqualTheNaiveReference() {
        List<Integer> sizes = new ArrayList<>(List.of(1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64, 65, 100, 127, 128, 129));
        for (int i = 0; i < 30; i++) {
            sizes.add(1 + random.nextInt(600));
        }
        for (int n : sizes) {
            List<byte[]> leaves = leaves(n);
            NodeSource nodes = completeSubtrees(leaves);
            for (int size = 1; size <= n; size += Math.max(1, n / 13)) {
                List<byte[]> prefix = leaves.subList(0, size);
                assertThat(MerkleProofs.root(nodes, size)).as("root of %d", size).isEqualTo(mth(prefix));
                for (int m = 0; m < size; m += Math.max(1, size / 7)) {
                    assertThat(MerkleProofs.inclusion(nodes, m, size)).as("path %d in %d", m, size)
                            .usingElementComparator(Arrays::compare).containsExactlyElementsOf(path(m, prefix));
                }
                for (int m = 1; m <= size; m += Math.max(1, size / 7)) {
                    assertThat(MerkleProofs.consistency(nodes, m, size)).as("proof %d to %d", m, size)
                            .usingElementComparator(Arrays::compare).containsExactlyElementsOf(proof(m, prefix));
                }
            }
        }
    }

    @Test
    void everyProofOfASmallTreeVerifiesAndAWrongOneDoesNot() throws ProofException {
        for (int size = 1; size <= 40; size++) {
            int n = size;
            List<byte[]> leaves = leaves(n);
            NodeSource nodes = completeSubtrees(leaves);
            byte[] root = MerkleProofs.root(nodes, n);
            for (int i = 0; i < n; i++) {
                int m = i;
                List<byte[]> path = MerkleProofs.inclusion(nodes, m, n);
                MerkleVerifier.verifyInclusion(m, n, leaves.get(m), path, root);
                int other = (m + 1) % n;
                if (other != m) {
                    int leaf = other;
                    assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(m, n, leaves.get(leaf), path, root))
                            .isInstanceOf(ProofException.class);
                }
            }
            for (int i = 1; i <= n; i++) {
                int m = i;
                byte[] old = MerkleProofs.root(nodes, m);
                List<byte[]> proof = MerkleProofs.consistency(nodes, m, n);
                MerkleVerifier.verifyConsistency(m, n, proof, old, root);
                if (m < n) {
                    byte[] forged = old.clone();
                    forged[0] ^= 1;
                    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(m, n, proof, forged, root))
                            .isInstanceOf(ProofException.class);
                }
            }
        }
    }

    @Test
    void theEmptyTreeHasTheHashOfNothing() {
        assertThatCode(() -> MerkleProofs.root((l, i) -> {
            throw new AssertionError("nothing to read");
        }, 0)).doesNotThrowAnyException();
        assertThat(MerkleProofs.root((l, i) -> null, 0)).isEqualTo(Rfc6962.emptyRoot());
    }

    private List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Distinct leaves, so that a proof for one is never a proof for another.
            leaves.add(Rfc6962.leafHash(("leaf " + i + " " + random.nextLong()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    /** The complete subtrees of a tree, as the store keeps them, computed the naive way. */
    private static NodeSource completeSubtrees(List<byte[]> leaves) {
        return (level, index) -> {
            long start = index << level;
            long end = (index + 1) << level;
            if (end > leaves.size()) {
                throw new AssertionError("subtree " + level + "/" + index + " is not complete in " + leaves.size());
            }
            return mth(leaves.subList((int) start, (int) end));
        };
    }

    // RFC 6962, section 2.1, over leaf hashes.
    private static byte[] mth(List<byte[]> d) {
        if (d.isEmpty()) {
            return Rfc6962.sha256().digest();
        }
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = k(d.size());
        return Rfc6962.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    private static List<byte[]> path(int m, List<byte[]> d) {
        List<byte[]> out = new ArrayList<>();
        if (d.size() <= 1) {
            return out;
        }
        int k = k(d.size());
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, d.size())));
        } else {
            out.addAll(path(m - k, d.subList(k, d.size())));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    private static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        List<byte[]> out = new ArrayList<>();
        int n = d.size();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = k(n);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    private static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }
}
