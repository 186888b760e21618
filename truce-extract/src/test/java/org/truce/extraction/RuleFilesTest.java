package org.truce.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pattern files are data: every rule compiles, ids are unique, values are ones the code knows. */
class RuleFilesTest {

    private static final Set<String> TABLES = Set.of("measure", "stance", "condition", "restriction", "position_trigger", "position",
            "claim", "exchange", "date", "duration", "from", "anaphor", "collective", "timeline", "statement_day",
            "coordination", "contrast", "until", "clock");

    @Test
    void everyRuleOfEveryLanguageLoadsWithAKnownTableAndAUniqueId() {
        Gazetteer gazetteer = Gazetteer.load();
        Set<String> ids = new HashSet<>();
        for (Language language : new Language[] {Language.FR, Language.EN}) {
            ResourceTable table = ResourceTable.load(language.code() + "/rules.tsv");
            RuleBook book = RuleBook.load(language, gazetteer);
            assertThat(book.language()).isEqualTo(language);
            for (ResourceTable.Row row : table.rows()) {
                assertThat(ids.add(row.cell(0))).as("rule id %s is unique", row.cell(0)).isTrue();
                assertThat(row.cell(0)).as("ids start with their language").startsWith(language.code() + ".");
                assertThat(TABLES).as("table of %s", row.cell(0)).contains(row.cell(1));
                if (row.cell(1).equals("measure")) {
                    assertThat(MeasureKind.fromWireName(row.cell(2).split(":")[0])).as(row.cell(0)).isPresent();
                }
            }
        }
    }

    @Test
    void spellingVariantsOfTheGazetteerLeadToOneActor() {
        Gazetteer g = Gazetteer.load();
        assertThat(g.lookup("Whitoff").orElseThrow().id()).isEqualTo("witkoff");
        assertThat(g.lookup("Путин").orElseThrow().id()).isEqualTo("putin");
        assertThat(g.lookup("Kyiv").orElseThrow().id()).isEqualTo(g.lookup("Kiev").orElseThrow().id());
        assertThat(g.lookup("Koursk").orElseThrow().id()).isEqualTo("kursk");
    }
}
