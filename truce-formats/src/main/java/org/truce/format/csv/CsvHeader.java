package org.truce.format.csv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.truce.format.FormatException;

/** The header of a CSV file: column names in file order, looked up by exact name. */
public final class CsvHeader {

    private final String source;
    private final List<String> names;
    private final Map<String, Integer> index;

    private CsvHeader(String source, List<String> names, Map<String, Integer> index) {
        this.source = source;
        this.names = names;
        this.index = index;
    }

    /**
     * Reads the first record as the header.
     *
     * @param source how to name the file in messages
     * @throws FormatException when the input is empty, the header is malformed or names a column twice
     */
    public static CsvHeader read(CsvReader reader, String source) throws IOException {
        CsvRecord first = reader.next();
        if (first == null) {
            throw new FormatException(source + ": the file is empty; expected a header line");
        }
        if (first.isMalformed()) {
            throw new FormatException(source + ": the header (line " + first.line() + ") is malformed: "
                    + first.problem());
        }
        List<String> names = first.fields();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Integer before = index.putIfAbsent(names.get(i), i);
            if (before != null) {
                throw new FormatException(source + ": column '" + names.get(i) + "' appears twice in the header"
                        + " (columns " + (before + 1) + " and " + (i + 1) + ")");
            }
        }
        return new CsvHeader(source, List.copyOf(names), index);
    }

    /** Throws, naming the file and every missing column, unless all {@code required} columns exist. */
    public void require(List<String> required) throws FormatException {
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            if (!index.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new FormatException(source + ": missing required column" + (missing.size() == 1 ? "" : "s")
                    + " " + String.join(", ", missing) + "; the header has: " + String.join(", ", names));
        }
    }

    /** 0-based index of the column, or -1 when absent. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    public String source() {
        return source;
    }
}
