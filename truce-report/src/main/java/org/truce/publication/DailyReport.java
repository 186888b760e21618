package org.truce.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.truce.assessment.Check;
import org.truce.assessment.Outcome;
import org.truce.exchange.BalanceRow;
import org.truce.incident.VerificationStatus;
import org.truce.timeline.ImplementationStatus;

/**
 * The daily monitoring report of one agreement for one day, as of the end of that day: what the
 * record says, computed once, in no language. Renderers only lay it out. A section whose data the
 * record does not hold carries {@code null} or an empty list with {@code available = false}, so it
 * is printed as "not available in this record" and never as zero.
 *
 * @param inForce commitments assessed from reports that were in force on the day
 * @param notInForce every other commitment, with why it was not in force
 * @param topItems the day's incidents with a possible violation, most fatalities first, with their trace
 * @param exchangesRecorded whether the record holds the exchange ledger (else "not available")
 * @param exchangeBalances the running N-for-N balance of each prisoner exchange due by the day
 * @param timelineRecorded whether the record holds the process timeline (else "not available")
 * @param checkpoint the latest checkpoint signed by the end of the day; {@code null} when none was
 * @param chartParties the parties of the chart's bars, in order ("" for no party named)
 * @param last30Days possible violations per day and party over the 30 days ending on the report's day
 */
