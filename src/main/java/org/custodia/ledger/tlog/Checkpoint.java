package org.custodia.ledger.tlog;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The body of a C2SP tlog-checkpoint: the origin line, the tree size in decimal, the base64 root hash, each
 * ending in a newline (no extension lines are written; any read are kept).
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        extensions = List.copyOf(extensions);
        rootHash = rootHash.clone();
    }

    public Checkpoint(String origin, long treeSize, byte[] rootHash) {
        this(origin, treeSize, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public String body() {
        StringBuilder out = new StringBuilder()
                .append(origin).append('\n')
                .append(treeSize).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(e -> out.append(e).append('\n'));
        return out.toString();
    }

    public static Checkpoint parse(String body) throws ProofException {
        if (!body.endsWith("\n")) {
            throw new ProofException("a checkpoint ends with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3 || lines[0].isEmpty()) {
            throw new ProofException("a checkpoint has an origin, a tree size and a root hash");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new ProofException("the checkpoint's tree size is not a decimal number");
        }
        long size;
        byte[] root;
        try {
            size = Long.parseLong(lines[1]);
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new ProofException("the checkpoint's tree size or root hash is malformed");
        }
        if (root.length != Rfc6962.HASH_SIZE) {
            throw new ProofException("the checkpoint's root hash is not 32 bytes");
        }
        return new Checkpoint(lines[0], size, root, Arrays.asList(lines).subList(3, lines.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && origin.equals(c.origin) && treeSize == c.treeSize
                && Arrays.equals(rootHash, c.rootHash) && extensions.equals(c.extensions);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Long.hashCode(treeSize) * 17 + Arrays.hashCode(rootHash);
    }
}
