package org.truce.publication;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.truce.store.finding.FindingCount;

/**
 * What a publication needs from the record, and nothing more. The store answers the first three
 * today ({@link StoreRecord}); the others are the seams where the incident ledger, the exchange
 * ledger, the process timeline and the Merkle checkpoint plug in. An empty answer is printed as
 * "not available in this record", never as zero.
 */
public interface RecordView {

    /** Current findings under the agreement counted by commitment, party, event day and outcome. */
    List<FindingCount> findingCounts(String agreementId);

    /** Live reports with an event day in {@code from..to} (both included), each with its findings. */
    List<ObservedReport> reportsBetween(String agreementId, LocalDate from, LocalDate to);

    /** Display names of the registered sources by id. */
    Map<String, String> sourceNames();

    /** Verified and unverified possible violations of a commitment on a day, once incidents are verified. */
    default Optional<VerificationCount> verification(String commitmentId, LocalDate day) {
        return Optional.empty();
    }

    /** Persons handed over per party up to a day, once exchanges are recorded. */
    default Optional<ExchangeBalance> exchangeBalance(String commitmentId, LocalDate day) {
        return Optional.empty();
    }

    /** Where a process milestone stands on a day (started, done...), once the timeline is recorded. */
    default Optional<String> milestoneStatus(String commitmentId, LocalDate day) {
        return Optional.empty();
    }

    /** The root hash of the record as of the end of a day, once the record is a Merkle log. */
    default Optional<String> checkpoint(LocalDate day) {
        return Optional.empty();
    }

    /** Counts from verified incidents. */
    record VerificationCount(long verified, long unverified) {
    }

    /** Persons released by each party up to a day (party id to count). */
    record ExchangeBalance(Map<String, Integer> releasedByParty) {
        public ExchangeBalance {
            releasedByParty = Map.copyOf(releasedByParty);
        }
    }
}
