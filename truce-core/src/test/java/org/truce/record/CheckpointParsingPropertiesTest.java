package org.truce.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * FEATURE UNDER TEST: hostile checkpoint and key texts. Whatever the input, the parsers either
 * read it or throw {@link RecordFormatException} with a message; a changed checkpoint that still
 * reads never verifies.
 */
class CheckpointParsingPropertiesTest {

    private static final SigningKey KEY = SigningKey.generate("truce.example/record");
    private static final String VALID;

    static {
        MerkleLog log = MerkleLog.inMemory();
        log.appendEntry("{}".getBytes(StandardCharsets.UTF_8));
        log.appendEntry("[]".getBytes(StandardCharsets.UTF_8));
        VALID = KEY.sign(Checkpoint.of("truce.example/record", log.head(), Instant.parse("2025-03-19T12:00:00Z"))).text();
    }

    @Provide
    Arbitrary<String> noteLike() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("\n", "\n\n", "\u2014 ", " ", "+", "time ", "2025-03-19T12:00:00Z", "0", "18", "=",
                        MerkleHash.EMPTY_TREE.base64(), "truce.example/record", "\r", "\u0000"),
                Arbitraries.strings().ofMaxLength(12));
        return pieces.list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Property(tries = 1000)
    void anyTextIsReadOrRefusedWithAMessage(@ForAll("noteLike") String text) {
        try {
            SignedCheckpoint read = SignedCheckpoint.parse(text);
            assertThat(read.text()).isEqualTo(text);
        } catch (RecordFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.line()).isBetween(0, text.split("\n", -1).length + 1);
        }
    }

    @Property(tries = 1000)
    void aValidCheckpointWithOneCharacterChangedNeverVerifies(@ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll char replacement) {
        int at = position % VALID.length();
        String changed = VALID.substring(0, at) + replacement + VALID.substring(at + 1);
        try {
            SignedCheckpoint read = SignedCheckpoint.parse(changed);
            assertThat(read.verify(KEY.verifierKey()).verified()).as(changed).isEqualTo(changed.equals(VALID));
        } catch (RecordFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 500)
    void anyVerifierKeyTextIsReadOrRefusedWithAMessage(@ForAll("noteLike") String text) {
        try {
            VerifierKey.parse(text);
        } catch (RecordFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void aCheckpointCutShortIsRefusedOrNeverVerifies(@ForAll @IntRange(min = 0, max = 10_000) int length) {
        String cut = VALID.substring(0, length % VALID.length());
        try {
            assertThat(SignedCheckpoint.parse(cut).verify(KEY.verifierKey()).verified()).as(cut).isFalse();
        } catch (RecordFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
