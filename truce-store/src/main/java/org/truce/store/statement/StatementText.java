package org.truce.store.statement;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a statement as received: UTF-8, not binary, not empty, and small enough to keep in
 * one row. A statement is a readout or an article; anything else is refused with what is wrong
 * and where, rather than stored as garbage an extractor would then read meaning into.
 */
public final class StatementText {

    /** About 300 pages of prose; H2 keeps at most 1,048,576 characters in a VARCHAR. */
    public static final int MAX_CHARS = 1_000_000;

    private StatementText() {
    }

    /**
     * Decodes {@code bytes} strictly as UTF-8 (a leading byte order mark is dropped).
     *
     * @param where names the input in messages, e.g. a file name or "text"
     * @throws IllegalArgumentException saying what is wrong and at which byte or character
     */
    public static String decode(byte[] bytes, String where) {
        int from = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new IllegalArgumentException(where + ": a binary file, not a text (NUL byte at offset " + i + ")");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        try {
            return check(decoder.decode(in).toString(), where);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(where + ": not UTF-8 text (invalid byte sequence at offset "
                    + in.position() + "); convert it to UTF-8 first", e);
        }
    }

    /** Checks an already decoded text; returns it unchanged. */
    public static String check(String text, String where) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(where + ": the text is empty");
        }
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException(where + ": the text has " + text.length() + " characters, more than the "
                    + MAX_CHARS + " a statement may have; split it into its articles or readouts");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                throw new IllegalArgumentException(where + ": control character U+" + String.format("%04X", (int) c)
                        + " at character " + i + " (line " + lineOf(text, i) + "); a statement is plain text");
            }
        }
        return text;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
