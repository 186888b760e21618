package org.truce.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** FEATURE UNDER TEST: the data files shipped in the jar. */
class BuiltInLexiconTest {

    static List<String> languages() throws Exception {
        try (BufferedReader reader = new BufferedReader(open(TargetLexicon.LANGUAGES_RESOURCE))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toList());
        }
    }

    private static Reader open(String name) {
        InputStream in = TargetLexicon.class.getResourceAsStream(name);
        assertThat(in).as("resource " + name).isNotNull();
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static List<LexiconTerm> terms(String language) {
        String name = "lexicon-" + language + ".tsv";
        return LexiconParser.parse(language, open(name), name);
    }

    @Test
    void theFourFirstLanguagesAreShipped() throws Exception {
        assertThat(languages()).as("at least these").contains("en", "fr", "uk", "ru");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyFileParsesWithNamedHintAndIgnoreTermsAndWellFormedCategories(String language) {
        List<LexiconTerm> terms = terms(language);

        assertThat(terms).extracting(t -> t.kind).contains(TermKind.NAMED, TermKind.HINT, TermKind.IGNORE);
        for (LexiconTerm term : terms) {
            if (term.kind == TermKind.IGNORE) {
                assertThat(term.category).isEqualTo("-");
            } else {
                assertThat(term.category).as("%s line %d", term.source, term.line)
                        .matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyFileCoversTheCategoriesOfTheEnergyMoratorium(String language) {
        assertThat(terms(language).stream().filter(t -> t.kind == TermKind.NAMED).map(t -> t.category))
                .contains("energy.substation", "energy.power_plant", "energy.refinery", "energy.oil_depot",
                        "energy.gas_facility", "energy.pipeline_station", "energy.power_line", "energy.dam",
                        "energy.infrastructure", "water.pumping_station", "health.hospital",
                        "transport.rail_station", "transport.port", "civilian.residential", "military.airfield",
                        "military.ammunition_depot");
    }

    @Test
    void noTwoFilesGiveTheSameWordsDifferentMeanings() throws Exception {
        Map<String, LexiconTerm> byKey = new HashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (String language : languages()) {
            for (LexiconTerm term : terms(language)) {
                LexiconTerm earlier = byKey.putIfAbsent(term.key(), term);
                if (earlier != null && (earlier.kind != term.kind || !earlier.category.equals(term.category))) {
                    conflicts.add(term.source + ":" + term.line + " vs " + earlier.source + ":" + earlier.line);
                }
            }
        }
        assertThat(conflicts).isEmpty();
    }

    @Test
    void everyCategoryGivenAsExplicitTargetReadsBackAsItself() {
        TargetLexicon lexicon = TargetLexicon.builtIn();
        for (String category : lexicon.categories()) {
            assertThat(lexicon.read(category, "").namedCategories()).as(category).containsExactly(category);
        }
    }
}
