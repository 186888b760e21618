package org.truce.format.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Shares one {@code String} among equal field values of a column, looked up by the field's bytes
 * so that a repeat costs a hash and a compare instead of a new string. An ACLED file repeats a few
 * hundred actors, regions and event types a million times; pooling them keeps the reports that a
 * caller retains small.
 *
 * <p>Bounded: it holds at most {@code maxEntries} values of at most {@code maxBytes} bytes. Once
 * full it only answers for what it holds, and if that rarely helps (a column of unique values) it
 * stops looking altogether. Not thread-safe; use one per column per reader.
 */
public final class StringPool {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int maxEntries;
    private final int maxBytes;
    private final byte[][] keys;
    private final String[] values;
    private final int[] hashes;
    private final int mask;
    private int size;
    private long lookupsWhenFull;
    private long hitsWhenFull;
    private boolean disabled;

    public StringPool() {
        this(1024, 128);
    }

    public StringPool(int maxEntries, int maxBytes) {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("a pool needs room for at least one value of one byte");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        int capacity = Integer.highestOneBit(maxEntries * 2 - 1) << 1; // load factor <= 0.5
        this.keys = new byte[capacity][];
        this.values = new String[capacity];
        this.hashes = new int[capacity];
        this.mask = capacity - 1;
    }

    /** Number of distinct values held. */
    public int size() {
        return size;
    }

    String get(byte[] b, int off, int len, boolean ascii) {
        if (len > maxBytes || disabled) {
            return decode(b, off, len, ascii);
        }
        int h = hash(b, off, len);
        boolean full = size >= maxEntries;
        if (full) {
            lookupsWhenFull++;
        }
        for (int i = h & mask; ; i = (i + 1) & mask) {
            byte[] key = keys[i];
            if (key == null) {
                String s = decode(b, off, len, ascii);
                if (!full) {
                    keys[i] = Arrays.copyOfRange(b, off, off + len);
                    values[i] = s;
                    hashes[i] = h;
                    size++;
                } else if (lookupsWhenFull >= 4L * maxEntries && hitsWhenFull * 2 < lookupsWhenFull) {
                    disabled = true; // most values are new: hashing them is wasted work
                }
                return s;
            }
            if (hashes[i] == h && key.length == len && sameBytes(key, b, off, len)) {
                if (full) {
                    hitsWhenFull++;
                }
                return values[i];
            }
        }
    }

    /** A hash over eight bytes at a time; the values are short, so this beats a per-byte loop. */
    private static int hash(byte[] b, int off, int len) {
        long h = len * 0x9E37_79B9_7F4A_7C15L;
        int p = off;
        int end = off + len;
        for (; p + 8 <= end; p += 8) {
            h = Long.rotateLeft((h ^ (long) LONGS.get(b, p)) * 0xBF58_476D_1CE4_E5B9L, 29);
        }
        long tail = 0;
        for (; p < end; p++) {
            tail = tail << 8 | (b[p] & 0xFF);
        }
        h = (h ^ tail) * 0x94D0_49BB_1331_11EBL;
        return (int) (h ^ h >>> 32);
    }

    /** The JDK's vectorised range compare: a long at a time through a VarHandle was slower on a hit. */
    private static boolean sameBytes(byte[] key, byte[] b, int off, int len) {
        return Arrays.equals(key, 0, len, b, off, off + len);
    }

    private static String decode(byte[] b, int off, int len, boolean ascii) {
        return new String(b, off, len, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
}
