package org.truce.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * FEATURE UNDER TEST (issue 3, assessment at scale): the apostrophe rule asks whether the letters
 * around it are Cyrillic on every apostrophe of every note, and skips the script lookup inside the
 * Cyrillic blocks. The answer must stay the script's, for every code point.
 */
class CyrillicLetterIssue3Test {

    @Test
    void answersAsTheScriptLookupForEveryCodePoint() {
        int cyrillic = 0;
        for (int cp = Character.MIN_CODE_POINT; cp <= Character.MAX_CODE_POINT; cp++) {
            boolean byScript = Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC;
            if (TokenizedText.isCyrillicLetter(cp) != byScript) {
                assertThat(TokenizedText.isCyrillicLetter(cp)).as("U+%04X", cp).isEqualTo(byScript);
            }
            cyrillic += byScript ? 1 : 0;
        }
        assertThat(TokenizedText.isCyrillicLetter('є')).isTrue();
        assertThat(TokenizedText.isCyrillicLetter('y')).isFalse();
        assertThat(cyrillic).as("not vacuous").isGreaterThan(300);
    }
}
