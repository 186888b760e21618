package org.truce.publication;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.truce.exchange.ExchangeLedger;
import org.truce.store.finding.FindingCount;
import org.truce.timeline.Timeline;

/**
 * What a publication needs from the record, and nothing more. {@link StoreRecord} answers from
 * the store and the agreement's companion files. A default answers "nothing recorded", which is
 * printed as "not available in this record", never as zero.
 */
public interface RecordView {

    /** Current findings under the agreement counted by commitment, party, event day and outcome. */
    List<FindingCount> findingCounts(String agreementId);

    /** Live reports with an event day in {@code from..to} (both included), each with its findings. */
    List<ObservedReport> reportsBetween(String agreementId, LocalDate from, LocalDate to);

    /** Display names of the registered sources by id. */
    Map<String, String> sourceNames();

    /**
     * The current incidents {@code reportIds} are part of, each once with all its reports (of any
     * day) and findings under the agreement, by incident id. Reports in no incident are left out.
     */
    default List<ObservedIncident> incidentsOf(String agreementId, Collection<Long> reportIds) {
        return List.of();
    }

    /**
     * The parties the findings of each current incident name under the agreement, by incident id
     * (the parties {@code RecordScope} reads an incident as concerning). A view that cannot tell
     * answers none, which leaves a party's liaison only the settled incidents.
     */
    default Map<String, ? extends Set<String>> partiesConcerned(String agreementId, Collection<String> incidentIds) {
        return Map.of();
    }

    /** The prisoner exchanges carried out, with every source's figures, when the record holds them. */
    default Optional<ExchangeLedger> exchanges() {
        return Optional.empty();
    }

    /** The process timeline with each step's status history, when the record holds it. */
    default Optional<Timeline> timeline() {
        return Optional.empty();
    }

    /** The latest checkpoint of the record signed at or before the end of {@code day} (UTC). */
    default Optional<DailyReport.Checkpoint> checkpointAtEndOf(LocalDate day) {
        return Optional.empty();
    }
}
