package org.truce.extraction;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a statement file and refuses what is not one: a missing, empty, binary, non-UTF-8 or
 * oversized file gets one message naming the file and the problem, before anything is extracted.
 */
public final class StatementInput {

    /** One statement is a readout or an article; past this it is a corpus, to be split first. */
    public static final long DEFAULT_MAX_BYTES = 1_000_000;

    private static final Pattern FILE_NAME_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");

    /** The problem with a statement file, as a message for the user. */
    public static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private StatementInput() {
    }

    /** The text of a statement file, with a byte-order mark removed and line ends made "\n". */
    public static String read(Path file, long maxBytes) throws Refused, IOException {
        if (!Files.exists(file)) {
            throw new Refused(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new Refused(file + ": not a regular file");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new Refused(file + ": " + size + " bytes, more than the " + maxBytes + " bytes one statement"
                    + " may have; split it into statements (or raise --max-bytes)");
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new Refused(file + ": binary data (a NUL byte at byte " + i + "), not a text statement");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new Refused(file + ": not UTF-8 text (invalid byte sequence at byte " + in.position() + ")");
        }
        try {
            decoder.flush(out);
        } catch (IllegalStateException e) {
            throw new Refused(file + ": not UTF-8 text");
        }
        String text = out.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (text.isBlank()) {
            throw new Refused(file + ": empty: there is no text to extract from");
        }
        long control = text.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\t').count();
        if (control * 20 > text.length()) {
            throw new Refused(file + ": mostly control characters (" + control + " of " + text.length()
                    + "), not a text statement");
        }
        return text;
    }

    /** A date at the start of the file's name ("2025-03-19-putin-trump-call.fr.txt"). */
    public static Optional<LocalDate> fileNameDate(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = FILE_NAME_DATE.matcher(name.toString());
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(m.group(1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
