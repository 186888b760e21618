package org.truce.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FEATURE UNDER TEST: how a text is cut into folded words before any lexicon lookup. */
class TokenizedTextTest {

    private static List<String> folded(String text) {
        TokenizedText words = TokenizedText.of(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.count; i++) {
            out.add((words.breakBefore(i) ? "|" : "") + words.folded(i));
        }
        return out;
    }

    @Test
    void caseAccentsAndMarksFoldAway() {
        assertThat(folded("Dépôts ÉLECTRIQUES")).containsExactly("depots", "electriques");
        assertThat(folded("Ёмкость ЙОД Її подста́нцию")).containsExactly("емкость", "иод", "іі", "подстанцию");
        assertThat(folded("ﬁre İstanbul")).as("ligature and dotted capital I").containsExactly("fire", "istanbul");
    }

    @Test
    void apostrophesJoinCyrillicWordsOnly() {
        assertThat(folded("об'єкт обʼєкт об’єкт")).containsExactly("обєкт", "обєкт", "обєкт");
        assertThat(folded("d'électricité Europe's")).containsExactly("d", "electricite", "europe", "s");
    }

    @Test
    void sentencePunctuationFollowedBySpaceIsABreak() {
        assertThat(folded("power. Plant, dam; energy.substation"))
                .containsExactly("power", "|plant", "|dam", "|energy", "substation");
    }

    @Test
    void hyphensQuotesAndBracketsOnlySeparate() {
        assertThat(folded("«sous-station» (oléoduc)")).containsExactly("sous", "station", "oleoduc");
    }

    @Test
    void longTextsGrowTheirBuffers() {
        String text = "a ".repeat(500) + "ﬃ".repeat(300);
        TokenizedText words = TokenizedText.of(text);

        assertThat(words.count).isEqualTo(501);
        assertThat(words.folded(500)).isEqualTo("ffi".repeat(300));
        assertThat(words.sourceSpan(500, 500)).isEqualTo("ﬃ".repeat(300));
    }
}
