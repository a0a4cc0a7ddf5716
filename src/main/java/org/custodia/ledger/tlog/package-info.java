/**
 * The transparency log's formats and checks, with nothing but SHA-256 and Ed25519 from the JDK: RFC 9162 /
 * RFC 6962 Merkle hashing and proof verification, C2SP signed notes, checkpoints, verifier keys and
 * cosignatures, and the offline verifier of the command line. No Spring, no database: anyone holding a
 * checkpoint can run these against the API.
 */
@org.springframework.modulith.NamedInterface("tlog")
package org.custodia.ledger.tlog;
