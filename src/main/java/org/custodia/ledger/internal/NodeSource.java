package org.custodia.ledger.internal;

/** The hashes of complete subtrees: level {@code l}, index {@code j} covers leaves {@code [j·2^l, (j+1)·2^l)}. */
@FunctionalInterface
interface NodeSource {

    byte[] node(int level, long index);
}
