package org.truce.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Actors and places with their aliases and spelling variants (common/gazetteer.tsv), and the
 * parties they stand for (common/parties.tsv). A capital stands for its government ("Kiev a
 * accepté"); a demonym ("ukrainiens") names its party too.
 */
public final class Gazetteer {

    public enum EntryType { PERSON, STATE, ORGANISATION, CAPITAL, DEMONYM, OUTLET, PLACE }

    /**
     * {@code venues} are aliases among {@code aliases} that name a city where talks are held
     * ("Istanbul", "Riyadh"): they name the host state, but a party never acts through them.
     */
    public record Entry(String id, EntryType type, Optional<String> party, List<String> aliases, Set<String> venues) {

        public Entry {
            aliases = List.copyOf(aliases);
            venues = Set.copyOf(venues);
        }

        boolean namesParty() {
            return party.isPresent();
        }

        boolean isVenue(String alias) {
            return venues.contains(alias.replace('’', '\'').toLowerCase(Locale.ROOT));
        }
    }

    /** A gazetteer entry found in the text; {@code venue} when the words found name a venue of talks. */
    record Found(Span span, Entry entry, boolean venue) {

        /** The party acting through these words: none for a venue ("talks in Istanbul"). */
        Optional<String> party() {
            return venue ? Optional.empty() : entry.party();
        }
    }

    private final List<Entry> entries;
    private final Map<String, Entry> byAlias = new HashMap<>();
    private final Map<String, String> partyNames;
    private final Map<String, List<String>> partyActorNames;
    private final Pattern all;

    private Gazetteer(List<Entry> entries, Map<String, String> partyNames, Map<String, List<String>> partyActorNames) {
        this.entries = List.copyOf(entries);
        this.partyNames = partyNames;
        this.partyActorNames = partyActorNames;
        for (Entry e : entries) {
            for (String alias : e.aliases()) {
                byAlias.putIfAbsent(alias.toLowerCase(Locale.ROOT), e);
            }
        }
        this.all = Pattern.compile(alternation(e -> true, true), RuleBook.FLAGS);
    }

    static Gazetteer load() {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> actorNames = new LinkedHashMap<>();
        for (ResourceTable.Row row : ResourceTable.load("common/parties.tsv").rows()) {
            names.put(row.cell(0), row.cell(1));
            String prefixes = row.cells().size() > 2 ? row.cell(2) : "";
            actorNames.put(row.cell(0), prefixes.isBlank() ? List.of() : List.of(prefixes.split("\\|")));
        }
        List<Entry> entries = new ArrayList<>();
        for (ResourceTable.Row row : ResourceTable.load("common/gazetteer.tsv").rows()) {
            EntryType type;
            try {
                type = EntryType.valueOf(row.cell(1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.problem("unknown type '" + row.cell(1) + "'");
            }
            String party = row.cell(2);
            if (!party.isEmpty() && !names.containsKey(party)) {
                throw row.problem("party '" + party + "' is not in common/parties.tsv");
            }
            List<String> aliases = new ArrayList<>(List.of(row.cell(3).split("\\|")));
            Set<String> venues = new HashSet<>();
            if (row.cells().size() > 4 && !row.cell(4).isBlank()) {
                for (String v : row.cell(4).split("\\|")) {
                    aliases.add(v);
                    venues.add(v.toLowerCase(Locale.ROOT));
                }
            }
            entries.add(new Entry(row.cell(0), type, party.isEmpty() ? Optional.empty() : Optional.of(party),
                    aliases, venues));
        }
        return new Gazetteer(entries, names, actorNames);
    }

    /** Every entry found in {@code text} between {@code from} and {@code to}, longest alias first. */
    List<Found> find(String text, int from, int to) {
        List<Found> found = new ArrayList<>();
        Matcher m = all.matcher(text).region(from, to);
        m.useTransparentBounds(true);
        while (m.find()) {
            lookup(m.group()).ifPresent(e -> found.add(new Found(Span.of(text, m.start(), m.end()), e,
                    e.isVenue(m.group()))));
        }
        return found;
    }

    /** The entry with this id ("kremlin"), if any. */
    Optional<Entry> lookupId(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** A short alias in capitals ("US", "UAE", "EU"), which only matches as written. */
    static boolean isAcronym(String alias) {
        return alias.length() <= 3 && alias.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }

    Optional<Entry> lookup(String alias) {
        return Optional.ofNullable(byAlias.get(alias.replace('’', '\'').toLowerCase(Locale.ROOT)));
    }

    /** A regular expression matching any alias of the entries accepted, as a whole word. */
    String alternation(Predicate<Entry> which, boolean withVenues) {
        List<String> aliases = new ArrayList<>();
        for (Entry e : entries) {
            if (which.test(e)) {
                e.aliases().stream().filter(a -> withVenues || !e.isVenue(a)).forEach(aliases::add);
            }
        }
        aliases.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder b = new StringBuilder("(?<![\\w-])(?:");
        for (int i = 0; i < aliases.size(); i++) {
            String quoted = Pattern.quote(aliases.get(i)).replace("'", "\\E['’]\\Q");
            // "US" and "UAE" in capitals only: "us" is a pronoun.
            b.append(i == 0 ? "" : "|").append(isAcronym(aliases.get(i)) ? "(?-i:" + quoted + ")" : quoted);
        }
        return b.append(")(?!\\w)").toString();
    }

    String alternationOfParties() {
        return alternation(Entry::namesParty, false);
    }

    String alternationOfOutlets() {
        return alternation(e -> e.type() == EntryType.OUTLET, false);
    }

    String alternationOfAll() {
        return alternation(e -> e.namesParty() || e.type() == EntryType.OUTLET, false);
    }

    public String partyName(String party) {
        return partyNames.getOrDefault(party, party);
    }

    public List<String> partyActorNames(String party) {
        return partyActorNames.getOrDefault(party, List.of());
    }
}
