package org.truce.format;

import java.util.List;

/** What a reader of a small file (facilities, not events) returns: the accepted items and the counts. */
public record ReadResult<T>(List<T> items, ReadCounts counts) {

    public ReadResult {
        items = List.copyOf(items);
        if (counts == null || counts.accepted() != items.size()) {
            throw new IllegalArgumentException("counts do not match the " + items.size() + " accepted items");
        }
    }
}
