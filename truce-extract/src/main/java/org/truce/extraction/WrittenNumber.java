package org.truce.extraction;

import java.util.Optional;
import java.util.function.Function;

/**
 * A count written in words ("two hundred and forty-six", "deux cents", "quatre-vingt-quatre"),
 * read with the number words of the sentence's language (words.tsv). The words say their values;
 * this class only knows how values combine: "hundred"/"cent" multiplies what comes before it,
 * "thousand"/"mille" closes a group, "quatre-vingt" is four twenties, anything else adds.
 */
final class WrittenNumber {

    private WrittenNumber() {
    }

    /** The value, or empty when a word is not a number word of the language. */
    static Optional<Integer> parse(String written, Function<String, Optional<Integer>> numberWord) {
        Optional<Integer> whole = numberWord.apply(written.strip());
        if (whole.isPresent()) {
            return whole;
        }
        int total = 0;
        int group = 0;
        int last = 0;
        boolean any = false;
        for (String token : written.strip().split("[\\s\\-\u00a0]+")) {
            if (token.equalsIgnoreCase("and") || token.equalsIgnoreCase("et")) {
                continue;
            }
            Optional<Integer> v = numberWord.apply(token);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            int value = v.get();
            any = true;
            if (value == 1000) {
                total += Math.max(group, 1) * 1000;
                group = 0;
            } else if (value == 100) {
                group = Math.max(group, 1) * 100;
            } else if (value == 20 && last == 4) {
                // "cent quatre-vingt-cinq": the four just added is four twenties.
                group += 80 - 4;
            } else {
                group += value;
            }
            last = value;
        }
        return any ? Optional.of(total + group) : Optional.empty();
    }
}
