package org.truce.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FEATURE UNDER TEST: Ukrainian notes (cases, apostrophe variants, abbreviations), read with the
 * built-in lexicons. Each row is the expected rule-trace line, then the note.
 */
class TargetLexiconUkrainianTest {

    private static final TargetLexicon LEXICON = TargetLexicon.builtIn();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        names energy.substation (word 'підстанцію' in notes)              | Обстріл енергетичної інфраструктури, пошкоджено підстанцію; без світла близько 2 тис. абонентів.
        names energy.substation (word 'Підстанція' in notes)              | Підстанція в Харкові зазнала пошкоджень.
        names energy.substation (word 'підстанції' in notes)              | Унаслідок удару на території підстанції виникла пожежа.
        names energy.power_plant (word 'ТЕЦ' in notes)                    | Ворог атакував ТЕЦ у Харкові.
        names energy.oil_depot (word 'нафтобазу' in notes)                | Дрони атакували нафтобазу в Брянській області.
        names energy.power_line (phrase 'лінію електропередачі' in notes) | Уламки ракети пошкодили лінію електропередачі.
        names energy.gas_facility (phrase 'газорозподільну станцію' in notes) | Снаряд влучив у газорозподільну станцію.
        names energy.dam (word 'греблю' in notes)                         | Окупанти підірвали греблю.
        names energy.infrastructure (phrase 'об’єкт енергетики' in notes) | Влучання в об’єкт енергетики на Дніпропетровщині.
        names energy.refinery (word 'НПЗ' in notes)                       | Сили оборони уразили НПЗ у Саратові.
        names health.hospital (word 'лікарню' in notes)                   | Російський дрон влучив у лікарню.
        """)
    void names(String expected, String note) {
        assertThat(LEXICON.read("", note).explain()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        names no target; set aside 'енергетичне перемир'я' in notes (mentions that are not targets) | Росія знову порушила енергетичне перемир'я.
        names no target; set aside 'мораторію на удари по енергетичній інфраструктурі' in notes (mentions that are not targets) | Київ заявив, що дотримується мораторію на удари по енергетичній інфраструктурі.
        names no target; suggests energy.infrastructure (word 'знеструмлені' in notes) | Після обстрілу частково знеструмлені два села.
        names no target; suggests energy.infrastructure (phrase 'без світла' in notes) | Понад тисяча родин залишилися без світла.
        names no target                                                                 | Обстріл околиць міста, поранено двох людей.
        """)
    void doesNotName(String expected, String note) {
        assertThat(LEXICON.read("", note).explain()).isEqualTo(expected);
    }
}
