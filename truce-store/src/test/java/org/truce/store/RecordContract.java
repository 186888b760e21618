package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.store.Fixtures.ACLED;
import static org.truce.store.Fixtures.strike;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.record.Checkpoint;
import org.truce.record.LeafHash;
import org.truce.record.ProofCheck;
import org.truce.record.SigningKey;
import org.truce.record.TreeHead;
import org.truce.store.record.RecordAudit;
import org.truce.store.record.RecordLogRepository;
import org.truce.store.record.RecordProblem;
import org.truce.store.record.RecordedChange;
import org.truce.store.record.StoredCheckpoint;
import org.truce.store.record.StoredEntry;
import org.truce.store.report.EvidenceItem;
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
