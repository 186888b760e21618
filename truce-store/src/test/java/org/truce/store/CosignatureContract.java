package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.store.Fixtures.ACLED;
import static org.truce.store.Fixtures.strike;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.record.NoteSignature;
import org.truce.record.SignedCheckpoint;
import org.truce.record.SigningKey;
import org.truce.store.record.CosignatureRepository;
import org.truce.store.record.RecordAudit;
import org.truce.store.record.StoredCheckpoint;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;

/**
 * FEATURE UNDER TEST (issue 8, guarantors countersign checkpoints): a guarantor's cosignature is
 * kept only when it checks, never replaced, and comes back with the checkpoint wherever the
 * checkpoint is read, without changing what the log signed. Runs on H2 and on a real PostgreSQL.
 */
abstract class CosignatureContract {

    private final TestClock clock = new TestClock("2025-03-21T09:00:00Z");
    private final SigningKey log = SigningKey.generate("monitor.example/truce");
    private final SigningKey guarantor = SigningKey.generate("guarantor.example/witness");
    private Database db;
    private StoredCheckpoint checkpoint;

    protected abstract DataSourceConfig freshDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(freshDatabase(), clock);
        db.sources().register(new Source(ACLED, "ACLED", SourceKind.DATASET));
        db.reports().upsertFromImport(ACLED, strike("UKR1"));
        db.reports().upsertFromImport(ACLED, strike("UKR2"));
        checkpoint = db.record().checkpointNow(log);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private NoteSignature cosignatureOf(SigningKey key, SignedCheckpoint signed) {
        SignedCheckpoint both = key.cosign(signed);
        return both.signatures().get(both.signatures().size() - 1);
    }

    @Test
    void aValidCosignatureIsKeptAndReadBackWithTheCheckpoint() {
        NoteSignature line = cosignatureOf(guarantor, checkpoint.signed());

        StoredCheckpoint after = db.cosignatures().add(checkpoint.seq(), guarantor.verifierKey(), line, "demo-guarantor");

        assertThat(after.signed().signatures()).hasSize(2);
        for (StoredCheckpoint read : new StoredCheckpoint[] {db.record().latestCheckpoint().orElseThrow(),
                db.record().checkpoint(checkpoint.seq()).orElseThrow(), db.record().checkpoints().get(0)}) {
            assertThat(read.signed().verify(log.verifierKey()).verified()).isTrue();
            assertThat(read.signed().verify(guarantor.verifierKey()).verified()).isTrue();
        }
        assertThat(new RecordAudit(db.jdbi()).run(Optional.of(log.verifierKey())).ok())
                .as("a cosignature changes nothing the log signed").isTrue();
    }

    @Test
    void aSignatureThatDoesNotMatchIsRefusedAndNothingIsKept() {
        SigningKey other = SigningKey.generate("guarantor.example/witness");
        NoteSignature byOther = cosignatureOf(other, checkpoint.signed());

        assertThatThrownBy(() -> db.cosignatures().add(checkpoint.seq(), guarantor.verifierKey(), byOther, "g"))
                .isInstanceOf(CosignatureRepository.Refused.class).hasMessageContaining("not by the key");
        SigningKey sameName = SigningKey.generate("guarantor.example/witness");
        NoteSignature forged = new NoteSignature(guarantor.verifierKey().name(), guarantor.verifierKey().keyHash(),
                byOther.signature());
        assertThatThrownBy(() -> db.cosignatures().add(checkpoint.seq(), guarantor.verifierKey(), forged, "g"))
                .hasMessageContaining("does not match checkpoint 0");
        assertThatThrownBy(() -> db.cosignatures().add(checkpoint.seq(), log.verifierKey(),
                cosignatureOf(sameName, checkpoint.signed()), "g")).hasMessageContaining("log's own name");
        assertThatThrownBy(() -> db.cosignatures().add(7, guarantor.verifierKey(),
                cosignatureOf(guarantor, checkpoint.signed()), "g")).hasMessageContaining("no checkpoint 7");

        assertThat(db.record().latestCheckpoint().orElseThrow().signed().signatures()).hasSize(1);
    }

    @Test
    void aKeyCountersignsACheckpointOnceAndTheFirstCosignatureStays() {
        NoteSignature first = cosignatureOf(guarantor, checkpoint.signed());
        db.cosignatures().add(checkpoint.seq(), guarantor.verifierKey(), first, "demo-guarantor");

        // Ed25519 signatures are deterministic, so "another" one by the same key is the same line:
        // what matters is that a second is refused as a conflict and the first is what stays.
        assertThatThrownBy(() -> db.cosignatures().add(checkpoint.seq(), guarantor.verifierKey(), first, "other"))
                .isInstanceOfSatisfying(CosignatureRepository.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(CosignatureRepository.Refused.Reason.ALREADY_COUNTERSIGNED));
        assertThat(db.record().latestCheckpoint().orElseThrow().signed().signatures()).hasSize(2)
                .contains(first);
    }
}
