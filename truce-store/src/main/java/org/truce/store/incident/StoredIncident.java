package org.truce.store.incident;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.truce.assessment.Outcome;
import org.truce.incident.IncidentAssessment;
import org.truce.incident.VerificationStatus;

/**
 * A current incident as stored: its status, the anchor's event type, the days and the place its
 * reports allow, how many reports and independent sources, who created it, and its findings under
 * the agreement asked for.
 */
public record StoredIncident(
        String id,
        VerificationStatus status,
        String eventType,
        LocalDate firstDay,
        LocalDate lastDay,
        double latitude,
        double longitude,
        double radius_m,
        int reportCount,
        int independentSources,
        SortedSet<String> createdBy,
        List<StoredIncidentFinding> findings) {

    public StoredIncident {
        findings = List.copyOf(findings);
    }

    /** The most serious outcome of its findings (possible violation first), if it has any. */
    public Optional<Outcome> mostSeriousOutcome() {
        return findings.stream().map(f -> f.assessment().outcome())
                .max(Comparator.comparingInt(IncidentAssessment::seriousness));
    }

    StoredIncident withFindings(List<StoredIncidentFinding> f) {
        return new StoredIncident(id, status, eventType, firstDay, lastDay, latitude, longitude, radius_m, reportCount,
                independentSources, createdBy, f);
    }
}
