package org.truce.record;

import java.nio.charset.StandardCharsets;

/** One log entry in a bundle: its leaf index, its canonical JSON text, and its inclusion proof. */
public record BundleEntry(long index, String entry, InclusionProof inclusion) {

    public BundleEntry {
        if (index < 0 || entry == null || inclusion == null) {
            throw new IllegalArgumentException("a bundle entry needs an index, its text and its inclusion proof");
        }
    }

    public LeafHash leafHash() {
        return LeafHash.ofEntry(entry.getBytes(StandardCharsets.UTF_8));
    }
}
