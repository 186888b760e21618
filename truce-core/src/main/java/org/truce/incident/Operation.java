package org.truce.incident;

import java.util.List;

/** What a ledger entry did. */
public sealed interface Operation {

    /** An incident came into the ledger with these reports. */
    record Created(String incidentId, List<String> reportIds) implements Operation {
        public Created {
            reportIds = List.copyOf(reportIds);
        }

        @Override
        public List<String> incidentIds() {
            return List.of(incidentId);
        }
    }

    /** {@code absorbedId} was merged into {@code survivorId} and now redirects to it. */
    record Merged(String survivorId, String absorbedId, VerificationStatus statusAfter) implements Operation {
        @Override
        public List<String> incidentIds() {
            return List.of(survivorId, absorbedId);
        }
    }

    /** Reports were split off {@code fromId} into the new incident {@code newId}; {@code fromId} keeps the rest. */
    record Split(String fromId, String newId, List<String> reportIds, VerificationStatus fromStatusAfter)
            implements Operation {
        public Split {
            reportIds = List.copyOf(reportIds);
        }

        @Override
        public List<String> incidentIds() {
            return List.of(fromId, newId);
        }
    }

    /** A verification status change. */
    record StatusChanged(String incidentId, VerificationStatus from, VerificationStatus to) implements Operation {
        @Override
        public List<String> incidentIds() {
            return List.of(incidentId);
        }
    }

    /** The incident ids this operation concerns. */
    List<String> incidentIds();
}
