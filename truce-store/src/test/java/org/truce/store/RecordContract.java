package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.store.Fixtures.ACLED;
import static org.truce.store.Fixtures.strike;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.assessment.Assessment;
import org.truce.assessment.Outcome;
import org.truce.geo.GeoPoint;
import org.truce.incident.VerificationStatus;
import org.truce.record.Checkpoint;
import org.truce.record.LeafHash;
import org.truce.record.ProofCheck;
import org.truce.record.SigningKey;
import org.truce.record.TreeHead;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.store.finding.FindingBasis;
import org.truce.store.record.RecordAudit;
import org.truce.store.record.RecordLogRepository;
import org.truce.store.record.RecordProblem;
import org.truce.store.record.RecordedChange;
import org.truce.store.record.StoredCheckpoint;
import org.truce.store.record.StoredEntry;
import org.truce.store.report.EvidenceItem;
import org.truce.store.report.ReportContent;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;
import org.truce.store.statement.NewStatement;

/**
 * FEATURE UNDER TEST: the tamper-evident record in the database (issue 6): an entry appended in
 * the same transaction as each change, the tree in record_nodes, checkpoints, and the audit that
 * names each kind of tampering. Runs on H2 and on a real PostgreSQL.
 */
abstract class RecordContract {

    protected final TestClock clock = new TestClock("2025-03-21T09:00:00Z");
    protected Database db;
    private final SigningKey key = SigningKey.generate("monitor.example/truce");

    protected abstract DataSourceConfig freshDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(freshDatabase(), clock);
        db.sources().register(new Source(ACLED, "ACLED", SourceKind.DATASET));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Five entries: three report versions, an evidence item, a statement. */
    private void fiveChanges() {
        long id = db.reports().upsertFromImport(ACLED, strike("UKR1")).reportId();
        db.reports().upsertFromImport(ACLED, strike("UKR1", "Updated: two substations hit.", 1));
        db.reports().upsertFromImport(ACLED, strike("UKR2"));
        db.evidence().add(id, EvidenceItem.file("evidence/ab/photo.jpg", "ab".repeat(32), 11, "image/jpeg",
                Instant.parse("2025-03-21T08:15:00Z")));
        db.statements().add(new NewStatement(ACLED, "", "en", LocalDate.parse("2025-03-19"), null, null,
                "A readout", "Both sides agreed to pause strikes on energy facilities."));
    }

    private List<String> audit() {
        return new RecordAudit(db.jdbi()).run(Optional.of(key.verifierKey())).problems().stream()
                .map(RecordProblem::toString).toList();
    }

    private void sql(String statement) {
        db.jdbi().useHandle(h -> h.execute(statement));
    }

    @Test
    void everyChangeAppendsOneEntryInItsOwnTransaction() {
        fiveChanges();

        assertThat(db.record().size()).isEqualTo(5);
        List<StoredEntry> entries = db.record().entries(0, 5);
        assertThat(entries).extracting(StoredEntry::kind)
                .containsExactly("report_version", "report_version", "report_version", "evidence", "statement");
        assertThat(entries.get(1).subject()).isEqualTo("report 1 version 2");
        assertThat(entries.get(1).entryText()).startsWith("{\"change\":\"updated\",\"content_sha256\":\"")
                .endsWith("\"kind\":\"report_version\",\"report_id\":1,\"version\":2}");
        // An unchanged re-import is no change: nothing recorded.
        db.reports().upsertFromImport(ACLED, strike("UKR2"));
        assertThat(db.record().size()).isEqualTo(5);
        assertThat(audit()).isEmpty();
    }

