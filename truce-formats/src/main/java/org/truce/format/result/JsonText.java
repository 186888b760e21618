package org.truce.format.result;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer for writing JSON lines: strings are escaped and encoded in one
 * pass, straight to bytes, because encoding findings is the bulk of {@code truce assess}'s output
 * work and a detour through {@code StringBuilder} and {@code String.getBytes} doubled it.
 */
final class JsonText {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buf;
    /**
     * Where the text being written starts in {@link #buf}: 0, except when earlier texts were
     * handed out by {@link #take()} and still live in the same buffer.
     */
    private int base;
    private int length;
    private char[] chars = new char[256];

    JsonText(int capacity) {
        buf = new byte[Math.max(capacity, 64)];
    }

    /** Starts again at the beginning of the buffer; not after {@link #take()}, whose bytes it would overwrite. */
    void clear() {
        base = 0;
        length = 0;
    }

    /** Bytes written since the last {@link #clear()} or {@link #take()}. */
    int length() {
        return length - base;
    }

    byte[] toByteArray() {
        return Arrays.copyOfRange(buf, base, length);
    }

    /**
     * Hands out the text written since the last take, without copying it: the buffer is never
     * written there again, and the next text follows it (in a new buffer once this one is full).
     * Encoding each report's findings into a shared buffer spares an array and a copy per report.
     */
    FindingsJsonlWriter.EncodedLines take() {
        FindingsJsonlWriter.EncodedLines taken = new FindingsJsonlWriter.EncodedLines(buf, base, length);
        base = length;
        return taken;
    }

