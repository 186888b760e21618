package org.truce.format.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.record.BundleEntry;
import org.truce.record.BundleFailure;
import org.truce.record.BundleVerifier;
import org.truce.record.RecordBundle;

/** FEATURE UNDER TEST: the bundle file: written, read back byte for byte, and refused with a clear place when wrong. */
class BundleJsonTest {

    private final SmallRecord record = new SmallRecord();

    @Test
    void aWrittenBundleReadsBackAndChecks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("record.bundle.json");
        Files.writeString(file, BundleJson.write(record.bundle()));

        RecordBundle read = BundleJson.read(file);

        assertThat(read.entries()).extracting(BundleEntry::entry).containsExactlyElementsOf(record.entries);
        assertThat(read.checkpoints()).isEqualTo(record.checkpoints);
        assertThat(new BundleVerifier(record.key.verifierKey()).verify(read)).isEmpty();
        assertThat(BundleJson.nonCanonicalEntries(read)).isEmpty();
        assertThat(BundleJson.write(read)).isEqualTo(Files.readString(file));
    }

    @Test
    void anEntryInAnotherSpellingIsNamed() throws Exception {
        String text = BundleJson.write(record.bundle());
        String spaced = text.replace("{\\\"distance_m\\\":812.5,", "{\\\"distance_m\\\": 812.5,");
        assertThat(spaced).isNotEqualTo(text);

        RecordBundle read = BundleJson.parse(spaced, "b.json");
        assertThat(BundleJson.nonCanonicalEntries(read)).containsExactly(new BundleFailure("entry 0", "not in canonical JSON form"));
        assertThat(new BundleVerifier(record.key.verifierKey()).verify(read)).extracting(BundleFailure::where)
                .containsExactly("entry 0");
    }

    @Test
    void badFilesAreRefusedWithFilePlaceAndReason() {
        String good = BundleJson.write(record.bundle());
        List.of(
                List.of("{", "b.json:1:2: not JSON"),
                List.of("[]", "b.json:1:1: expected an object, got array"),
                List.of(good.replace("\"truce-record-bundle/1\"", "\"other/2\""), "b.json:2:14: format: expected"),
                List.of(good.replace("\"first_index\" : 0", "\"first_index\" : -1"), "first_index: expected a whole number"),
                List.of(good.replace("\"first_index\" : 0,", "\"first_index\" : 0, \"extra\" : 1,"), "extra: unknown member"),
                List.of(good.replace("\"index\" : 3,", ""), "entries.3: missing member \"index\""),
                List.of(good.replace("\"checkpoints\" : [", "\"checkpoints\" : [ 5,"), "checkpoints.0: expected the checkpoint's text"),
                List.of(good.replace("\\ntime ", "\\nwhen "), "checkpoints.0: checkpoint 0, line 4: expected 'time"),
                List.of(good.replace("\"verifier_key\" : \"truce", "\"verifier_key\" : \"tru ce"), "verifier_key: verifier key: the key name"),
                List.of(good.replaceFirst("\"inclusion_path\" : \\[ \"", "\"inclusion_path\" : [ \"A"), "entries.0.inclusion_path.0: not base64"),
                List.of(good + "{}", "not JSON"))
                .forEach(c -> assertThatThrownBy(() -> BundleJson.parse(c.get(0), "b.json")).as(c.get(1))
                        .isInstanceOf(BundleFormatException.class).hasMessageContaining(c.get(1)));
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> BundleJson.read(dir.resolve("none.json")))
                .isInstanceOf(BundleFormatException.class).hasMessageEndingWith("none.json: no such file");
    }
}
