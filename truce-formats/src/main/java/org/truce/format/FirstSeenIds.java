package org.truce.format;

/**
 * Remembers on which line each record id was first seen, so that a repeated id can be rejected
 * with a pointer to the original. Shared by the readers; not thread-safe.
 *
 * <p>An event file of 4M rows puts 4M ids here, and holding them as strings proved costly: the
 * retained strings more than doubled the reader's time through garbage-collector work. So:
 * <ul>
 *   <li>Ids shaped like ACLED's, a prefix and a number without leading zeros ({@code UKR123}),
 *       are kept per prefix in an array indexed by the number. ACLED numbers each country's
 *       events densely, so this takes about 4 bytes an id and is walked almost in order, which
 *       the CPU cache likes far better than a hash table.
 *   <li>Other ids of at most 10 characters from {@code [0-9A-Za-z_-]} are packed losslessly into
 *       a {@code long} (6 bits a character plus the length) in a primitive hash table.
 *   <li>The rest go to a string hash table.
 * </ul>
 * Line numbers are kept as unsigned 32-bit values; a line beyond that is remembered as 2^32-1.
 */
public final class FirstSeenIds {

    private static final int INITIAL_CAPACITY = 1 << 10;
    private static final int MAX_PACKED_LENGTH = 10;
    /** Character to 6-bit code, -1 for characters that cannot be packed. */
    private static final byte[] CODE = new byte[128];

    static {
        java.util.Arrays.fill(CODE, (byte) -1);
        int code = 0;
        for (char c = '0'; c <= '9'; c++) {
            CODE[c] = (byte) code++;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            CODE[c] = (byte) code++;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            CODE[c] = (byte) code++;
        }
        CODE['-'] = (byte) code++;
        CODE['_'] = (byte) code;
    }

    // Packed ids: key 0 marks an empty slot (a packed key always has a non-zero length field).
    private long[] keys = new long[INITIAL_CAPACITY];
    private int[] keyLines = new int[INITIAL_CAPACITY];
    private int packedSize;

    // Everything else.
    private String[] names = new String[INITIAL_CAPACITY];
    private int[] nameLines = new int[INITIAL_CAPACITY];
    private int namedSize;

    private final java.util.List<Dense> denseByPrefix = new java.util.ArrayList<>();
    private int size;

    /**
     * Records {@code id} as seen on {@code line} unless it was seen before.
     *
     * @param line a line number, 1 or more
     * @return -1 when the id is new, otherwise the line where it was first seen
     */
    public long firstLineOf(String id, long line) {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
        int storedLine = (int) Math.min(line, 0xFFFF_FFFFL);
        int digitsFrom = id.length();
        while (digitsFrom > 0 && isDigit(id.charAt(digitsFrom - 1))) {
            digitsFrom--;
        }
        int digits = id.length() - digitsFrom;
        if (digits == 0 || digits > 9 || id.charAt(digitsFrom) == '0') {
            return firstLineOfHashed(id, storedLine, true);
        }
        Dense dense = dense(id, digitsFrom);
        int number = Integer.parseInt(id, digitsFrom, id.length(), 10);
        long seen = dense.firstLineOf(number, storedLine);
        if (seen == NOT_STORED) {
            dense.spilled = true;
            return firstLineOfHashed(id, storedLine, true);
        }
        if (seen < 0 && dense.spilled) {
            // A number too sparse for the array earlier may have gone to the hash table then.
            long before = firstLineOfHashed(id, storedLine, false);
            if (before >= 0) {
                dense.forget(number);
                return before;
            }
        }
        if (seen < 0) {
            size++;
        }
        return seen;
    }

    /** Number of distinct ids seen. */
    public int size() {
        return size;
    }

