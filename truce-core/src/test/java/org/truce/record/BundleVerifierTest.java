package org.truce.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * FEATURE UNDER TEST: the offline check of a bundle names each kind of tampering: a changed byte
 * in an entry, a dropped entry, two entries swapped, a replaced checkpoint, a truncated log.
 */
class BundleVerifierTest {

    private final RecordFixture record = new RecordFixture();
    private final BundleVerifier verifier = new BundleVerifier(record.key.verifierKey());

    private static RecordBundle withEntries(RecordBundle b, List<BundleEntry> entries) {
        return new RecordBundle(b.key(), b.checkpoints(), b.firstIndex(), entries, b.consistency());
    }

    private static RecordBundle withCheckpoints(RecordBundle b, List<SignedCheckpoint> checkpoints) {
        return new RecordBundle(b.key(), checkpoints, b.firstIndex(), b.entries(), b.consistency());
    }

    @Test
    void anUntouchedBundleChecks() {
        assertThat(verifier.verify(record.bundle())).isEmpty();
    }

    @Test
    void aBundleSinceACheckpointChecks() {
        RecordBundle since = RecordBundle.export(record.log, i -> record.entries.get((int) i),
                record.checkpoints.subList(1, 3), 7, record.key.verifierKey());
        assertThat(since.entries()).hasSize(3);
        assertThat(verifier.verify(since, Optional.of(record.checkpoints.get(1)))).isEmpty();
    }

    @Test
    void oneChangedByteInAnEntryIsNamed() {
        RecordBundle b = record.bundle();
        List<BundleEntry> entries = new ArrayList<>(b.entries());
        BundleEntry e = entries.get(5);
        entries.set(5, new BundleEntry(5, e.entry().replace("substation 5", "substation 6"), e.inclusion()));

        assertThat(verifier.verify(withEntries(b, entries))).extracting(BundleFailure::toString)
                .singleElement().asString()
                .startsWith("entry 5: does not match its inclusion proof against checkpoint 2 (size 10)");
    }

    @Test
    void aDroppedEntryIsNamed() {
        RecordBundle b = record.bundle();
        List<BundleEntry> entries = new ArrayList<>(b.entries());
        entries.remove(3);

        assertThat(verifier.verify(withEntries(b, entries))).containsExactly(new BundleFailure("entry 3", "missing"));
    }

    @Test
    void twoSwappedEntriesAreNamed() {
        RecordBundle b = record.bundle();
        List<BundleEntry> moved = new ArrayList<>(b.entries());
        moved.set(2, b.entries().get(6));
        moved.set(6, b.entries().get(2));
        assertThat(verifier.verify(withEntries(b, moved))).extracting(BundleFailure::toString).containsExactly(
                "entry 3: listed after entry 6: entries must be in log order",
                "entry 4: listed after entry 6: entries must be in log order",
                "entry 5: listed after entry 6: entries must be in log order",
                "entry 2: listed after entry 6: entries must be in log order");

        List<BundleEntry> texts = new ArrayList<>(b.entries());
        texts.set(2, new BundleEntry(2, b.entries().get(6).entry(), b.entries().get(2).inclusion()));
        texts.set(6, new BundleEntry(6, b.entries().get(2).entry(), b.entries().get(6).inclusion()));
        assertThat(verifier.verify(withEntries(b, texts))).extracting(BundleFailure::where)
                .containsExactly("entry 2", "entry 6");
    }

