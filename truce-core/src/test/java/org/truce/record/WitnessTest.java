package org.truce.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, "guarantor ... signs checkpoints": what a guarantor checks before countersigning, on the
 * fixture's log (checkpoints at sizes 4, 7 and 10).
 */
class WitnessTest {

    private final RecordFixture record = new RecordFixture();
    private final SigningKey guarantor = SigningKey.generate("guarantor.example/witness");
    private final VerifierKey logKey = record.key.verifierKey();

    private SignedCheckpoint at(int k) {
        return record.checkpoints.get(k);
    }

    private Optional<ConsistencyProof> proof(long from, long to) {
        return Optional.of(record.log.consistencyProof(from, to));
    }

    @Test
    void theFirstCheckpointNeedsOnlyTheLogsSignature() {
        assertThat(Witness.check(logKey, Optional.empty(), at(0), Optional.empty()).verified()).isTrue();
    }

    @Test
    void aLaterCheckpointMustExtendTheLastOneCountersigned() {
        assertThat(Witness.check(logKey, Optional.of(at(0).checkpoint()), at(2), proof(4, 10)).verified()).isTrue();
        assertThat(Witness.check(logKey, Optional.of(at(1).checkpoint()), at(1), Optional.empty()).verified())
                .as("the same checkpoint again").isTrue();
    }

    @Test
    void aForkIsRefused() {
        // Another history of the same length as the fixture's first seven entries: the log shows the
        // guarantor one tree and someone else another.
        MerkleLog other = MerkleLog.inMemory();
        for (int i = 0; i < 7; i++) {
            other.appendEntry(("rewritten " + i).getBytes(StandardCharsets.UTF_8));
        }
        SignedCheckpoint forked = record.key.sign(Checkpoint.of(RecordFixture.ORIGIN, other.head(),
                at(1).checkpoint().time()));

        ProofCheck sameSize = Witness.check(logKey, Optional.of(at(1).checkpoint()), forked, Optional.empty());
        assertThat(sameSize).isInstanceOfSatisfying(ProofCheck.Failed.class,
                f -> assertThat(f.reason()).contains("different roots", "forked"));
        ProofCheck extended = Witness.check(logKey, Optional.of(at(0).checkpoint()), forked, proof(4, 7));
        assertThat(extended).isInstanceOfSatisfying(ProofCheck.Failed.class,
                f -> assertThat(f.reason()).contains("does not extend the last one countersigned (size 4)"));
    }

    @Test
    void aShrunkLogAnotherLogsCheckpointAndAMissingProofAreRefused() {
        assertThat(Witness.check(logKey, Optional.of(at(2).checkpoint()), at(1), Optional.empty()))
                .isInstanceOfSatisfying(ProofCheck.Failed.class, f -> assertThat(f.reason()).contains("shrank"));
        assertThat(Witness.check(logKey, Optional.of(at(0).checkpoint()), at(1), Optional.empty()))
                .isInstanceOfSatisfying(ProofCheck.Failed.class, f -> assertThat(f.reason()).contains("no consistency proof"));
        SigningKey stranger = SigningKey.generate("elsewhere.example/log");
        SignedCheckpoint theirs = stranger.sign(Checkpoint.of("elsewhere.example/log", record.log.head(),
                Instant.parse("2025-03-20T00:00:00Z")));
        assertThat(Witness.check(logKey, Optional.empty(), theirs, Optional.empty()))
                .isInstanceOfSatisfying(ProofCheck.Failed.class, f -> assertThat(f.reason()).contains("not of"));
        SignedCheckpoint impostor = stranger.sign(at(2).checkpoint());
        assertThat(Witness.check(logKey, Optional.empty(), impostor, Optional.empty()))
                .isInstanceOfSatisfying(ProofCheck.Failed.class, f -> assertThat(f.reason()).contains("no signature by"));
    }

    @Test
    void aCountersignedCheckpointVerifiesUnderBothKeysAndReadsBackFromItsText() throws RecordFormatException {
        SignedCheckpoint both = guarantor.cosign(at(2));

        assertThat(both.signatures()).hasSize(2);
        assertThat(both.verify(logKey).verified()).isTrue();
        assertThat(both.verify(guarantor.verifierKey()).verified()).isTrue();
        assertThat(SignedCheckpoint.parse(both.text())).isEqualTo(both);
        assertThatThrownBy(() -> guarantor.cosign(both)).hasMessageContaining("already signed by");
    }
}
