package org.truce.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FEATURE UNDER TEST: Russian notes (cases, stress marks, abbreviations), read with the built-in
 * lexicons. Each row is the expected rule-trace line, then the note.
 */
class TargetLexiconRussianTest {

    private static final TargetLexicon LEXICON = TargetLexicon.builtIn();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        names energy.power_line (phrase 'линия электропередачи' in notes)  | По данным местных властей, «повреждена линия электропередачи», пострадавших нет.
        names energy.substation (word 'подстанцию' in notes)               | Беспилотники атаковали подстанцию в Брянской области.
        names energy.substation (word 'Подстанция' in notes)               | Подстанция «Южная» обесточена после удара.
        names energy.substation (word 'подстанции' in notes)               | На территории подстанции начался пожар.
        names energy.substation (word 'подста́нции' in notes)              | Удар по подста́нции в Курске.
        names energy.oil_depot (word 'нефтебазе' in notes)                 | Пожар на нефтебазе в Новороссийске.
        names energy.refinery (phrase 'нефтеперерабатывающий завод' in notes) | Дроны атаковали нефтеперерабатывающий завод в Туапсе.
        names energy.power_plant (word 'ТЭЦ' in notes)                     | Обстрелу подверглась ТЭЦ в Белгороде.
        names energy.dam (word 'плотину' in notes), energy.power_plant (word 'ГЭС' in notes) | Взорвали плотину Каховской ГЭС.
        names military.ammunition_depot (phrase 'склад боеприпасов' in notes) | Уничтожен склад боеприпасов под Торецком.
        """)
    void names(String expected, String note) {
        assertThat(LEXICON.read("", note).explain()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        names no target; set aside 'энергетического перемирия' in notes (mentions that are not targets) | Стороны обвинили друг друга в нарушении энергетического перемирия.
        names no target; set aside 'моратория на удары по энергетической инфраструктуре' in notes (mentions that are not targets) | Кремль заявил о соблюдении моратория на удары по энергетической инфраструктуре.
        names no target; suggests energy.infrastructure (word 'обесточены' in notes) | После атаки обесточены два района.
        names no target; suggests energy.infrastructure (phrase 'без света' in notes) | Часть города осталась без света.
        names no target                                                               | Противник обстрелял окраину посёлка, пострадавших нет.
        """)
    void doesNotName(String expected, String note) {
        assertThat(LEXICON.read("", note).explain()).isEqualTo(expected);
    }
}
