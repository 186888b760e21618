package org.truce.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules of one language, read from its pattern files ({@code <lang>/rules.tsv},
 * {@code lexicon.tsv}, {@code words.tsv}): the code knows what a table means, the files say which
 * words make it.
 */
final class RuleBook {

    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private static final Pattern MACRO = Pattern.compile("\\{([A-Z_]+?)(\\d*)\\}");

    /** One line of rules.tsv. {@code value} means what its table says (a measure kind, a stance …). */
    record Rule(String id, String table, String value, double confidence, Pattern pattern) {
    }

    /** A match of a rule inside one sentence. */
    record Hit(Rule rule, Span span, Matcher match) {

        Optional<Span> group(String name, String text) {
            try {
                int start = match.start(name);
                return start < 0 ? Optional.empty() : Optional.of(Span.of(text, start, match.end(name)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private final Language language;
    private final Map<String, List<Rule>> tables;
    private final Map<String, Map<String, Integer>> words;

    private RuleBook(Language language, Map<String, List<Rule>> tables, Map<String, Map<String, Integer>> words) {
        this.language = language;
        this.tables = tables;
        this.words = words;
    }

    static RuleBook load(Language language, Gazetteer gazetteer) {
        String dir = language.code() + "/";
        Map<String, List<String>> classes = new LinkedHashMap<>();
        for (ResourceTable.Row row : ResourceTable.load(dir + "lexicon.tsv").rows()) {
            classes.computeIfAbsent(row.cell(0), k -> new ArrayList<>()).add(row.cell(1));
        }
        Map<String, Map<String, Integer>> words = new HashMap<>();
        for (ResourceTable.Row row : ResourceTable.load(dir + "words.tsv").rows()) {
            String kind = row.cell(0).toUpperCase(Locale.ROOT);
            words.computeIfAbsent(kind, k -> new HashMap<>())
                    .put(row.cell(1).replace('’', '\'').toLowerCase(Locale.ROOT), Integer.parseInt(row.cell(2)));
            // The apostrophe is left outside the quoted part so that it matches both kinds
            // (before this, "aujourd'hui" was never found).
            classes.computeIfAbsent(kind, k -> new ArrayList<>())
                    .add(Pattern.quote(row.cell(1)).replace("'", "\\E'\\Q"));
        }
        for (List<String> alternatives : classes.values()) {
            alternatives.sort(Comparator.comparingInt(String::length).reversed());
        }
        Map<String, List<Rule>> tables = new LinkedHashMap<>();
        for (ResourceTable.Row row : ResourceTable.load(dir + "rules.tsv").rows()) {
            String expanded = expand(row, row.cell(4), classes, gazetteer);
            Pattern pattern;
            try {
                pattern = Pattern.compile(expanded, FLAGS);
            } catch (PatternSyntaxException e) {
                throw row.problem("pattern does not compile: " + e.getDescription());
            }
            Rule rule = new Rule(row.cell(0), row.cell(1), row.cell(2), Double.parseDouble(row.cell(3)), pattern);
            tables.computeIfAbsent(rule.table(), k -> new ArrayList<>()).add(rule);
        }
        return new RuleBook(language, tables, words);
    }

    private static String expand(ResourceTable.Row row, String pattern, Map<String, List<String>> classes,
            Gazetteer gazetteer) {
        // Rules are written with straight apostrophes; texts use both kinds.
        Matcher m = MACRO.matcher(apostrophes(pattern));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.equals("GAP")) {
                int words = m.group(2).isEmpty() ? 6 : Integer.parseInt(m.group(2));
                replacement = "(?:\\W+\\w+){0," + words + "}?\\W+";
            } else if (name.equals("ACTOR")) {
                replacement = gazetteer.alternationOfParties();
            } else if (name.equals("OUTLET")) {
                replacement = gazetteer.alternationOfOutlets();
            } else if (name.equals("ANY_ACTOR")) {
                replacement = gazetteer.alternationOfAll();
            } else if (classes.containsKey(name + m.group(2))) {
                replacement = "(?<!\\w)(?:" + apostrophes(String.join("|", classes.get(name + m.group(2)))) + ")(?!\\w)";
            } else {
                throw row.problem("unknown word class {" + name + m.group(2) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String apostrophes(String regex) {
        return regex.replace("'", "['’]");
    }

    Language language() {
        return language;
    }

    List<Rule> table(String table) {
        return tables.getOrDefault(table, List.of());
    }

    /** The value of a word of a kind (MONTH "mars" is 3), if listed. */
    Optional<Integer> word(String kind, String text) {
        Map<String, Integer> values = words.getOrDefault(kind, Map.of());
        return Optional.ofNullable(values.get(text.replace('’', '\'').toLowerCase(Locale.ROOT)));
    }

    /**
     * Matches of every rule of a table inside the sentence; where matches overlap, the earlier
     * rule's (then the earlier match) wins.
     */
    List<Hit> hits(String table, String text, int from, int to) {
        return hits(table(table), text, from, to);
    }

    /** The same for some rules only: overlaps are resolved among them alone. */
    static List<Hit> hits(List<Rule> rules, String text, int from, int to) {
        List<Hit> kept = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(text).region(from, to);
            m.useTransparentBounds(true);
            m.useAnchoringBounds(true);
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                Span span = Span.of(text, m.start(), m.end());
                if (kept.stream().noneMatch(h -> h.span().overlaps(span))) {
                    kept.add(new Hit(rule, Span.of(text, m.start(), m.end()), snapshot(m, text, to)));
                }
            }
        }
        kept.sort(Comparator.comparingInt(h -> h.span().start_char()));
        return kept;
    }

    /** A matcher left on the same match, so that its named groups can be read later. */
    private static Matcher snapshot(Matcher m, String text, int to) {
        Matcher again = m.pattern().matcher(text).region(m.start(), to);
        again.useTransparentBounds(true);
        again.useAnchoringBounds(true);
        if (!again.lookingAt()) {
            throw new IllegalStateException("rule " + m.pattern() + " did not match again at " + m.start());
        }
        return again;
    }
}
