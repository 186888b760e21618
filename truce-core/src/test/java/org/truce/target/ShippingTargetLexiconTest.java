package org.truce.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FEATURE UNDER TEST: the words for vessels, ports and sea lanes that the Black Sea
 * navigation-safety rule reads, in the four built-in languages.
 */
class ShippingTargetLexiconTest {

    static final TargetLexicon LEXICON = TargetLexicon.builtIn();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "A drone hit a tanker moored at the quay.                  | transport.vessel",
        "Two bulk carriers were damaged while loading grain.        | transport.vessel",
        "Sea drones attacked a warship off the coast.               | military.vessel",
        "A mine was found in the shipping lane.                     | transport.sea_lane",
        "Un pétrolier a été touché par un missile.                  | transport.vessel",
        "Frappe sur un navire de guerre au large de Sébastopol.     | military.vessel",
        "Le corridor céréalier reste ouvert.                        | transport.sea_lane",
        "Уражено цивільне судно під прапором Панами.                | transport.vessel",
        "Дрон атакував суховантаж у порту.                          | transport.vessel",
        "Знищено десантний корабель.                                | military.vessel",
        "Росія обстріляла зерновий коридор.                         | transport.sea_lane",
        "Атакован танкер в Новороссийске.                           | transport.vessel",
        "Поражен военный корабль.                                   | military.vessel",
        "Обстрел в районе фарватера.                                | transport.sea_lane",
    })
    void namesTheShippingTarget(String sentence, String category) {
        assertThat(LEXICON.read("", sentence).namedCategories()).as(sentence).contains(category);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Their relationship with the mayor is tense.",
        "Le bateau-mouche attendait les touristes.",
        "Суд ухвалив рішення.",
        "Решение суда отменено.",
    })
    void namesNoShippingTarget(String sentence) {
        assertThat(LEXICON.read("", sentence).namedCategories()).as(sentence)
                .noneMatch(c -> c.endsWith(".vessel") || c.equals("transport.sea_lane"));
    }
}
