package org.truce.store.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes JSON so that equal content always gives the same bytes, and so the same SHA-256, on any
 * JDK: object keys sorted by UTF-16 code units, no whitespace, strings escaped minimally (only
 * {@code "}, {@code \} and control characters, as {@code \n} or {@code \u001f}), integers as
 * they are, and a double as the shortest decimal that reads back to the same double, in plain
 * notation ({@code 48}, {@code 37.5}, {@code 0.0000001}).
 *
 * <p>Accepted values: {@code null}, {@link String}, {@link Boolean}, {@link Integer}, {@link Long},
 * {@link Double} (finite), {@link Map} with string keys, {@link List}. Anything else is refused,
 * so a type that would print differently tomorrow cannot slip into a hash.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String write(Object value) {
        StringBuilder b = new StringBuilder(256);
        append(b, value);
        return b.toString();
    }

    private static void append(StringBuilder b, Object value) {
        if (value == null) {
            b.append("null");
        } else if (value instanceof String s) {
            string(b, s);
        } else if (value instanceof Boolean flag) {
            b.append(flag.booleanValue());
        } else if (value instanceof Integer || value instanceof Long) {
            b.append(value);
        } else if (value instanceof Double d) {
            b.append(number(d));
        } else if (value instanceof Map<?, ?> map) {
            object(b, map);
        } else if (value instanceof List<?> list) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                append(b, list.get(i));
            }
            b.append(']');
        } else {
            throw new IllegalArgumentException("no canonical JSON form for " + value.getClass().getName());
        }
    }

    private static void object(StringBuilder b, Map<?, ?> map) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys must be strings, got " + e.getKey());
            }
            sorted.put(key, e.getValue());
        }
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            string(b, e.getKey());
            b.append(':');
            append(b, e.getValue());
        }
        b.append('}');
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    /**
     * The shortest decimal (fewest significant digits, then nearest) that parses back to
     * {@code d}. Computed from the exact binary value, not from {@link Double#toString}, whose
     * output changed between JDK 17 and 19 for some values.
     */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON has no form for " + d);
        }
        if (d == 0.0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == d) {
                return rounded.stripTrailingZeros().toPlainString();
            }
        }
        throw new AssertionError("17 significant digits always round-trip a double: " + d);
    }
}
