package org.truce.store.record;

import java.time.Instant;

/** One row of record_entries: the entry text as hashed, and what the row says about it. */
public record StoredEntry(long index, String kind, String subject, String entryText, String leafHashHex,
        Instant recordedAt) {
}