    private long firstLineOfHashed(String id, int line, boolean insert) {
        long packed = pack(id);
        long seen = packed != 0 ? firstLineOfPacked(packed, line, insert) : firstLineOfNamed(id, line, insert);
        if (seen < 0 && insert) {
            size++;
        }
        return seen;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The array for the id's prefix; few prefixes exist (one per country), so a list scan is enough. */
    private Dense dense(String id, int prefixLength) {
        for (Dense d : denseByPrefix) {
            if (d.prefix.length() == prefixLength && id.startsWith(d.prefix)) {
                return d;
            }
        }
        Dense d = new Dense(id.substring(0, prefixLength));
        denseByPrefix.add(d);
        return d;
    }

    private static final long NOT_STORED = -2;

    /** Lines of the ids {@code prefix + n}, indexed by n; 0 means not seen. */
    private static final class Dense {
        final String prefix;
        int[] lines = new int[1024];
        int count;
        /** Whether some id with this prefix went to the hash tables instead. */
        boolean spilled;

        Dense(String prefix) {
            this.prefix = prefix;
        }

        /** -1 if new (now stored), the first line if seen, NOT_STORED if n is too sparse to store here. */
        long firstLineOf(int n, int line) {
            if (n >= lines.length) {
                // Grow only while the array stays at least a quarter full, so that one odd id
                // such as UKR900000000 cannot claim gigabytes.
                long wanted = Math.max((long) n + 1, 2L * lines.length);
                if (wanted > 4L * (count + 1024) || wanted > Integer.MAX_VALUE - 8) {
                    return NOT_STORED;
                }
                lines = java.util.Arrays.copyOf(lines, (int) wanted);
            }
            int there = lines[n];
            if (there != 0) {
                return Integer.toUnsignedLong(there);
            }
            lines[n] = line;
            count++;
            return -1;
        }

        void forget(int n) {
            lines[n] = 0;
            count--;
        }
    }

    private long firstLineOfPacked(long key, int line, boolean insert) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            long there = keys[i];
            if (there == 0) {
                if (!insert) {
                    return -1;
                }
                keys[i] = key;
                keyLines[i] = line;
                if (++packedSize > keys.length / 2) {
                    growPacked();
                }
                return -1;
            }
            if (there == key) {
                return Integer.toUnsignedLong(keyLines[i]);
            }
        }
    }

    private long firstLineOfNamed(String id, int line, boolean insert) {
        int mask = names.length - 1;
        for (int i = mix(id.hashCode()) & mask; ; i = (i + 1) & mask) {
            String there = names[i];
            if (there == null) {
                if (!insert) {
                    return -1;
                }
                names[i] = id;
                nameLines[i] = line;
                if (++namedSize > names.length / 2) {
                    growNamed();
                }
                return -1;
            }
            if (there.equals(id)) {
                return Integer.toUnsignedLong(nameLines[i]);
            }
        }
    }

    /** The id as length (4 bits) and 6-bit character codes, or 0 when it does not fit. */
    static long pack(String id) {
        int n = id.length();
        if (n == 0 || n > MAX_PACKED_LENGTH) {
            return 0;
        }
        long v = n;
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            int code = c < 128 ? CODE[c] : -1;
            if (code < 0) {
                return 0;
            }
            v = (v << 6) | code;
        }
        return v;
    }

    private void growPacked() {
        long[] oldKeys = keys;
        int[] oldLines = keyLines;
        keys = new long[oldKeys.length * 2];
        keyLines = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = mix(oldKeys[j]) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                keyLines[i] = oldLines[j];
            }
        }
    }

    private void growNamed() {
        String[] oldNames = names;
        int[] oldLines = nameLines;
        names = new String[oldNames.length * 2];
        nameLines = new int[oldNames.length * 2];
        int mask = names.length - 1;
        for (int j = 0; j < oldNames.length; j++) {
            if (oldNames[j] != null) {
                int i = mix(oldNames[j].hashCode()) & mask;
                while (names[i] != null) {
                    i = (i + 1) & mask;
                }
                names[i] = oldNames[j];
                nameLines[i] = oldLines[j];
            }
        }
    }

    /** Sequential ids differ in their low bits only; spread them over the whole table. */
    private static int mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return (int) x;
    }
}