    private void ensure(int more) {
        if (length + more > buf.length) {
            if (base == 0) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
            } else {
                // Earlier texts still live in this buffer: move only the current one to a new buffer.
                int current = length - base;
                byte[] next = new byte[Math.max(buf.length, (current + more) * 2)];
                System.arraycopy(buf, base, next, 0, current);
                buf = next;
                base = 0;
                length = current;
            }
        }
    }

    /** Bytes encoded once, such as a field name with its quotes and colon ({@link #key}). */
    JsonText raw(byte[] encoded) {
        int n = encoded.length;
        ensure(n);
        System.arraycopy(encoded, 0, buf, length, n);
        length += n;
        return this;
    }

    /** {@code "name":} as bytes, for writers that write the same field names on every line. */
    static byte[] key(String asciiName) {
        return new JsonText(asciiName.length() + 3).name(asciiName).toByteArray();
    }

    /** {@code "name":"value"} as bytes, for fields whose values are a few constants (enum wire names). */
    static byte[] keyAndValue(String asciiName, String value) {
        return new JsonText(asciiName.length() + 3 * value.length() + 5).field(asciiName, value).toByteArray();
    }

    /** {@code "name":"value"} with the name encoded once ({@link #key}) and the value escaped. */
    JsonText field(byte[] key, String value) {
        return raw(key).quote(value);
    }

    /** Appends text known to need no escaping and to be ASCII (keys, numbers, punctuation). */
    JsonText raw(String ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[length++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    JsonText raw(char c) {
        ensure(1);
        buf[length++] = (byte) c;
        return this;
    }

    /** {@code "name":"value"} with the value escaped. */
    JsonText field(String name, String value) {
        ensure(name.length() + 3);
        buf[length++] = '"';
        raw(name);
        buf[length++] = '"';
        buf[length++] = ':';
        return quote(value);
    }

    /** {@code "name":} for a value written next. */
    JsonText name(String name) {
        ensure(name.length() + 3);
        buf[length++] = '"';
        raw(name);
        buf[length++] = '"';
        buf[length++] = ':';
        return this;
    }

    /** The string as a JSON string literal, UTF-8 encoded. */
    JsonText quote(String s) {
        int n = s.length();
        ensure(n * 3 + 2);
        // One bulk copy to chars: charAt on a non-Latin string checks its index on every call.
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        char[] cs = chars;
        s.getChars(0, n, cs, 0);
        byte[] b = buf;
        int p = length;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                b[p++] = (byte) c;
            } else if (c == '"' || c == '\\') {
                // Two bytes, within the three ensured per char.
                b[p++] = '\\';
                b[p++] = (byte) c;
            } else if (c < 0x80) {
                length = p;
                escapeControl(c, n - i - 1);
                b = buf;
                p = length;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
                int cp = Character.toCodePoint(c, cs[++i]);
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                // A lone surrogate cannot be encoded; the two separators break some JS parsers.
                length = p;
                ensure(6 + 3 * (n - i - 1) + 1);
                unicodeEscape(c);
                b = buf;
                p = length;
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[p++] = '"';
        length = p;
        return this;
    }

    /**
     * A control character, then room again for the {@code remaining} chars of the string at three
     * bytes each: a six-byte escape uses more than the three bytes per char that quote ensured.
     */
    private void escapeControl(char c, int remaining) {
        ensure(6 + 3 * remaining + 1);
        switch (c) {
            case '\n' -> raw("\\n");
            case '\r' -> raw("\\r");
            case '\t' -> raw("\\t");
            default -> unicodeEscape(c);
        }
    }

    private void unicodeEscape(char c) {
        ensure(6);
        buf[length++] = '\\';
        buf[length++] = 'u';
        buf[length++] = HEX[(c >> 12) & 0xF];
        buf[length++] = HEX[(c >> 8) & 0xF];
        buf[length++] = HEX[(c >> 4) & 0xF];
        buf[length++] = HEX[c & 0xF];
    }

    /**
     * Appends a copy of bytes written earlier into this text, {@code [from, to)} as counted by
     * {@link #length()}: a trace's
     * deciding sentence is also the finding's reason, and is escaped and encoded once.
     */
    JsonText repeat(int from, int to) {
        int n = to - from;
        ensure(n);
        // After ensure: it may have moved the current text, which from and to count from.
        System.arraycopy(buf, base + from, buf, length, n);
        length += n;
        return this;
    }

    private final byte[][] quotedDays = new byte[512][];
    private final long[] quotedDayKeys = new long[512];

    /**
     * A day as a JSON string ({@code "2025-03-17"}); the few days of a file are encoded once each
     * rather than once per finding.
     */
    JsonText quote(LocalDate day) {
        long key = day.toEpochDay();
        int slot = (int) (key & (quotedDays.length - 1));
        byte[] q = quotedDays[slot];
        if (q == null || quotedDayKeys[slot] != key) {
            int start = length();
            quote(day.toString());
            q = Arrays.copyOfRange(buf, base + start, length);
            length = base + start;
            quotedDays[slot] = q;
            quotedDayKeys[slot] = key;
        }
        ensure(q.length);
        System.arraycopy(q, 0, buf, length, q.length);
        length += q.length;
        return this;
    }

    // Encodings of values met before, by identity: a trace's checks of the window, the event
    // type and the parties are shared by every report of a day or type, and each thread's actors
    // are pooled strings, so most of a findings line was encoded many times before.
    private static final int FRAGMENT_SLOTS = 1024;
    private final Object[] fragmentKeys = new Object[FRAGMENT_SLOTS];
    private final byte[][] fragments = new byte[FRAGMENT_SLOTS][];
    private final int[] fragmentMarks = new int[FRAGMENT_SLOTS];
    /** The last key met once in each slot: a key is kept only when met twice, so one-off values cost no copy. */
    private final Object[] metOnce = new Object[FRAGMENT_SLOTS];

    private static int slotOf(Object key) {
        int h = System.identityHashCode(key);
        return (h ^ h >>> 16) & (FRAGMENT_SLOTS - 1);
    }

    /**
     * Appends the bytes {@link #remember} kept for {@code key} (the same object, not an equal
     * one) and returns true; or returns false, writing nothing, when none are kept.
     */
    boolean appendFragment(Object key) {
        return appendFragment(key, 0, 0);
    }

    /** The same, without the first {@code mark} bytes (as remembered) and the last {@code dropLast}. */
    boolean appendFragmentFromMark(Object key, int dropLast) {
        int slot = slotOf(key);
        return fragmentKeys[slot] == key && appendFragment(key, fragmentMarks[slot], dropLast);
    }

    private boolean appendFragment(Object key, int skip, int dropLast) {
        int slot = slotOf(key);
        if (fragmentKeys[slot] != key) {
            return false;
        }
        byte[] f = fragments[slot];
        int n = f.length - skip - dropLast;
        ensure(n);
        System.arraycopy(f, skip, buf, length, n);
        length += n;
        return true;
    }

    /**
     * Offers the bytes written since {@code from} (as {@link #length()} counts) as the encoding of
     * {@code key}, with a mark {@code mark} bytes in, for {@link #appendFragmentFromMark}. The
     * caller must write the same bytes for the same key whenever it meets it; they are kept the
     * second time the key is met in a row of its slot.
     */
    void remember(Object key, int from, int mark) {
        int slot = slotOf(key);
        if (metOnce[slot] != key) {
            metOnce[slot] = key;
            return;
        }
        fragmentKeys[slot] = key;
        fragments[slot] = Arrays.copyOfRange(buf, base + from, length);
        fragmentMarks[slot] = mark;
    }

    /** A distance in metres with one decimal, as the answer files print it. */
    JsonText metres(double m) {
        return raw(FindingsJsonlWriter.metres(m));
    }
}
