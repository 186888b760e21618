package org.truce.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.agreement.Agreement;
import org.truce.publication.DailyReport.CommitmentSection;
import org.truce.publication.DailyReport.NotInForce;
import org.truce.publication.DailyReport.PartyLine;
import org.truce.store.Database;

/** The daily report's numbers on {@link SmallRecord}, counted by hand. */
class DailyReportNumbersTest {

    @TempDir
    Path dir;

    @Test
    void countsPerPartyWithChangeAndRunningTotalSinceEntryIntoForce() throws Exception {
        Agreement agreement = SmallRecord.agreement();
        try (Database db = SmallRecord.open(dir)) {
            DailyReport r = new DailyReportBuilder(agreement, new StoreRecord(db)).build(LocalDate.parse("2025-03-21"));

            assertThat(r.inForce()).extracting(CommitmentSection::commitmentId).containsExactly("energy-moratorium");
            CommitmentSection energy = r.inForce().get(0);
            assertThat(energy.inForceSince()).as("Ukraine accepted on 19 March").isEqualTo("2025-03-19");
            assertThat(energy.parties()).as("R0 of 18 March is before entry into force, so not in the total")
                    .containsExactly(new PartyLine("RU", 1, 1, 3), new PartyLine("UA", 0, 1, 1));
            assertThat(energy.parties().get(1).change()).isEqualTo(-1);
            assertThat(energy.verification().verified()).as("no incident is verified in this record").isZero();
            assertThat(energy.verification().notVerified()).isEqualTo(1);
            assertThat(energy.verification().reportsInNoIncident()).as("imported reports are grouped into no incident")
                    .isEqualTo(1);
            assertThat(energy.undeterminedOnDay()).isZero();
        }
    }

    @Test
    void previousDayUndeterminedAndTopItemsWithTrace() throws Exception {
        Agreement agreement = SmallRecord.agreement();
        try (Database db = SmallRecord.open(dir)) {
            DailyReport r = new DailyReportBuilder(agreement, new StoreRecord(db)).build(LocalDate.parse("2025-03-20"));

            CommitmentSection energy = r.inForce().get(0);
            assertThat(energy.parties()).containsExactly(new PartyLine("RU", 1, 1, 2), new PartyLine("UA", 1, 0, 1));
            assertThat(energy.undeterminedOnDay()).isEqualTo(1);
            assertThat(r.topItems()).extracting(t -> t.members().get(0).reportId()).containsExactly("R2", "R3");
            assertThat(r.topItems()).extracting(DailyReport.TopItem::incidentId).containsOnlyNulls();
            assertThat(r.topItems().get(0).members().get(0).trace()).as("the report's own rule trace").hasSize(2);
            assertThat(r.mapPoints()).hasSize(3);
        }
    }

    @Test
    void coverageNamesSourcesOfTheDayAndAreasWithoutObservation() throws Exception {
        Agreement agreement = SmallRecord.agreement();
        try (Database db = SmallRecord.open(dir)) {
            DailyReport r = new DailyReportBuilder(agreement, new StoreRecord(db)).build(LocalDate.parse("2025-03-21"));

            assertThat(r.coverage().reportsOnDay()).isEqualTo(2);
            assertThat(r.coverage().sourcesOnDay()).containsExactly("Monitor One", "Monitor Two");
            assertThat(r.coverage().areasObservedOnDay()).containsExactly("Zaporizhia", "Запоріжжя");
            assertThat(r.coverage().areasWithoutObservation()).containsExactly("Donetsk", "Kharkiv", "Krasnodar");

            List<String> lines = new DailyReportHtml(Language.EN, List.of(), List.of()).coverageLines(r.coverage());
            assertThat(lines).contains("2 report(s) from 2 source(s) on this day.",
                    "Sources that reported: Monitor One, Monitor Two.",
                    "Areas reported in the previous 29 days with no report on this day: Donetsk, Kharkiv, Krasnodar.");
        }
    }

    @Test
    void reportsThatNameNoAreaDoNotPassForFullCoverage() {
        DailyReport.Coverage unnamed = new DailyReport.Coverage(2, List.of("Monitor One"), List.of(), List.of(), 2);
        List<String> lines = new DailyReportHtml(Language.EN, List.of(), List.of()).coverageLines(unnamed);
        assertThat(lines).contains("2 report(s) name no area.")
                .anySatisfy(l -> assertThat(l).startsWith("No report of the last 30 days names an area"))
                .noneSatisfy(l -> assertThat(l).startsWith("Every area"));
    }

    @Test
    void noViolationObservedIsPrintedOnlyWithItsCoverage() throws Exception {
        Agreement agreement = SmallRecord.agreement();
        try (Database db = SmallRecord.open(dir)) {
            DailyReportHtml html = new DailyReportHtml(Language.EN, List.of(), List.of());
            StoreRecord record = new StoreRecord(db);

            String quiet = html.render(new DailyReportBuilder(agreement, record).build(LocalDate.parse("2025-03-22")));
            assertThat(quiet).contains("No possible violation observed on this day. This says only what was reported:"
                    + " 1 report(s) from 1 source(s) on this day. Sources that reported: Monitor Two.");

            String busy = html.render(new DailyReportBuilder(agreement, record).build(LocalDate.parse("2025-03-21")));
            assertThat(busy).doesNotContain("No possible violation observed");
        }
    }

    @Test
    void commitmentsNotInForceSayWhy() throws Exception {
        Agreement agreement = SmallRecord.agreement();
        try (Database db = SmallRecord.open(dir)) {
            DailyReport r = new DailyReportBuilder(agreement, new StoreRecord(db)).build(LocalDate.parse("2025-03-18"));

            assertThat(r.inForce()).as("Ukraine had not accepted the moratorium yet").isEmpty();
            assertThat(r.notInForce()).filteredOn(c -> c.commitmentId().equals("energy-moratorium"))
                    .extracting(DailyReport.CommitmentOutOfForce::why).containsExactly(NotInForce.NOT_ACCEPTED_BY_ALL);
            assertThat(r.notInForce()).filteredOn(c -> c.commitmentId().equals("contact-line-ceasefire"))
                    .extracting(DailyReport.CommitmentOutOfForce::why).containsExactly(NotInForce.NOT_ACCEPTED_BY_ALL);
            assertThat(r.notInForce()).filteredOn(c -> c.commitmentId().equals("black-sea-navigation"))
                    .as("accepted in principle only, and it has no window").extracting(DailyReport.CommitmentOutOfForce::why)
                    .containsExactly(NotInForce.NOT_ACCEPTED_BY_ALL);
            assertThat(r.checkpoint()).as("no checkpoint was signed in this record").isNull();

            DailyReport after = new DailyReportBuilder(agreement, new StoreRecord(db)).build(LocalDate.parse("2025-04-30"));
            assertThat(after.notInForce()).filteredOn(c -> c.commitmentId().equals("energy-moratorium"))
                    .extracting(DailyReport.CommitmentOutOfForce::why).containsExactly(NotInForce.OUTSIDE_WINDOW);
        }
    }
}
