package org.truce.format.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.truce.agreement.Agreement;

/**
 * FEATURE UNDER TEST: hostile agreement files and their companions, exchanges.json and
 * timeline.json (issue 6, item 5). Any text, or the example files with one character changed or
 * cut short, is read or refused with an {@link AgreementFormatException} whose every problem names
 * the file, a line and column inside the text, and says what is wrong. Nothing else escapes.
 */
class AgreementFilesPropertiesTest {

    private static final Path EXAMPLE = RepoRoot.example().getParent();
    private static final String AGREEMENT = read("agreement.json");
    private static final String EXCHANGES = read("exchanges.json");
    private static final String TIMELINE = read("timeline.json");
    private static final Agreement EXAMPLE_AGREEMENT = parseExample();

    private static String read(String name) {
        try {
            return Files.readString(EXAMPLE.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the example " + name + " does not read", e);
        }
    }

    private static Agreement parseExample() {
        try {
            return AgreementJson.parse(AGREEMENT, "agreement.json");
        } catch (AgreementFormatException e) {
            throw new IllegalStateException("the example agreement does not read: " + e.getMessage(), e);
        }
    }

    /** What a file must be: read, or refused with problems that each point into it. */
    @FunctionalInterface
    private interface Reader {
        void read(String text, String fileName) throws AgreementFormatException;
    }

    private static final Reader AGREEMENT_READER = AgreementJson::parse;
    private static final Reader EXCHANGES_READER = (text, name) -> ExchangesJson.parse(text, name, EXAMPLE_AGREEMENT);
    private static final Reader TIMELINE_READER = (text, name) -> TimelineJson.parse(text, name, EXAMPLE_AGREEMENT);

    private static void readOrRefusedWithProblemsInTheFile(Reader reader, String text) {
        try {
            reader.read(text, "fuzz.json");
        } catch (AgreementFormatException e) {
            long lines = text.chars().filter(c -> c == '\n').count() + 1;
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.file()).isEqualTo("fuzz.json");
                assertThat(p.line()).isBetween(0, (int) lines);
                assertThat(p.message()).isNotBlank();
            });
            assertThat(e.getMessage()).contains("fuzz.json");
        }
    }

    private static String changed(String valid, int position, char replacement) {
        int at = position % valid.length();
        return valid.substring(0, at) + replacement + valid.substring(at + 1);
    }

    @Property(tries = 200)
    void anyTextIsAnAgreementOrRefusedWithProblemsInTheFile(@ForAll("jsonish") String text) {
        readOrRefusedWithProblemsInTheFile(AGREEMENT_READER, text);
    }

    @Property(tries = 300)
    void theExampleAgreementWithOneCharacterChangedIsReadOrRefusedWithProblemsInTheFile(
            @ForAll @IntRange(min = 0, max = 1_000_000) int position, @ForAll("jsonChars") char replacement) {
        readOrRefusedWithProblemsInTheFile(AGREEMENT_READER, changed(AGREEMENT, position, replacement));
    }

    @Property(tries = 100)
    void theExampleAgreementCutShortIsRefusedWithProblemsInTheFile(
            @ForAll @IntRange(min = 0, max = 1_000_000) int length) {
        String cut = AGREEMENT.substring(0, length % AGREEMENT.strip().length());
        readOrRefusedWithProblemsInTheFile(AGREEMENT_READER, cut);
        try {
            AgreementJson.parse(cut, "fuzz.json");
            throw new AssertionError("an agreement cut at " + cut.length() + " characters was read");
        } catch (AgreementFormatException expected) {
            assertThat(expected.problems()).isNotEmpty();
        }
    }

    @Property(tries = 200)
    void anyTextIsExchangesOrRefusedWithProblemsInTheFile(@ForAll("jsonish") String text) {
        readOrRefusedWithProblemsInTheFile(EXCHANGES_READER, text);
    }

    @Property(tries = 300)
    void theExampleExchangesWithOneCharacterChangedAreReadOrRefusedWithProblemsInTheFile(
            @ForAll @IntRange(min = 0, max = 1_000_000) int position, @ForAll("jsonChars") char replacement) {
        readOrRefusedWithProblemsInTheFile(EXCHANGES_READER, changed(EXCHANGES, position, replacement));
    }

    @Property(tries = 200)
    void anyTextIsATimelineOrRefusedWithProblemsInTheFile(@ForAll("jsonish") String text) {
        readOrRefusedWithProblemsInTheFile(TIMELINE_READER, text);
    }

    @Property(tries = 300)
    void theExampleTimelineWithOneCharacterChangedIsReadOrRefusedWithProblemsInTheFile(
            @ForAll @IntRange(min = 0, max = 1_000_000) int position, @ForAll("jsonChars") char replacement) {
        readOrRefusedWithProblemsInTheFile(TIMELINE_READER, changed(TIMELINE, position, replacement));
    }

    @Property(tries = 10)
    void nestingFarDeeperThanAnyRealFileIsRefusedNotACrash(@ForAll @IntRange(min = 500, max = 10_000) int depth) {
        String deep = "{\"commitments\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
        for (Reader reader : new Reader[] {AGREEMENT_READER, EXCHANGES_READER, TIMELINE_READER}) {
            try {
                reader.read(deep, "fuzz.json");
                throw new AssertionError("a " + depth + "-deep document was read");
            } catch (AgreementFormatException e) {
                assertThat(e.getMessage()).contains("fuzz.json");
            }
        }
    }

    /** Text made of what these files are made of, so that much of it gets past the first character. */
    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> fragments = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"id\"", "\"version\"",
                "\"parties\"", "\"commitments\"", "\"kind\"", "\"window\"", "\"from\"", "\"to\"", "\"exchanges\"",
                "\"events\"", "\"date\"", "\"2025-03-18\"", "\"RU\"", "null", "true", "1e999", "-0", "175",
                "\"\\u0000\"", "\"\\ud800\"", " ", "\n");
        return Arbitraries.oneOf(fragments.list().ofMaxSize(60).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(80));
    }

    @Provide
    Arbitrary<Character> jsonChars() {
        return Arbitraries.oneOf(Arbitraries.of('{', '}', '[', ']', ',', ':', '"', '\\', '-', '.', 'e', '0', '9', ' '),
                Arbitraries.chars());
    }
}
