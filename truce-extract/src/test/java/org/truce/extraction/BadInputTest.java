package org.truce.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FEATURE UNDER TEST: issue 5, "Done means", bad input. Empty, binary, huge and non-UTF-8 files are
 * refused with one message naming the file; mixed languages and texts without any measure are read
 * without inventing anything.
 */
class BadInputTest {

    private static Extractor extractor;

    @BeforeAll
    static void load() {
        extractor = Extractor.standard();
    }

    @Test
    void anEmptyFileIsRefusedWithItsName(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("empty.txt"), "  \n\n ");
        assertThatThrownBy(() -> StatementInput.read(file, StatementInput.DEFAULT_MAX_BYTES))
                .isInstanceOf(StatementInput.Refused.class)
                .hasMessageContaining("empty.txt").hasMessageContaining("empty");
    }

    @Test
    void aBinaryFileIsRefused(@TempDir Path tmp) throws Exception {
        Path file = Files.write(tmp.resolve("photo.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0x10, 'J', 'F'});
        assertThatThrownBy(() -> StatementInput.read(file, StatementInput.DEFAULT_MAX_BYTES))
                .isInstanceOf(StatementInput.Refused.class)
                .hasMessageContaining("photo.jpg").hasMessageContaining("binary");
    }

    @Test
    void textThatIsNotUtf8IsRefusedWithTheByteWhereItBreaks(@TempDir Path tmp) throws Exception {
        Path file = Files.write(tmp.resolve("latin1.txt"),
                "La trêve".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> StatementInput.read(file, StatementInput.DEFAULT_MAX_BYTES))
                .isInstanceOf(StatementInput.Refused.class)
                .hasMessageContaining("latin1.txt").hasMessageContaining("not UTF-8").hasMessageContaining("byte 5");
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("corpus.txt");
        Files.writeString(file, "Russia agreed to halt strikes on energy facilities. ".repeat(2_000));
        assertThatThrownBy(() -> StatementInput.read(file, 50_000))
                .isInstanceOf(StatementInput.Refused.class)
                .hasMessageContaining("corpus.txt").hasMessageContaining("104000 bytes").hasMessageContaining("split");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path tmp) {
        assertThatThrownBy(() -> StatementInput.read(tmp.resolve("nope.txt"), 1000))
                .isInstanceOf(StatementInput.Refused.class).hasMessageContaining("nope.txt");
    }

    @Test
    void mixedLanguagesAreReadLineByLineEachWithItsOwnRules() {
        String text = """
                Russia agreed on March 18 to stop strikes on energy facilities for 30 days.
                Le même jour, l'Ukraine a accepté un cessez-le-feu en mer Noire.
                Москва и Киев обменялись пленными.
                """;
        Extraction e = extractor.extract(text, null, LocalDate.of(2025, 3, 20), "test");
        assertThat(e.sentences()).extracting(Sentence::language)
                .containsExactly(Language.EN, Language.FR, Language.OTHER);
        assertThat(e.measures()).extracting(m -> m.kind() + "@" + m.sentence())
                .containsExactly("STRIKE_HALT@1", "NAVIGATION_SAFETY@2");
        assertThat(e.notices()).anySatisfy(n -> assertThat(n).startsWith("mixed languages: 1 fr, 1 en, 1 other"))
                .anySatisfy(n -> assertThat(n).contains("only names were read"));
        // The Russian line has no rules: its names are read, nothing else is made of it.
        assertThat(e.items()).filteredOn(i -> i.sentence() == 3).extracting(ExtractedItem::type)
                .containsOnly("actor");
    }

    @Test
    void aTextWithoutAnyMeasureGivesNoCandidateAndSaysSo() {
        String text = """
                The weather in Kherson was cold on Monday.
                Markets opened higher in London as investors waited for figures on inflation.
                """;
        Extraction e = extractor.extract(text, null, LocalDate.of(2025, 3, 20), "test");
        assertThat(e.foundNothingToRecord()).isTrue();
        assertThat(e.measures()).isEmpty();
        assertThat(e.exchanges()).isEmpty();
        assertThat(e.positions()).isEmpty();
        assertThat(e.claims()).isEmpty();
        assertThat(e.items()).extracting(ExtractedItem::type).doesNotContain("measure", "exchange", "position", "claim");
    }

    @Test
    void aTextInNeitherLanguageIsNotGivenFrenchOrEnglishRules() {
        String text = "Росія та Україна погодилися припинити удари по енергетичній інфраструктурі на 30 днів.\n";
        Extraction e = extractor.extract(text, null, LocalDate.of(2025, 3, 20), "test");
        assertThat(e.language()).isEqualTo(Language.OTHER);
        assertThat(e.measures()).isEmpty();
        assertThat(e.notices()).anySatisfy(n -> assertThat(n).contains("no French or English text"));
    }

    @Test
    void aLineWithTheDateAloneIsThePublicationDate() {
        assertThat(extractor.headerDate("19 Mars 2025\nLe président ...")).contains(LocalDate.of(2025, 3, 19));
        assertThat(extractor.headerDate("Published: March 19, 2025\nText")).contains(LocalDate.of(2025, 3, 19));
        assertThat(extractor.headerDate("Le 19 mars 2025, la Russie a accepté.\n")).isEmpty();
    }

    @Test
    void theFileNameGivesADateWhenItStartsWithOne() {
        assertThat(StatementInput.fileNameDate(Path.of("2025-03-19-putin-trump-call.fr.txt")))
                .contains(LocalDate.of(2025, 3, 19));
        assertThat(StatementInput.fileNameDate(Path.of("readout.txt"))).isEmpty();
    }
}
