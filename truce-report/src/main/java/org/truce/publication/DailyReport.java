package org.truce.publication;

import java.time.LocalDate;
import java.util.List;
import org.truce.assessment.Check;
import org.truce.assessment.Outcome;

/**
 * The daily monitoring report of one agreement for one day, as of the end of that day: what the
 * record says, computed once, in no language. Renderers only lay it out. A section whose data the
 * record does not hold carries {@code null} or an empty list with {@code available = false}, so it
 * is printed as "not available in this record" and never as zero.
 *
 * @param inForce commitments assessed from reports that were in force on the day
 * @param notInForce every other commitment, with why it was not in force
 * @param topItems the day's possible violations, most fatalities first, with their rule trace
 * @param checkpoint the record's root hash at the end of the day; {@code null} when the record has none
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
        List<MilestoneLine> milestones,
        String checkpoint,
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
        milestones = List.copyOf(milestones);
        mapPoints = List.copyOf(mapPoints);
        chartParties = List.copyOf(chartParties);
        last30Days = List.copyOf(last30Days);
    }

    /**
     * A commitment in force on the day: possible violations per party, and the day's undetermined
     * findings (the data could not tell).
     *
     * @param verified verified possible violations of the day; {@code null} until incidents are verified
     */
    public record CommitmentSection(
            String commitmentId,
            String title,
            LocalDate inForceSince,
            List<PartyLine> parties,
            long undeterminedOnDay,
            Long verified,
            long unverified) {

        public CommitmentSection {
            parties = List.copyOf(parties);
        }

        public long possibleViolationsOnDay() {
            return parties.stream().mapToLong(PartyLine::onDay).sum();
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

    public record TopItem(String commitmentId, String reportId, String sourceId, LocalDate day, String location,
            String party, int fatalities, String reason, List<Check> trace) {

        public TopItem {
            trace = List.copyOf(trace);
        }
    }

    /**
     * Who observed what on the day. Areas are the {@code admin1} names the record's reports carry;
     * those seen in the 30 days before but not on the day are listed as without observation.
     */
    public record Coverage(
            int reportsOnDay,
            List<String> sourcesOnDay,
            List<String> areasObservedOnDay,
            List<String> areasWithoutObservation,
            int reportsWithoutArea) {

        public Coverage {
            sourcesOnDay = List.copyOf(sourcesOnDay);
            areasObservedOnDay = List.copyOf(areasObservedOnDay);
            areasWithoutObservation = List.copyOf(areasWithoutObservation);
        }
    }

    /**
     * An exchange stage the agreement promised on or before the day.
     *
     * @param carriedOut persons released per party as recorded; {@code null} until exchanges are recorded
     */
    public record ExchangeLine(String commitmentId, String title, LocalDate date, int perSide, int transferred,
            java.util.Map<String, Integer> carriedOut) {
    }

    /**
     * A process milestone of the agreement.
     *
     * @param due {@code null} when the agreement sets no date
     * @param status where it stands; {@code null} until the timeline is recorded
     */
    public record MilestoneLine(String commitmentId, String description, LocalDate due, String status) {
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
