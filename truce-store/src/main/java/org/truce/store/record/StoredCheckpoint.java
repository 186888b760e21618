package org.truce.store.record;

import org.truce.record.SignedCheckpoint;

/** A checkpoint as stored: its number (0 for the first) and the signed note. */
public record StoredCheckpoint(long seq, SignedCheckpoint signed) {

    public long size() {
        return signed.checkpoint().size();
    }
}
