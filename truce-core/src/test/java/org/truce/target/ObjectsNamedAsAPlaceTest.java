package org.truce.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FEATURE UNDER TEST: an object named only as where something happened ("near a substation") is
 * set aside, not read as the target; an object hit near a place, or with a place between the cue
 * and the object, is still named. Found by the held-out reports (HeldOutReportsTest), whose first
 * run read "debris fell in a field near a substation" as a strike on the substation.
 */
class ObjectsNamedAsAPlaceTest {

    private static final TargetLexicon LEXICON = TargetLexicon.builtIn();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        names no target; set aside 'near a substation' in notes (mentions that are not targets)         | Debris from a downed drone fell in a field near a substation; no damage.
        names no target; set aside 'near the Zaporizhzhia nuclear power plant' in notes (mentions that are not targets) | Shelling hit an area near the Zaporizhzhia nuclear power plant; the plant was not damaged.
        names no target; set aside 'next to a power line' in notes (mentions that are not targets)       | A drone dropped explosives next to a power line; a car burned.
        names no target; set aside 'près de la centrale électrique' in notes (mentions that are not targets) | Des obus sont tombés près de la centrale électrique, sans dégâts.
        names no target; set aside 'неподалік ТЕЦ' in notes (mentions that are not targets)              | Уламки впали неподалік ТЕЦ, пошкоджень немає.
        """)
    void anObjectNamedAsAPlaceIsSetAside(String expected, String note) {
        assertThat(LEXICON.read("", note).explain()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        names energy.substation (word 'substation' in notes)          | Drones hit a substation near Kharkiv.
        names energy.substation (word 'substation' in notes)          | Shelling near Kupiansk damaged a substation.
        names civilian.residential (phrase 'residential buildings' in notes) | The missile hit nearby residential buildings.
        """)
    void anObjectHitNearAPlaceIsStillNamed(String expected, String note) {
        assertThat(LEXICON.read("", note).explain()).isEqualTo(expected);
    }
}
