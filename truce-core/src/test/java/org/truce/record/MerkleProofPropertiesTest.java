package org.truce.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** FEATURE UNDER TEST: every proof the log gives verifies, and any single flipped bit makes it fail. */
class MerkleProofPropertiesTest {

    private static MerkleLog logOf(int size) {
        MerkleLog log = MerkleLog.inMemory();
        for (int i = 0; i < size; i++) {
            log.appendEntry(("{\"n\":" + i + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return log;
    }

    @Property(tries = 300)
    void inclusionProofsVerifyAndAnyFlippedBitFails(@ForAll @IntRange(min = 1, max = 300) int size,
            @ForAll @IntRange(min = 0, max = 299) int index, @ForAll @IntRange(min = 0, max = 10_000) int bitSeed) {
        Assume.that(index < size);
        MerkleLog log = logOf(size);
        InclusionProof proof = log.inclusionProof(index, size);
        LeafHash leaf = log.leaf(index);
        TreeHead head = log.head();
        assertThat(proof.verify(leaf, head).verified()).isTrue();

        int bit = bitSeed % 256;
        assertThat(proof.verify(new LeafHash(leaf.value().withBitFlipped(bit)), head).verified()).as("leaf bit").isFalse();
        assertThat(proof.verify(leaf, new TreeHead(size, head.root().withBitFlipped(bit))).verified()).as("root bit").isFalse();
        if (!proof.path().isEmpty()) {
            List<MerkleHash> path = new ArrayList<>(proof.path());
            int at = bitSeed % path.size();
            path.set(at, path.get(at).withBitFlipped(bit));
            assertThat(new InclusionProof(index, size, path).verify(leaf, head).verified()).as("path bit").isFalse();
        }
    }

    @Property(tries = 300)
    void consistencyProofsVerifyAndAnyFlippedBitFails(@ForAll @IntRange(min = 1, max = 300) int newSize,
            @ForAll @IntRange(min = 1, max = 300) int oldSize, @ForAll @IntRange(min = 0, max = 10_000) int bitSeed) {
        Assume.that(oldSize < newSize);
        MerkleLog log = logOf(newSize);
        ConsistencyProof proof = log.consistencyProof(oldSize, newSize);
        TreeHead older = log.head(oldSize);
        TreeHead newer = log.head(newSize);
        assertThat(proof.verify(older, newer).verified()).isTrue();

        int bit = bitSeed % 256;
        assertThat(proof.verify(new TreeHead(oldSize, older.root().withBitFlipped(bit)), newer).verified()).isFalse();
        assertThat(proof.verify(older, new TreeHead(newSize, newer.root().withBitFlipped(bit))).verified()).isFalse();
        List<MerkleHash> path = new ArrayList<>(proof.path());
        int at = bitSeed % path.size();
        path.set(at, path.get(at).withBitFlipped(bit));
        assertThat(new ConsistencyProof(oldSize, newSize, path).verify(older, newer).verified()).isFalse();
    }
}