    @Test
    void aReplacedCheckpointIsNamed() {
        RecordBundle b = record.bundle();
        Checkpoint real = b.checkpoints().get(1).checkpoint();
        Checkpoint forged = new Checkpoint(real.origin(), real.size(), real.root().withBitFlipped(0), real.time());

        List<SignedCheckpoint> otherKey = new ArrayList<>(b.checkpoints());
        otherKey.set(1, SigningKey.generate(RecordFixture.ORIGIN).sign(real));
        assertThat(verifier.verify(withCheckpoints(b, otherKey))).extracting(BundleFailure::toString)
                .singleElement().asString().startsWith("checkpoint 1 (size 7): no signature by " + RecordFixture.ORIGIN);

        // Even signed by the log's own key, a rewritten history breaks consistency on both sides.
        List<SignedCheckpoint> sameKey = new ArrayList<>(b.checkpoints());
        sameKey.set(1, record.key.sign(forged));
        assertThat(verifier.verify(withCheckpoints(b, sameKey))).extracting(BundleFailure::toString)
                .containsExactly(
                        "checkpoint 1 (size 7): not consistent with checkpoint 0 (size 4): the proof does not lead to the newer root "
                                + forged.root().hex(),
                        "checkpoint 2 (size 10): not consistent with checkpoint 1 (size 7): the proof does not lead to the older root "
                                + forged.root().hex());
    }

    @Test
    void aTruncatedLogIsNamedAgainstTheCheckpointTheReaderHeld() {
        RecordBundle shorter = RecordBundle.export(record.log, i -> record.entries.get((int) i),
                record.checkpoints.subList(0, 2), 0, record.key.verifierKey());
        assertThat(verifier.verify(shorter)).as("alone, a shorter bundle is consistent").isEmpty();

        assertThat(verifier.verify(shorter, Optional.of(record.checkpoints.get(2)))).extracting(BundleFailure::toString)
                .containsExactly("your checkpoint (size 10): larger than the bundle's latest checkpoint (size 7): "
                        + "the log was truncated, or the bundle is not the whole story");
    }

    @Test
    void trailingEntriesCutFromABundleAreNamed() {
        RecordBundle b = record.bundle();
        assertThat(verifier.verify(withEntries(b, b.entries().subList(0, 8))))
                .containsExactly(new BundleFailure("entries 8..9", "missing"));
    }

    @Test
    void checkpointsOutOfOrderOrFromAnotherKeyAreNamed() {
        RecordBundle b = record.bundle();
        List<SignedCheckpoint> reversed = List.of(b.checkpoints().get(2), b.checkpoints().get(1), b.checkpoints().get(0));
        assertThat(verifier.verify(withCheckpoints(b, reversed))).extracting(BundleFailure::what)
                .anySatisfy(w -> assertThat(w).contains("the log shrank"));

        BundleVerifier stranger = new BundleVerifier(SigningKey.generate(RecordFixture.ORIGIN).verifierKey());
        assertThat(stranger.verify(b)).extracting(BundleFailure::where)
                .containsExactly("key", "checkpoint 0 (size 4)", "checkpoint 1 (size 7)", "checkpoint 2 (size 10)");
    }

    @Test
    void aCheckpointDatedBeforeItsPredecessorIsNamed() {
        RecordBundle b = record.bundle();
        Checkpoint last = b.checkpoints().get(2).checkpoint();
        List<SignedCheckpoint> backdated = new ArrayList<>(b.checkpoints());
        backdated.set(2, record.key.sign(new Checkpoint(last.origin(), last.size(), last.root(),
                Instant.parse("2025-03-01T00:00:00Z"))));
        assertThat(verifier.verify(withCheckpoints(b, backdated))).extracting(BundleFailure::toString)
                .containsExactly("checkpoint 2 (size 10): dated 2025-03-01T00:00:00Z, before checkpoint 1 (2025-03-24T00:00:00Z)");
    }

    @Test
    void aCheckpointClaimingAHugeLogIsAnsweredAtOnce() {
        SigningKey liar = SigningKey.generate(RecordFixture.ORIGIN);
        SignedCheckpoint huge = liar.sign(new Checkpoint(RecordFixture.ORIGIN, 1L << 62, MerkleHash.EMPTY_TREE,
                Instant.parse("2025-03-19T00:00:00Z")));
        RecordBundle b = new RecordBundle(liar.verifierKey(), List.of(huge), 0, record.bundle().entries().subList(0, 2),
                List.of());

        assertThat(new BundleVerifier(liar.verifierKey()).verify(b)).extracting(BundleFailure::toString)
                .contains("entries 2.." + ((1L << 62) - 1) + ": missing");
    }
}
