package org.truce.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FEATURE UNDER TEST: English notes, read with the built-in lexicons. Each row is the expected
 * rule-trace line, then the note.
 */
class TargetLexiconEnglishTest {

    private static final TargetLexicon LEXICON = TargetLexicon.builtIn();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        names energy.substation (word 'substation' in notes)               | Drones hit a substation in Bryansk region overnight.
        names energy.refinery (word 'refineries' in notes)                 | Two refineries in Krasnodar region were set on fire by drones.
        names energy.power_plant (phrase 'power plant' in notes)           | Missiles struck the Kurakhove thermal power plant.
        names energy.oil_depot (phrase 'fuel depots' in notes)             | Fire at two fuel depots after a drone attack, the governor says.
        names energy.power_line (phrase 'high-voltage lines' in notes)     | Shelling damaged high-voltage lines near Nikopol.
        names energy.gas_facility (phrase 'gas compressor station' in notes) | A gas compressor station in Sudzha was hit.
        names energy.power_plant (word 'CHP' in notes)                     | The Kharkiv CHP-5 was shelled again.
        names energy.pipeline_station (phrase 'oil pumping station' in notes) | Strike on an oil pumping station near Bryansk.
        names energy.infrastructure (phrase 'energy infrastructure' in notes) | Massive attack on energy infrastructure in western Ukraine.
        names energy.infrastructure (phrase 'energy facility' in notes)    | Despite the energy truce, an energy facility in Odesa was hit.
        names health.hospital (word 'hospital' in notes), energy.substation (word 'substations' in notes) | A hospital and two substations were damaged in Kharkiv.
        names military.airfield (word 'airfield' in notes)                 | Drones attacked the Morozovsk airfield.
        names civilian.residential (phrase 'apartment block' in notes)     | A glide bomb hit an apartment block in Zaporizhzhia.
        names energy.gas_facility (phrase 'gas production facilities' in notes) | Russian drones hit Naftogaz gas production facilities in Poltava oblast.
        """)
    void names(String expected, String note) {
        assertThat(LEXICON.read("", note).explain()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        names no target; suggests energy.infrastructure (phrase 'critical infrastructure' in notes) | Officials said the strike hit a "critical infrastructure facility", causing power outages.
        names no target; set aside 'energy truce' in notes (mentions that are not targets)          | Report mentions the so-called "energy truce" and a 30-day pause, per Reuters.
        names no target; set aside 'Energy workers' in notes (mentions that are not targets)        | The governor wrote: "Energy workers are already on site, repairs will take days."
        names no target; set aside 'moratorium on strikes against energy infrastructure' in notes (mentions that are not targets) | Moscow accused Kyiv of breaking the moratorium on strikes against energy infrastructure.
        names no target; suggests energy.infrastructure (word 'blackout' in notes)                 | Residents of Kharkiv reported a blackout after explosions.
        names no target                                                                             | The strike damaged a transport company office and several reports were filed.
        names no target                                                                             | They cut the power. Plant workers were evacuated.
        names no target; suggests energy.infrastructure (word 'Ukrenergo' in notes)                 | Russian shelling hit Kherson; Ukrenergo reported damage to its facilities.
        """)
    void doesNotName(String expected, String note) {
        assertThat(LEXICON.read("", note).explain()).isEqualTo(expected);
    }

    @Test
    void benchNoteWithLineBreakInsideQuoteIsSetAside() {
        TargetReading reading = LEXICON.read("",
                "On 3 April 2025, Russian forces shelled Novysk (Sumy). The governor wrote: \"Energy workers are already on site,\nrepairs will take days.\" [size=several]");

        assertThat(reading).isInstanceOf(TargetReading.Nothing.class);
        assertThat(reading.ignored()).extracting(IgnoredPhrase::matchedText).containsExactly("Energy workers");
    }

    @Test
    void benchNoteWithCriticalInfrastructureGivesTwoHints() {
        TargetReading reading = LEXICON.read("",
                " Officials said the strike hit a \"critical infrastructure facility\", causing power outages.");

        assertThat(reading).isInstanceOf(TargetReading.HintOnly.class);
        assertThat(reading.hints()).extracting(TargetMatch::matchedText)
                .containsExactly("critical infrastructure", "power outages");
    }
}
