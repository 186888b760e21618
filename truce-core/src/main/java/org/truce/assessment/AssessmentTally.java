package org.truce.assessment;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of outcomes per commitment, and of possible violations per claimed party (or, when the
 * actor belongs to no party of the agreement, per actor as the source names it).
 */
public final class AssessmentTally {

    private static final int OUTCOMES = Outcome.values().length;

    // Plain counters, not boxed ones: a bulk run adds every assessment here, one at a time, on
    // the thread that commits rows in file order, and a new Long per count showed there.
    private final Map<String, long[]> byCommitment = new LinkedHashMap<>();
    private final Map<String, Map<String, long[]>> violationsByParty = new LinkedHashMap<>();

    public void add(Assessment a, String actor) {
        add(a.commitmentId(), a.outcome(), who(a, actor));
    }

    /** The name a possible violation is counted under: the party, else the actor as named. */
    public static String who(Assessment a, String actor) {
        return !a.party().isEmpty() ? a.party() : actor.isEmpty() ? "(no actor named)" : actor;
    }

    public synchronized void add(String commitmentId, Outcome outcome, String who) {
        byCommitment.computeIfAbsent(commitmentId, k -> new long[OUTCOMES])[outcome.ordinal()]++;
        if (outcome == Outcome.POSSIBLE_VIOLATION) {
            violationsByParty.computeIfAbsent(commitmentId, k -> new HashMap<>())
                    .computeIfAbsent(who, k -> new long[1])[0]++;
        }
    }

    /** Makes sure a commitment with no assessment at all still shows, with zeros. */
    public synchronized void register(String commitmentId) {
        byCommitment.computeIfAbsent(commitmentId, k -> new long[OUTCOMES]);
    }

    public synchronized long count(String commitmentId, Outcome outcome) {
        long[] counts = byCommitment.get(commitmentId);
        return counts == null ? 0 : counts[outcome.ordinal()];
    }

    public synchronized Map<String, Long> violationsByParty(String commitmentId) {
        Map<String, Long> counts = new TreeMap<>();
        violationsByParty.getOrDefault(commitmentId, Map.of()).forEach((who, n) -> counts.put(who, n[0]));
        return Map.copyOf(counts);
    }

    public synchronized List<String> commitments() {
        return List.copyOf(byCommitment.keySet());
    }
}