    @Test
    void aFailedChangeLeavesNoEntry() {
        fiveChanges();
        assertThatThrownBy(() -> db.evidence().add(999, EvidenceItem.url("https://example.org/x", null, clock.instant())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.jdbi().useTransaction(h -> {
            RecordLogRepository.append(h, new RecordedChange.Statement(77, ACLED, "00".repeat(32)), clock.instant());
            throw new IllegalStateException("the change fails after its append");
        })).hasMessageContaining("fails after");

        assertThat(db.record().size()).isEqualTo(5);
        assertThat(audit()).isEmpty();
    }

    @Test
    void proofsFromTheTablesVerifyWithTheRfcAlgorithms() {
        fiveChanges();
        TreeHead head = db.record().head(5);
        for (long i = 0; i < 5; i++) {
            String text = db.record().entry(i).orElseThrow().entryText();
            LeafHash leaf = LeafHash.ofEntry(text.getBytes(StandardCharsets.UTF_8));
            assertThat(db.record().inclusionProof(i, 5).verify(leaf, head)).isInstanceOf(ProofCheck.Verified.class);
        }
        assertThat(db.record().consistencyProof(3, 5).verify(db.record().head(3), head)).isInstanceOf(ProofCheck.Verified.class);
        assertThat(db.record().consistencyProof(3, 5).verify(db.record().head(2), head)).isInstanceOf(ProofCheck.Failed.class);
    }

    @Test
    void checkpointsFallEveryNEntriesAndOnANewDay() {
        fiveChanges();
        List<StoredCheckpoint> made = db.record().checkpointIfDue(key, 2);
        assertThat(made).extracting(StoredCheckpoint::size).containsExactly(2L, 4L);
        assertThat(db.record().checkpointIfDue(key, 2)).as("nothing more due the same day").isEmpty();

        clock.advance(java.time.Duration.ofDays(1));
        assertThat(db.record().checkpointIfDue(key, 2)).as("the day turned: the head as it stands")
                .extracting(StoredCheckpoint::size).containsExactly(5L);
        StoredCheckpoint latest = db.record().latestCheckpoint().orElseThrow();
        assertThat(latest.seq()).isEqualTo(2);
        assertThat(latest.signed().verify(key.verifierKey())).isInstanceOf(ProofCheck.Verified.class);
        assertThat(latest.signed().checkpoint().root()).isEqualTo(db.record().head(5).root());
        assertThat(audit()).isEmpty();
    }

    @Test
    void theBasisIsRecordedOnlyWhenItChanges() {
        RecordedChange.Basis basis = new RecordedChange.Basis("march-2025", "v1", "ref-2025-03");
        assertThat(db.record().recordBasis(basis)).isTrue();
        assertThat(db.record().recordBasis(basis)).as("same basis on restart").isFalse();
        assertThat(db.record().recordBasis(new RecordedChange.Basis("march-2025", "v2", "ref-2025-03"))).isTrue();
        assertThat(db.record().size()).isEqualTo(2);
        assertThat(audit()).isEmpty();
    }

    // --- findings and incidents (issue 6, remaining parts) -----------------------------------------

    private static final FindingBasis BASIS = new FindingBasis("call", "v1", "ref1");

    private long take(String id, double lat, double lon, String cites, Assessment... findings) {
        clock.advance(Duration.ofSeconds(1));
        Report r = new Report(id, LocalDate.parse("2025-03-20"), TimePrecision.DAY, Fixtures.STRIKE, "Drone strike",
                Fixtures.RUSSIA, "", "Ukraine", "Donetsk", "", GeoPoint.of(lat, lon), GeoPrecision.EXACT, cites, "", 0,
                "", Map.of());
        return db.intake().submitAssessed("key-" + id, ACLED, ReportContent.of(r), BASIS, List.of(findings))
                .result().reportId();
    }

    /**
     * Three reports taken in, each with its findings and grouped: A1 and A2 (2.2 km apart, two
     * outlets) make incident INC-1, FAR (Kyiv) its own INC-3. Then the analysts corroborate INC-1.
     *
     * <pre>
     *   entry  0 report 1 version 1   1 findings of report 1   2 incident INC-1 created
     *          3 report 2 version 1   4 findings of report 2   5 incident INC-1 joined
     *          6 report 3 version 1   7 findings of report 3   8 incident INC-3 created
     *          9 incident INC-1 status_changed (corroborated)
     * </pre>
     */
    private void intakeAndIncidents() {
        take("A1", 48.8527, 37.6054, "Ukrainska Pravda", Fixtures.violation("A1", "energy"));
        take("A2", 48.8725, 37.6054, "Ministry of Defence", Fixtures.violation("A2", "energy"),
                Fixtures.nearLine("A2", "line", Outcome.UNDETERMINED, 12_000));
        take("FAR", 50.45, 30.52, "Kyiv Independent");
        db.incidents().changeStatus("INC-1", VerificationStatus.CORROBORATED, "analyst-1", "two independent outlets");
    }

    @Test
    void findingsIncidentOperationsAndVerificationChangesAreEachRecordedInTheirTransaction() {
        intakeAndIncidents();
        db.incidents().merge("INC-1", "INC-3", "analyst-2", "the same strike, misplaced by the outlet", BASIS);
        String split = db.incidents().split("INC-1", List.of(3L), "analyst-1", "Kyiv after all", BASIS);
        db.findings().replaceFindingsFor(1, BASIS, List.of());

        assertThat(db.record().entries(0, db.record().size())).extracting(StoredEntry::subject).containsExactly(
                "report 1 version 1", "findings of report 1 under agreement call", "incident INC-1 created (history 1)",
                "report 2 version 1", "findings of report 2 under agreement call", "incident INC-1 joined (history 2)",
                "report 3 version 1", "findings of report 3 under agreement call", "incident INC-3 created (history 3)",
                "incident INC-1 status_changed (history 4)",
                "incident INC-1 merged (history 5)", "incident INC-3 absorbed (history 6)",
                "incident INC-1 split (history 7)", "incident " + split + " split_off (history 8)",
                "findings of report 1 under agreement call");
        assertThat(db.record().entry(1).orElseThrow().entryText()).matches("\\{\"agreement_id\":\"call\","
                + "\"finding_count\":1,\"findings_sha256\":\"[0-9a-f]{64}\",\"kind\":\"findings\",\"report_id\":1}");
        assertThat(db.record().entry(10).orElseThrow().entryText())
                .startsWith("{\"by\":\"analyst-2\",\"created_by\":[\"intake\"],\"details_sha256\":\"")
                .contains("\"history_id\":5,\"incident_id\":\"INC-1\",\"kind\":\"incident\","
                        + "\"member_report_ids\":[1,2,3],\"operation\":\"merged\"")
                .as("a merge puts the incident back to reported").endsWith("\"status\":\"reported\"}");
        assertThat(db.record().entry(11).orElseThrow().entryText()).as("merged away: no status, no members")
                .contains("\"member_report_ids\":[],\"operation\":\"absorbed\"").doesNotContain("\"status\"")
                .doesNotContain("created_by");
        assertThat(audit()).as("older findings entries are superseded, not errors").isEmpty();
    }

    @Test
    void aFailedIncidentOperationLeavesNoEntry() {
        intakeAndIncidents();
        long size = db.record().size();
        assertThatThrownBy(() -> db.incidents().changeStatus("INC-1", VerificationStatus.VERIFIED, "intake", "sure"))
                .hasMessageContaining("four eyes");
        assertThatThrownBy(() -> db.incidents().split("INC-1", List.of(1L, 2L), "analyst-1", "why", BASIS))
                .hasMessageContaining("at least one report");
        assertThat(db.record().size()).isEqualTo(size);
        assertThat(audit()).isEmpty();
    }

    @Test
    void aChangedFindingIsNamed() {
        intakeAndIncidents();
        sql("UPDATE findings SET outcome = 'out_of_scope' WHERE report_id = 2 AND commitment_id = 'energy'");
        assertThat(audit()).singleElement().asString().startsWith("entry 4: findings of report 2 under agreement call:"
                + " the rows changed since they were recorded (recorded 2 finding(s), SHA-256 ");
    }

    @Test
    void deletedFindingsAndFindingsAddedWithoutAnEntryAreNamed() {
        intakeAndIncidents();
        sql("DELETE FROM findings WHERE report_id = 1");
        sql("INSERT INTO findings (report_id, report_version, agreement_id, agreement_version, reference_version, "
                + "commitment_id, commitment_kind, outcome, reason, party, target_path, readings_json, trace_json, "
                + "evidence_json, computed_at) SELECT report_id, report_version, 'other', agreement_version, "
                + "reference_version, commitment_id, commitment_kind, outcome, reason, party, target_path, "
                + "readings_json, trace_json, evidence_json, computed_at FROM findings WHERE report_id = 2");
        assertThat(audit()).hasSize(2).anySatisfy(p -> assertThat(p).startsWith("entry 1: findings of report 1 under"
                + " agreement call: the rows changed since they were recorded (recorded 1 finding(s)")
                .contains("the rows now give 0,"))
                .contains("findings of report 2 under agreement other: not in the record (added without an entry)");
    }

    @Test
    void anIncidentsVerificationStatusChangedInTheTableIsNamed() {
        intakeAndIncidents();
        sql("UPDATE incidents SET status = 'verified' WHERE id = 'INC-1'");
        assertThat(audit()).containsExactly("incident INC-1: status is verified, the record says corroborated since "
                + "entry 9 (status_changed): changed without an entry");
    }

    @Test
    void anIncidentsCreatorsChangedInTheTableAreNamed() {
        intakeAndIncidents();
        // Whoever created an incident may not verify it (four eyes): dropping "intake" would let it.
        sql("UPDATE incidents SET created_by = '[\"analyst-1\"]' WHERE id = 'INC-1'");
        assertThat(audit()).containsExactly("incident INC-1: created by [analyst-1], the record says [intake] since "
                + "entry 9 (status_changed): changed without an entry");
    }

    @Test
    void aDeletedMembershipRowIsNamed() {
        intakeAndIncidents();
        sql("DELETE FROM incident_members WHERE report_id = 2");
        assertThat(audit()).containsExactly("incident INC-1: report 2 is no longer a member since entry 9 "
                + "(status_changed): membership changed without an entry");
    }

    @Test
    void aMemberMovedToAnotherIncidentIsNamedOnBothSides() {
        intakeAndIncidents();
        sql("UPDATE incident_members SET incident_id = 'INC-3' WHERE report_id = 2");
        assertThat(audit()).containsExactlyInAnyOrder(
                "incident INC-1: report 2 is no longer a member since entry 9 (status_changed): membership changed"
                        + " without an entry",
                "incident INC-3: report 2 is a member without an entry");
    }

    @Test
    void aRewrittenVerificationOrHistoryRowIsNamed() {
        intakeAndIncidents();
        sql("UPDATE incident_verifications SET by_name = 'analyst-2' WHERE incident_id = 'INC-1'");
        sql("UPDATE incident_history SET reason = 'three outlets' WHERE id = 4");
        assertThat(audit()).containsExactlyInAnyOrder(
                "entry 9: incident INC-1 status_changed (history 4): the history row changed since it was recorded "
                        + "(the reason changed)",
                "verification change 1 (incident INC-1): differs from the recorded status change "
                        + "(by analyst-1 is now analyst-2, the reason changed)");
    }

    @Test
    void aDeletedHistoryRowIsNamed() {
        intakeAndIncidents();
        sql("DELETE FROM incident_history WHERE id = 2");
        assertThat(audit()).containsExactly("entry 5: incident INC-1 joined (history 2): history row missing (deleted)");
    }

    // --- tampering: each is named ---------------------------------------------------------------

    @Test
    void tamperingOneByteOfAStoredReportVersionIsNamed() {
        fiveChanges();
        sql("UPDATE report_versions SET content_json = REPLACE(content_json, 'Updated:', 'Updated;') "
                + "WHERE report_id = 1 AND version = 2");
        assertThat(audit()).anySatisfy(p -> assertThat(p).startsWith("entry 1: report 1 version 2: the row changed"));
    }

    @Test
    void tamperingOneByteOfTheCurrentReportRowIsNamed() {
        fiveChanges();
        sql("UPDATE reports SET fatalities = 2 WHERE id = 1");
        assertThat(audit()).singleElement().asString()
                .startsWith("report 1: content changed: the reports row no longer matches the recorded version 2");
    }

    @Test
    void aDeletedRowIsNamed() {
        fiveChanges();
        sql("DELETE FROM evidence_items WHERE id = 1");
        assertThat(audit()).containsExactly("entry 3: evidence item 1: row missing (deleted)");
    }

    /**
     * Issue 8: record entries are public, and an evidence location is secret. The entry commits to
     * it by a salted SHA-256 (with the content's digest, size and media type), and a changed row
     * is still named.
     */
    @Test
    void anEvidenceEntryCommitsToItsLocationWithoutShowingItIssue8() {
        fiveChanges();
        String entry = db.record().entries(0, 5).get(3).entryText();
        String salt = db.jdbi().withHandle(h -> h.createQuery("SELECT location_salt FROM evidence_items WHERE id = 1")
                .mapTo(String.class).one());

        assertThat(entry).doesNotContain("photo.jpg").doesNotContain("evidence/ab")
                .doesNotContain(Sha256.hex("evidence/ab/photo.jpg")).as("salted: a guess cannot be tested")
                .contains("\"location_salted_sha256\":\"" + RecordedChange.Evidence.saltedSha256(salt,
                        "evidence/ab/photo.jpg") + "\"")
                .contains("\"sha256\":\"" + "ab".repeat(32) + "\"", "\"size_bytes\":11",
                        "\"media_type\":\"image/jpeg\"");
        assertThat(audit()).isEmpty();

        sql("UPDATE evidence_items SET location = 'evidence/ab/other.jpg' WHERE id = 1");
        assertThat(audit()).singleElement().asString()
                .startsWith("entry 3: evidence item 1: the row changed since it was recorded")
                .doesNotContain("photo.jpg");
        sql("UPDATE evidence_items SET location = 'evidence/ab/photo.jpg', media_type = 'image/png' WHERE id = 1");
        assertThat(audit()).singleElement().asString()
                .startsWith("entry 3: evidence item 1: the row changed since it was recorded");
    }

    /**
     * Issue 8, older databases: an evidence row stored before V7 has no salt, and its entry holds
     * the location in clear. It is checked against that entry as written (rewriting it would break
     * every checkpoint after it), so such a database still verifies and still finds a changed row.
     */
    @Test
    void anEvidenceRowFromBeforeTheSaltIsCheckedAgainstItsOldEntryIssue8() {
        long reportId = db.reports().upsertFromImport(ACLED, strike("UKR1")).reportId();
        Instant at = Instant.parse("2025-03-21T08:15:00Z");
        db.jdbi().useTransaction(h -> {
            long id = h.createUpdate("INSERT INTO evidence_items (report_id, kind, location, received_at) "
                            + "VALUES (:r, 'url', 'https://old.example.org/a.jpg', :at)")
                    .bind("r", reportId)
                    .bind("at", java.sql.Timestamp.from(at))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            RecordLogRepository.append(h, new RecordedChange.Evidence(id, reportId, "url",
                    "https://old.example.org/a.jpg", null, null, null, null), at);
        });
        assertThat(db.record().entries(1, 2).get(0).entryText()).contains("\"location\":\"https://old.example.org/a.jpg\"");
        assertThat(audit()).isEmpty();

        sql("UPDATE evidence_items SET location = 'https://other.example.org/a.jpg'");
        assertThat(audit()).singleElement().asString()
                .startsWith("entry 1: evidence item 1: the row changed since it was recorded");
    }

    @Test
    void aDeletedEntryIsNamed() {
        fiveChanges();
        sql("DELETE FROM record_entries WHERE leaf_index = 2");
        assertThat(audit()).contains("entry 2: row missing from record_entries (deleted)",
                "report 2 version 1: not in the record (added without an entry)");
    }

    @Test
    void twoReorderedEntriesAreNamed() {
        fiveChanges();
        db.jdbi().useTransaction(h -> {
            StoredEntry a = db.record().entry(1).orElseThrow();
            StoredEntry b = db.record().entry(3).orElseThrow();
            for (StoredEntry[] swap : new StoredEntry[][] {{a, b}, {b, a}}) {
                h.createUpdate("UPDATE record_entries SET kind = :kind, subject = :subject, entry_json = :text, "
                                + "leaf_hash = :leaf WHERE leaf_index = :i")
                        .bind("kind", swap[1].kind())
                        .bind("subject", swap[1].subject())
                        .bind("text", swap[1].entryText())
                        .bind("leaf", swap[1].leafHashHex())
                        .bind("i", swap[0].index())
                        .execute();
            }
        });
        assertThat(audit()).contains("entry 1: holds the text of entry 3 (evidence item 1): entries reordered",
                "entry 3: holds the text of entry 1 (report 1 version 2): entries reordered");
    }

    @Test
    void aReplacedCheckpointIsNamed() {
        fiveChanges();
        db.record().checkpointNow(key);
        SigningKey other = SigningKey.generate("monitor.example/truce");
        String forged = other.sign(Checkpoint.of("monitor.example/truce", db.record().head(5), clock.instant())).text();
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE record_checkpoints SET note_text = :t WHERE seq = 0")
                .bind("t", forged).execute());
        assertThat(audit()).singleElement().asString()
                .startsWith("checkpoint 0 (size 5): no signature by monitor.example/truce+")
                .endsWith(": checkpoint replaced");
    }

    @Test
    void aTruncatedLogIsNamed() {
        fiveChanges();
        db.record().checkpointNow(key);
        sql("DELETE FROM record_entries WHERE leaf_index >= 3");
        sql("DELETE FROM record_nodes WHERE (node_level = 0 AND node_index >= 3) OR (node_level = 1 AND node_index >= 1)"
                + " OR node_level = 2");
        sql("UPDATE record_head SET tree_size = 3");
        assertThat(audit()).contains("checkpoint 0 (size 5): larger than the log (3 entries): the log was truncated",
                "evidence item 1: not in the record (added without an entry)",
                "statement 1: not in the record (added without an entry)");
    }
}
