package org.truce.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A tab-separated data file on the class path: '#' lines and blank lines are comments. */
record ResourceTable(String name, List<Row> rows) {

    static final String BASE = "/org/truce/extraction/";

    record Row(String file, int line, List<String> cells) {

        String cell(int i) {
            if (i >= cells.size()) {
                throw problem("expected at least " + (i + 1) + " tab-separated columns, found " + cells.size());
            }
            return cells.get(i);
        }

        IllegalStateException problem(String message) {
            return new IllegalStateException(file + ":" + line + ": " + message);
        }
    }

    static ResourceTable load(String relativeName) {
        String name = BASE + relativeName;
        try (InputStream in = ResourceTable.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("rule file missing from the class path: " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                rows.add(new Row(relativeName, number, List.of(line.split("\t", -1))));
            }
            return new ResourceTable(relativeName, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
