package org.truce.store.report;

import java.util.List;

/** What a full re-import did, with the external ids it recorded as deleted. */
public record ImportSummary(int created, int updated, int restored, int unchanged, List<String> deletedExternalIds) {

    public ImportSummary {
        deletedExternalIds = List.copyOf(deletedExternalIds);
    }

    public int deleted() {
        return deletedExternalIds.size();
    }
}
