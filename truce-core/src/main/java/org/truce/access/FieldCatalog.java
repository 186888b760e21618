package org.truce.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sensitivity of every field of every view, read from a tab-separated catalog (see the
 * built-in {@code field-sensitivity.tsv}). A field the catalog does not name has no rule:
 * {@link Redaction} treats it as secret.
 */
public final class FieldCatalog {

    private static final String BUILT_IN = "field-sensitivity.tsv";
    private static final Pattern PATH = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*(\\[\\])?)*(\\.\\*)?");

    private final Map<String, FieldRule> exact;
    private final Map<String, FieldRule> prefixes;

    private FieldCatalog(Map<String, FieldRule> exact, Map<String, FieldRule> prefixes) {
        this.exact = exact;
        this.prefixes = prefixes;
    }

    /** The catalog that ships with Truce. */
    public static FieldCatalog builtIn() {
        try (InputStream in = FieldCatalog.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the built-in field catalog " + BUILT_IN + " is missing from the jar");
            }
            return read(in, BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a catalog. Blank lines and lines starting with {@code #} are comments.
     *
     * @throws IllegalArgumentException naming the file, the line and what is wrong
     */
    public static FieldCatalog read(InputStream in, String name) throws IOException {
        Map<String, FieldRule> exact = new LinkedHashMap<>();
        Map<String, FieldRule> prefixes = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNo = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            String where = name + ", line " + lineNo;
            if (cells.length != 4) {
                throw new IllegalArgumentException(where + ": expected 4 tab-separated cells (path, sensitivity,"
                        + " treatment, why), found " + cells.length);
            }
            String path = cells[0];
            if (!PATH.matcher(path).matches() || !path.contains(".")) {
                throw new IllegalArgumentException(where + ": not a field path (view.field, [] after a list, .* at the"
                        + " end): '" + path + "'");
            }
            Sensitivity sensitivity;
            FieldRule.Treatment treatment;
            try {
                sensitivity = Sensitivity.fromWireName(cells[1]);
                treatment = FieldRule.Treatment.valueOf(cells[2].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + (e.getMessage().startsWith("a sensitivity")
                        ? e.getMessage() : "treatment is remove or coarsen, got '" + cells[2] + "'"), e);
            }
            if (cells[3].isBlank()) {
                throw new IllegalArgumentException(where + ": say why '" + path + "' is " + cells[1]);
            }
            FieldRule rule = new FieldRule(path, sensitivity, treatment, cells[3]);
            Map<String, FieldRule> into = path.endsWith(".*") ? prefixes : exact;
            String key = path.endsWith(".*") ? path.substring(0, path.length() - 2) : path;
            if (into.putIfAbsent(key, rule) != null) {
                throw new IllegalArgumentException(where + ": '" + path + "' is already in the catalog");
            }
        }
        return new FieldCatalog(Map.copyOf(exact), Map.copyOf(prefixes));
    }

    /**
     * The rule for a concrete field path such as {@code finding.trace[].detail}: an exact line,
     * else the nearest {@code .*} line above it; empty when the catalog has none.
     */
    public Optional<FieldRule> ruleFor(String path) {
        FieldRule rule = exact.get(path);
        if (rule != null) {
            return Optional.of(rule);
        }
        for (String p = parent(path); p != null; p = parent(p)) {
            rule = prefixes.get(p);
            if (rule != null) {
                return Optional.of(rule);
            }
            if (p.endsWith("[]")) {
                rule = prefixes.get(p.substring(0, p.length() - 2));
                if (rule != null) {
                    return Optional.of(rule);
                }
            }
        }
        return Optional.empty();
    }

    /** Every rule, for documentation and review. */
    public List<FieldRule> rules() {
        return Stream.concat(exact.values().stream(), prefixes.values().stream())
                .sorted(Comparator.comparing(FieldRule::path))
                .toList();
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : path.substring(0, dot);
    }
}
