package org.truce.format.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table that fits a terminal: each cell holds lines separated by '\n', each line is
 * wrapped at spaces to its column's width (continuations indented by two), and columns are only
 * as wide as their content needs.
 */
final class TextTable {

    private static final String GAP = "  ";

    private final List<String> headers;
    private final int[] maxWidths;
    private final List<List<String>> rows = new ArrayList<>();

    /** {@code maxWidths}: the widest each column may get; the last column takes what is left. */
    TextTable(List<String> headers, int... maxWidths) {
        if (headers.size() != maxWidths.length) {
            throw new IllegalArgumentException("one width per column");
        }
        this.headers = List.copyOf(headers);
        this.maxWidths = maxWidths.clone();
    }

    TextTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("one cell per column");
        }
        rows.add(List.of(cells));
        return this;
    }

    /** The table, at most {@code totalWidth} characters wide, one blank line between rows. */
    String render(int totalWidth) {
        int n = headers.size();
        int[] widths = new int[n];
        int used = GAP.length() * (n - 1);
        for (int c = 0; c < n; c++) {
            int natural = headers.get(c).length();
            for (List<String> row : rows) {
                for (String line : row.get(c).split("\n", -1)) {
                    natural = Math.max(natural, line.length());
                }
            }
            widths[c] = c < n - 1 ? Math.min(natural, maxWidths[c]) : Math.min(natural, Math.max(12, totalWidth - used));
            used += widths[c];
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, headers, widths);
        List<String> rules = new ArrayList<>();
        for (int w : widths) {
            rules.add("-".repeat(w));
        }
        appendRow(out, rules, widths);
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                out.append('\n');
            }
            appendRow(out, rows.get(r), widths);
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 0;
        for (int c = 0; c < cells.size(); c++) {
            List<String> lines = new ArrayList<>();
            for (String line : cells.get(c).split("\n")) {
                lines.addAll(wrap(line, widths[c]));
            }
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        for (int i = 0; i < height; i++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cells.size(); c++) {
                String part = i < wrapped.get(c).size() ? wrapped.get(c).get(i) : "";
                line.append(c == 0 ? "" : GAP).append(part).append(" ".repeat(widths[c] - part.length()));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /** Greedy word wrap; a word longer than the width is cut. Continuation lines start with two spaces. */
    static List<String> wrap(String text, int width) {
        String indent = width > 8 ? "  " : "";
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            String rest = word;
            while (true) {
                int room = width - (lines.isEmpty() ? 0 : indent.length());
                int needed = line.length() == 0 ? rest.length() : line.length() + 1 + rest.length();
                if (needed <= room) {
                    line.append(line.length() == 0 ? "" : " ").append(rest);
                    break;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                } else {
                    lines.add(rest.substring(0, room));
                    rest = rest.substring(room);
                }
            }
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, indent + lines.get(i));
        }
        return lines;
    }
}
