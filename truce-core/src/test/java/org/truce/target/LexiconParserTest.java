package org.truce.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** FEATURE UNDER TEST: the lexicon file format, and its error messages. */
class LexiconParserTest {

    private static TargetLexicon parse(String tsv) {
        return TargetLexicon.parse("xx", new StringReader(tsv), "test.tsv");
    }

    @Test
    void commentsBlankLinesBomCrlfAndAlignedColumnsAreAccepted() {
        TargetLexicon lexicon = parse("\uFEFF# a comment\r\n\r\n"
                + "named\t\tenergy.substation\tsub-station*\r\n"
                + "   # an indented comment\n"
                + "hint\tenergy.infrastructure\t\tlights out\n"
                + "ignore\t-\tsub-station truce\n");

        assertThat(lexicon.size()).isEqualTo(3);
        assertThat(lexicon.categories()).containsExactly("energy.infrastructure", "energy.substation");
        assertThat(lexicon.read("", "Sub-stations hit, lights out.").explain())
                .isEqualTo("names energy.substation (word 'Sub-stations' in notes)");
        assertThat(lexicon.read("", "the sub-station truce").explain())
                .isEqualTo("names no target; set aside 'sub-station truce' in notes (mentions that are not targets)");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        expected 3 tab-separated columns (kind, category, term), found 1 (are the columns separated by spaces?) | named energy.substation substation
        expected 3 tab-separated columns (kind, category, term), found 2                 | named\\tenergy.substation
        unknown kind 'Named', expected named, hint or ignore                              | Named\\tenergy.substation\\tsubstation
        category 'Energy.Substation' is not lowercase and dotted like energy.substation   | named\\tEnergy.Substation\\tsubstation
        category 'substation' is not lowercase and dotted like energy.substation          | named\\tsubstation\\tsubstation
        an ignore line takes '-' as its category, got 'energy.truce'                      | ignore\\tenergy.truce\\tenergy truce
        '*' may only end a word, found it inside 'sub*station'                            | named\\tenergy.substation\\tsub*station
        stem 'ТЕ*' is too short: a prefix needs at least 3 letters before '*'             | named\\tenergy.power_plant\\tТЕ*
        word '«' has no letter or digit                                                   | named\\tenergy.power_plant\\tpower « plant
        word 'power.plant' contains sentence punctuation, which text matches never cross  | named\\tenergy.power_plant\\tpower.plant
        """)
    void aMalformedLineIsReportedWithFileAndLine(String problem, String line) {
        String tsv = "# header\nnamed\tenergy.dam\tdam\n" + line.replace("\\t", "\t") + "\n";

        assertThatThrownBy(() -> parse(tsv))
                .isInstanceOfSatisfying(LexiconFormatException.class, e -> {
                    assertThat(e.sourceName()).isEqualTo("test.tsv");
                    assertThat(e.line()).isEqualTo(3);
                })
                .hasMessage("test.tsv, line 3: " + problem);
    }

    @Test
    void aTermThatMatchesTheSameWordsAsAnEarlierOneIsReported() {
        assertThatThrownBy(() -> parse("named\tenergy.substation\tSubstation\n\nnamed\thealth.hospital\tsubstation\n"))
                .isInstanceOf(LexiconFormatException.class)
                .hasMessage("test.tsv, line 3: term 'substation' matches the same words as line 1");
        assertThatThrownBy(() -> parse("named\tenergy.power_plant\tcentrale électrique\n"
                + "named\tenergy.power_plant\tCENTRALE ELECTRIQUE\n"))
                .as("accents and case fold alike").hasMessageContaining("line 2");
    }

    @Test
    void theLanguageMustBeACode() {
        assertThatThrownBy(() -> TargetLexicon.parse("English", new StringReader(""), "test.tsv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.tsv").hasMessageContaining("'English'");
    }

    @Test
    void anEmptyFileIsAnEmptyLexicon() {
        TargetLexicon lexicon = parse("# nothing yet\n");

        assertThat(lexicon.size()).isZero();
        assertThat(lexicon.read("substation", "substation")).isInstanceOf(TargetReading.Nothing.class);
    }

    @Test
    void combinedLexiconsPreferTheEarlierPartOnATie() {
        TargetLexicon first = TargetLexicon.parse("aa", new StringReader("named\ta.one\tport\n"), "a.tsv");
        TargetLexicon second = TargetLexicon.parse("bb", new StringReader("named\tb.two\tport\n"), "b.tsv");

        assertThat(TargetLexicon.combine(java.util.List.of(first, second)).read("", "the port").namedCategories())
                .containsExactly("a.one");
        assertThat(TargetLexicon.combine(java.util.List.of(second, first)).read("", "the port").namedCategories())
                .containsExactly("b.two");
    }
}
