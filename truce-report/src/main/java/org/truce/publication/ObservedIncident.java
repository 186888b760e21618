package org.truce.publication;

import java.time.LocalDate;
import java.util.List;
import org.truce.incident.IncidentAssessment;
import org.truce.incident.VerificationStatus;

/**
 * A current incident of the record: its verification status, the days its reports allow, how
 * many independent sources, its findings (combined from its reports') and every report in it
 * with its own findings, by report id.
 */
public record ObservedIncident(String id, VerificationStatus status, LocalDate firstDay, LocalDate lastDay,
        int independentSources, List<IncidentAssessment> findings, List<ObservedReport> members) {

    public ObservedIncident {
        findings = List.copyOf(findings);
        members = List.copyOf(members);
    }
}
