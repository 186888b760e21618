package org.truce.extraction;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A test statement read with the standard rules: the extraction, its items of one kind, its keys, the gazetteer. */
final class Statements {

    private static final Extractor EXTRACTOR = Extractor.standard();

    private Statements() {
    }

    static Extraction extraction(String text, Language lang, String published) {
        return EXTRACTOR.extract(text, lang, LocalDate.parse(published), "test");
    }

    static Set<String> keys(String text, Language lang, String published) {
        return extraction(text, lang, published).items().stream().flatMap(i -> i.keys().stream())
                .collect(Collectors.toSet());
    }

    static Gazetteer gazetteer() {
        return EXTRACTOR.gazetteer();
    }

    static <T> List<T> items(Extraction e, Class<T> type) {
        return e.items().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