public record DailyReport(
        LocalDate date,
        String agreementId,
        String agreementTitle,
        List<CommitmentSection> inForce,
        List<CommitmentOutOfForce> notInForce,
        List<TopItem> topItems,
        Coverage coverage,
        List<ExchangeLine> exchanges,
        boolean exchangesRecorded,
        List<BalanceLine> exchangeBalances,
        List<MilestoneLine> milestones,
        boolean timelineRecorded,
        Checkpoint checkpoint,
        List<MapPoint> mapPoints,
        List<String> chartParties,
        List<DayBar> last30Days) {

    /** How many top items a report lists. */
    public static final int TOP_ITEMS = 5;

    public DailyReport {
        inForce = List.copyOf(inForce);
        notInForce = List.copyOf(notInForce);
        topItems = List.copyOf(topItems);
        exchanges = List.copyOf(exchanges);
        exchangeBalances = List.copyOf(exchangeBalances);
        milestones = List.copyOf(milestones);
        mapPoints = List.copyOf(mapPoints);
        chartParties = List.copyOf(chartParties);
        last30Days = List.copyOf(last30Days);
    }

    /**
     * A commitment in force on the day: possible violations per party, how far the incidents behind
     * them are verified, and the day's undetermined findings (the data could not tell).
     */
    public record CommitmentSection(
            String commitmentId,
            String title,
            LocalDate inForceSince,
            List<PartyLine> parties,
            long undeterminedOnDay,
            Verification verification) {

        public CommitmentSection {
            parties = List.copyOf(parties);
        }

        public long possibleViolationsOnDay() {
            return parties.stream().mapToLong(PartyLine::onDay).sum();
        }
    }

    /**
     * The incidents of the day with a possible violation of one commitment, by verification status,
     * and the day's reports with one that are in no incident (a record imported without grouping).
     */
    public record Verification(Map<VerificationStatus, Long> incidents, long reportsInNoIncident) {

        public Verification {
            EnumMap<VerificationStatus, Long> all = new EnumMap<>(VerificationStatus.class);
            for (VerificationStatus s : VerificationStatus.values()) {
                all.put(s, incidents.getOrDefault(s, 0L));
            }
            incidents = java.util.Collections.unmodifiableMap(all);
        }

        public long count(VerificationStatus status) {
            return incidents.get(status);
        }

        public long verified() {
            return count(VerificationStatus.VERIFIED);
        }

        /** Everything not verified and not refuted: reported, corroborated, disputed, and reports in no incident. */
        public long notVerified() {
            return count(VerificationStatus.REPORTED) + count(VerificationStatus.CORROBORATED)
                    + count(VerificationStatus.DISPUTED) + reportsInNoIncident;
        }
    }

    /** Possible violations attributed to one party ("" when no party is named). */
    public record PartyLine(String party, long onDay, long previousDay, long sinceInForce) {

        public long change() {
            return onDay - previousDay;
        }
    }

    /** A commitment that was not in force on the day, and why, in a word the renderer translates. */
    public record CommitmentOutOfForce(String commitmentId, String title, NotInForce why) {
    }

    public enum NotInForce {
        /** Outside every window reading. */
        OUTSIDE_WINDOW,
        /** Some listed party had not accepted it (yet), so it binds no one. */
        NOT_ACCEPTED_BY_ALL,
        /** Not assessed from reports: an exchange or a process step, listed in its own section. */
        NOT_ASSESSED_FROM_REPORTS
    }

    /**
     * An incident of the day with a possible violation of a commitment in force: what the incident
     * as a whole says (its reason and the one-line-per-report trace), then each of its reports with
     * its own finding and rule trace. A report of the day in no incident is an item of its own,
     * with {@code incidentId} and {@code status} {@code null}.
     *
     * @param fatalities the highest figure any report gives (reports of one event are not added up)
     */
    public record TopItem(String commitmentId, String incidentId, VerificationStatus status, LocalDate firstDay,
            LocalDate lastDay, String location, String party, int fatalities, int independentSources, String reason,
            List<Check> trace, List<TopMember> members) {

        public TopItem {
            trace = List.copyOf(trace);
            members = List.copyOf(members);
        }
    }

    /** A report of a top item with its finding on the item's commitment ({@code null} outcome: none). */
    public record TopMember(String reportId, String sourceId, LocalDate day, String location, Outcome outcome,
            String party, String reason, List<Check> trace) {

        public TopMember {
            trace = List.copyOf(trace);
        }
    }

    /**
     * Who observed what on the day. Areas are the {@code admin1} names the record's reports carry;
     * those seen in the 30 days before but not on the day are listed as without observation.
     * {@code reportsWithSourceWithheld} counts the day's reports whose source the reader's role
     * may not know (a redacted publication, issue 8); their sources are not in {@code sourcesOnDay}.
     */
    public record Coverage(
            int reportsOnDay,
            List<String> sourcesOnDay,
            List<String> areasObservedOnDay,
            List<String> areasWithoutObservation,
            int reportsWithoutArea,
            int reportsWithSourceWithheld) {

        public Coverage {
            sourcesOnDay = List.copyOf(sourcesOnDay);
            areasObservedOnDay = List.copyOf(areasObservedOnDay);
            areasWithoutObservation = List.copyOf(areasWithoutObservation);
        }

        /** Every source known. */
        public Coverage(int reportsOnDay, List<String> sourcesOnDay, List<String> areasObservedOnDay,
                List<String> areasWithoutObservation, int reportsWithoutArea) {
            this(reportsOnDay, sourcesOnDay, areasObservedOnDay, areasWithoutObservation, reportsWithoutArea, 0);
        }
    }

    /** An exchange stage the agreement promised on or before the day. */
    public record ExchangeLine(String commitmentId, String title, LocalDate date, int perSide, int transferred) {
    }

    /**
     * Where a prisoner exchange commitment stands by the day, from the exchange ledger.
     *
     * @param balance after the latest exchange carried out on or before the day; {@code null} when none was
     */
    public record BalanceLine(String commitmentId, String title, BalanceRow balance) {
    }

    /**
     * A process milestone: a step of the timeline dated up to a week after the day, or a process
     * milestone commitment of the agreement that no step of the timeline carries out.
     *
     * @param milestoneId the timeline's id; {@code null} for a commitment the timeline does not cover
     * @param due {@code null} when neither sets a date
     * @param status where it stood at the end of the day; {@code null} when no source had said yet
     * @param statusSince the day of that status
     * @param source the statement the status comes from
     */
    public record MilestoneLine(String milestoneId, String commitmentId, String description, LocalDate due,
            ImplementationStatus status, LocalDate statusSince, String source) {
    }

    /** A signed checkpoint of the record (a tree head): its number, origin, size, root hash and time. */
    public record Checkpoint(long seq, String origin, long size, String rootHex, Instant signedAt) {
    }

    /** A report of the day on the map, coloured by its most serious outcome ({@code null}: no finding). */
    public record MapPoint(double lat_deg, double lon_deg, Outcome outcome) {
    }

    /** Possible violations on one day, per party in the agreement's order, then unattributed. */
    public record DayBar(LocalDate day, List<Long> byParty) {

        public DayBar {
            byParty = List.copyOf(byParty);
        }

        public long total() {
            return byParty.stream().mapToLong(Long::longValue).sum();
        }
    }
}
