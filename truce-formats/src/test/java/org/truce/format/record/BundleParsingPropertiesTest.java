package org.truce.format.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.truce.record.BundleEntry;
import org.truce.record.BundleVerifier;
import org.truce.record.RecordBundle;

/**
 * FEATURE UNDER TEST: hostile bundle files. Any text is read or refused with a
 * {@link BundleFormatException}; a bundle that still reads after a change never checks clean
 * unless the change left its content as it was.
 */
class BundleParsingPropertiesTest {

    private static final SmallRecord RECORD = new SmallRecord();
    private static final String VALID = BundleJson.write(RECORD.bundle());
    private static final BundleVerifier VERIFIER = new BundleVerifier(RECORD.key.verifierKey());

    @Property(tries = 500)
    void anyTextIsReadOrRefusedWithAMessage(@ForAll String text) {
        try {
            BundleJson.parse(text, "fuzz.json");
        } catch (BundleFormatException e) {
            assertThat(e.getMessage()).startsWith("fuzz.json");
        }
    }

    @Property(tries = 500)
    void aChangedCharacterIsRefusedOrCaught(@ForAll @IntRange(min = 0, max = 1_000_000) int position,
            @ForAll char replacement) {
        int at = position % VALID.length();
        String changed = VALID.substring(0, at) + replacement + VALID.substring(at + 1);
        try {
            RecordBundle read = BundleJson.parse(changed, "fuzz.json");
            boolean clean = VERIFIER.verify(read).isEmpty() && BundleJson.nonCanonicalEntries(read).isEmpty();
            if (clean) {
                // Only layout may change without notice: same entries, proofs and checkpoints.
                assertThat(BundleJson.write(read)).isEqualTo(VALID);
            }
        } catch (BundleFormatException e) {
            assertThat(e.getMessage()).startsWith("fuzz.json");
        }
    }

    @Property(tries = 200)
    void aCutBundleIsRefusedOrCaught(@ForAll @IntRange(min = 0, max = 1_000_000) int length) {
        // Cut inside the JSON itself: dropping only the trailing line break leaves the whole bundle.
        String json = VALID.stripTrailing();
        String cut = json.substring(0, length % json.length());
        try {
            RecordBundle read = BundleJson.parse(cut, "fuzz.json");
            assertThat(VERIFIER.verify(read)).isNotEmpty();
        } catch (BundleFormatException e) {
            assertThat(e.getMessage()).startsWith("fuzz.json");
        }
    }

    @Property(tries = 100)
    void twoEntriesWithTheirTextsSwappedNeverCheckClean(@ForAll @IntRange(min = 0, max = 5) int a,
            @ForAll @IntRange(min = 0, max = 5) int b) throws BundleFormatException {
        RecordBundle read = BundleJson.parse(VALID, "fuzz.json");
        List<BundleEntry> entries = new ArrayList<>(read.entries());
        BundleEntry first = entries.get(a);
        BundleEntry second = entries.get(b);
        entries.set(a, new BundleEntry(first.index(), second.entry(), first.inclusion()));
        entries.set(b, new BundleEntry(second.index(), first.entry(), second.inclusion()));
        RecordBundle swapped = new RecordBundle(read.key(), read.checkpoints(), read.firstIndex(), entries,
                read.consistency());

        List<String> problems = VERIFIER.verify(BundleJson.parse(BundleJson.write(swapped), "fuzz.json")).stream()
                .map(Object::toString).toList();
        if (a == b) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).as("entries %d and %d swapped", a, b)
                    .anySatisfy(p -> assertThat(p).startsWith("entry " + a + ":"))
                    .anySatisfy(p -> assertThat(p).startsWith("entry " + b + ":"));
        }
    }
}
