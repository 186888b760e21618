/**
 * The tamper-evident record: an append-only Merkle log of canonical JSON entries (RFC 6962 /
 * RFC 9162 hashing), inclusion and consistency proofs, checkpoints signed with Ed25519 in the
 * C2SP signed-note convention, and the offline check of an exported bundle. Plain Java (only
 * the JDK's SHA-256 and EdDSA), no I/O: reading and writing files is done by adapters. The
 * formats and the liaison officer's commands are in {@code docs/integrity.md}.
 */
package org.truce.record;
