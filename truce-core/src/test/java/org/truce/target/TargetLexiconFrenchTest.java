package org.truce.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FEATURE UNDER TEST: French notes (plurals, accents or none, elision), read with the built-in
 * lexicons. Each row is the expected rule-trace line, then the note.
 */
class TargetLexiconFrenchTest {

    private static final TargetLexicon LEXICON = TargetLexicon.builtIn();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        names energy.power_plant (phrase 'centrale électrique' in notes)     | Selon les autorités régionales, « la centrale électrique a été touchée », dégâts importants.
        names energy.refinery (word 'raffinerie' in notes)                    | Frappe de drones sur une raffinerie à Tuapse.
        names energy.refinery (word 'raffineries' in notes)                   | Deux raffineries ont été visées cette nuit.
        names energy.oil_depot (phrase 'dépôts de carburant' in notes)        | Incendie dans deux dépôts de carburant après l'attaque.
        names energy.substation (word 'sous-station' in notes)                | Une sous-station a été endommagée près de Soumy.
        names energy.substation (phrase 'poste électrique' in notes)          | Le poste électrique de la ville a été touché.
        names energy.power_line (phrase 'lignes à haute tension' in notes)    | Des lignes à haute tension ont été coupées par les tirs.
        names energy.power_plant (phrase 'CENTRALE NUCLEAIRE' in notes)       | Drones au-dessus de la CENTRALE NUCLEAIRE de Zaporijjia.
        names energy.dam (word 'barrage' in notes)                            | Le barrage de Kakhovka a été détruit.
        names energy.infrastructure (phrase 'infrastructures énergétiques' in notes) | Nouvelle attaque massive contre les infrastructures énergétiques.
        names energy.pipeline_station (phrase 'station de pompage d'oléoduc' in notes) | Une station de pompage d'oléoduc est en feu.
        names health.hospital (word 'hôpital' in notes)                       | Un hôpital a été touché à Kherson.
        """)
    void names(String expected, String note) {
        assertThat(LEXICON.read("", note).explain()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        names no target; set aside 'trêve énergétique' in notes (mentions that are not targets)     | Les deux camps s'accusent de violer la trêve énergétique.
        names no target; set aside 'moratoire énergétique' in notes (mentions that are not targets) | Le Kremlin dit respecter le moratoire énergétique de 30 jours.
        names no target; set aside 'moratoire sur les frappes contre les infrastructures énergétiques' in notes (mentions that are not targets) | Kiev dit respecter le moratoire sur les frappes contre les infrastructures énergétiques.
        names no target; suggests energy.infrastructure (phrase 'coupures de courant' in notes)     | Des coupures de courant sont signalées à Odessa.
        names no target; set aside 'tir de barrage' in notes (mentions that are not targets)        | Un tir de barrage a précédé l'assaut.
        names no target                                                                              | Le rapport signale des dégâts importants et des blessés.
        """)
    void doesNotName(String expected, String note) {
        assertThat(LEXICON.read("", note).explain()).isEqualTo(expected);
    }
}
