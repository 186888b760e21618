package org.truce.incident;

import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The independent sources behind an incident. Sources that speak for the same party form one
 * group ({@code party:RU}); every other source is its own group ({@code source:OSCE SMM}).
 * Reports without a source name add nothing: who said it cannot be told.
 */
public record Independence(SortedMap<String, SortedSet<String>> groups) {

    public Independence {
        SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
        groups.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableSortedSet(new TreeSet<>(v))));
        groups = java.util.Collections.unmodifiableSortedMap(copy);
    }

    static Independence of(Iterable<Member> members) {
        SortedMap<String, SortedSet<String>> groups = new TreeMap<>();
        for (Member m : members) {
            String source = m.source().strip();
            if (source.isEmpty()) {
                continue;
            }
            String key = m.party().isEmpty() ? "source:" + source : "party:" + m.party();
            groups.computeIfAbsent(key, k -> new TreeSet<>()).add(source);
        }
        return new Independence(groups);
    }

    /** How many independent sources corroborate the incident. */
    public int count() {
        return groups.size();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(count()).append(" independent");
        for (Map.Entry<String, SortedSet<String>> e : groups.entrySet()) {
            s.append("; ").append(e.getKey()).append(" ").append(e.getValue());
        }
        return s.toString();
    }
}
