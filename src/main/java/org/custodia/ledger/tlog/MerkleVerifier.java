package org.custodia.ledger.tlog;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies RFC 9162 inclusion and consistency proofs (sections 2.1.3.2 and 2.1.4.2). Pure: hashes in, an
 * answer out. Every method throws {@link ProofException} naming what failed, and returns normally only for a
 * proof that checks out.
 */
public final class MerkleVerifier {

    private MerkleVerifier() {
    }

    /** Checks that {@code leafHash} is leaf {@code leafIndex} (from 0) of the tree of {@code treeSize} with {@code root}. */
    public static void verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws ProofException {
        byte[] computed = rootFromInclusion(leafIndex, treeSize, leafHash, proof);
        if (!MessageDigest.isEqual(computed, root)) {
            throw new ProofException("the inclusion proof leads to a different root hash");
        }
    }

    /** The root hash that an inclusion proof leads to (RFC 9162, 2.1.3.2). */
    public static byte[] rootFromInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof)
            throws ProofException {
        if (leafIndex < 0 || treeSize <= 0 || leafIndex >= treeSize) {
            throw new ProofException("leaf index " + leafIndex + " is outside a tree of size " + treeSize);
        }
        if (leafHash == null || leafHash.length != Rfc6962.HASH_SIZE) {
            throw new ProofException("the leaf hash is not 32 bytes");
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            checkHash(p);
            if (sn == 0) {
                throw new ProofException("the inclusion proof is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Rfc6962.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = Rfc6962.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the inclusion proof is shorter than the tree is deep");
        }
        return r;
    }

    /** Checks that the tree of {@code size2} with {@code root2} extends the tree of {@code size1} with {@code root1}. */
    public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
            throws ProofException {
        if (size1 <= 0) {
            throw new ProofException("a consistency proof from an empty tree proves nothing");
        }
        if (size2 < size1) {
            throw new ProofException("the second tree (" + size2 + ") is smaller than the first (" + size1 + ")");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new ProofException("the trees have the same size but the proof is not empty");
            }
            if (root1 == null || root2 == null || !MessageDigest.isEqual(root1, root2)) {
                throw new ProofException("two trees of the same size have different root hashes");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new ProofException("the consistency proof is empty");
        }
        for (byte[] p : proof) {
            checkHash(p);
        }
        checkHash(root1);
        checkHash(root2);
        // RFC 9162, 2.1.4.2: if size1 is an exact power of 2, the first tree's root is the proof's first node.
        List<byte[]> path = new java.util.ArrayList<>(proof.size() + 1);
        if (Long.bitCount(size1) == 1) {
            path.add(root1);
        }
        path.addAll(proof);
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new ProofException("the consistency proof is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Rfc6962.nodeHash(c, fr);
                sr = Rfc6962.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = Rfc6962.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the consistency proof is too short");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new ProofException("the consistency proof does not lead to the first tree's root hash");
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new ProofException("the consistency proof does not lead to the second tree's root hash");
        }
    }

    private static void checkHash(byte[] hash) throws ProofException {
        if (hash == null || hash.length != Rfc6962.HASH_SIZE) {
            throw new ProofException("a hash in the proof is not 32 bytes");
        }
    }
}
