package org.truce.format.csv;

import java.util.List;

/** Writing side of RFC 4180: quote a field only when it needs it, doubling inner quotes. */
public final class CsvText {

    private CsvText() {
    }

    public static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    public static StringBuilder appendField(StringBuilder out, String field) {
        if (!needsQuotes(field)) {
            return out.append(field);
        }
        out.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }

    /** The fields as one CSV line, without a line terminator. */
    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendField(out, fields.get(i));
        }
        return out.toString();
    }
}
