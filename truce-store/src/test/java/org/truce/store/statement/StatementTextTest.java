package org.truce.store.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** FEATURE UNDER TEST (issue 5, bad input): what a statement's text may be, and the messages when it is not. */
class StatementTextTest {

    @Test
    void utf8TextIsDecodedAndALeadingByteOrderMarkDropped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "Le cessez-le-feu, 30 jours.\n".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, both, 0, bom.length);
        System.arraycopy(text, 0, both, bom.length, text.length);

        assertThat(StatementText.decode(both, "a.txt")).isEqualTo("Le cessez-le-feu, 30 jours.\n");
    }

    @Test
    void anEmptyOrBlankFileIsRefused() {
        assertThatThrownBy(() -> StatementText.decode(new byte[0], "empty.txt"))
                .hasMessage("empty.txt: the text is empty");
        assertThatThrownBy(() -> StatementText.decode(" \n\t\n".getBytes(StandardCharsets.UTF_8), "blank.txt"))
                .hasMessage("blank.txt: the text is empty");
    }

    @Test
    void aBinaryFileIsRefusedWithTheOffsetOfItsFirstNulByte() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        assertThatThrownBy(() -> StatementText.decode(png, "photo.png"))
                .hasMessage("photo.png: a binary file, not a text (NUL byte at offset 8)");
    }

    @Test
    void latin1TextIsRefusedWithTheOffsetOfTheBadByte() {
        byte[] latin1 = "Kyiv: frappé".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> StatementText.decode(latin1, "old.txt"))
                .hasMessageStartingWith("old.txt: not UTF-8 text (invalid byte sequence at offset 11)");
    }

    @Test
    void controlCharactersAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> StatementText.check("line one\nline\u0007two", "text"))
                .hasMessage("text: control character U+0007 at character 13 (line 2); a statement is plain text");
    }

    @Test
    void aHugeTextIsRefusedAndTheMessageSaysWhatToDo() {
        String huge = "x".repeat(StatementText.MAX_CHARS + 1);
        assertThatThrownBy(() -> StatementText.check(huge, "dump.txt"))
                .hasMessageContaining("1000001 characters, more than the 1000000 a statement may have; split it");
    }
}
