package org.truce.record;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON form of a log entry, so that equal content always gives the same bytes and
 * the same leaf hash. Same rules as the store's {@code CanonicalJson} (kept there for the stored
 * reports; this copy exists because the core may not depend on the store): object keys sorted by
 * UTF-16 code units, no whitespace, strings escaped minimally ({@code "}, {@code \}, and control
 * characters as short escapes or <code>&#92;u00XX</code>), integers as written, a double as the
 * shortest plain decimal that reads back to it. Encoded as UTF-8.
 *
 * <p>Values: {@code null}, String, Boolean, Integer, Long, Double (finite), Map with String keys,
 * List. Anything else is refused, so that nothing whose printed form may change gets hashed.
 */
public final class EntryJson {

    private EntryJson() {
    }

    public static String canonical(Object value) {
        StringBuilder out = new StringBuilder(128);
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            writeString(out, text);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Double number) {
            out.append(shortestDecimal(number));
        } else if (value instanceof Map<?, ?> members) {
            writeObject(out, members);
        } else if (value instanceof List<?> items) {
            out.append('[');
            String separator = "";
            for (Object item : items) {
                out.append(separator);
                write(out, item);
                separator = ",";
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("a log entry cannot hold a " + value.getClass().getName());
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> members) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        members.forEach((key, member) -> {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("JSON member names are strings, got " + key);
            }
            sorted.put(name, member);
        });
        out.append('{');
        String separator = "";
        for (Map.Entry<String, Object> member : sorted.entrySet()) {
            out.append(separator);
            writeString(out, member.getKey());
            out.append(':');
            write(out, member.getValue());
            separator = ",";
        }
        out.append('}');
    }

    private static void writeString(StringBuilder out, String text) {
        out.append('"');
        text.chars().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        });
        out.append('"');
    }

    /** Worked out from the exact binary value: Double.toString's digits differ between JDK 17 and 19. */
    private static String shortestDecimal(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("JSON cannot hold " + d);
        }
        if (d == 0.0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros().toPlainString();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
    }
}
