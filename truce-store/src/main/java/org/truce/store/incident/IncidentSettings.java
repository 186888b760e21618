package org.truce.store.incident;

import org.truce.incident.GroupingRules;
import org.truce.incident.SourceAffiliations;

/**
 * How the store groups reports into incidents: the rules of {@code org.truce.incident}, which
 * party each source speaks for, and the name recorded as the creator of the incidents grouping
 * makes (four eyes: that name can never verify them).
 */
public record IncidentSettings(GroupingRules rules, SourceAffiliations affiliations, String groupedBy) {

    /** The default rules, no affiliations, incidents created by "intake". */
    public static final IncidentSettings DEFAULT = new IncidentSettings(GroupingRules.DEFAULT, SourceAffiliations.NONE,
            "intake");

    public IncidentSettings {
        if (rules == null || affiliations == null || groupedBy == null || groupedBy.isBlank()) {
            throw new IllegalArgumentException("incident settings need rules, affiliations and a creator name");
        }
    }
}
