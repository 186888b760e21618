package org.truce.assessment;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of outcomes per commitment, and of possible violations per claimed party (or, when the
 * actor belongs to no party of the agreement, per actor as the source names it).
 */
public final class AssessmentTally {

    private final Map<String, EnumMap<Outcome, Long>> byCommitment = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> violationsByParty = new LinkedHashMap<>();

    public void add(Assessment a, String actor) {
        add(a.commitmentId(), a.outcome(), who(a, actor));
    }

    /** The name a possible violation is counted under: the party, else the actor as named. */
    public static String who(Assessment a, String actor) {
        return !a.party().isEmpty() ? a.party() : actor.isEmpty() ? "(no actor named)" : actor;
    }

    public synchronized void add(String commitmentId, Outcome outcome, String who) {
        byCommitment.computeIfAbsent(commitmentId, k -> new EnumMap<>(Outcome.class)).merge(outcome, 1L, Long::sum);
        if (outcome == Outcome.POSSIBLE_VIOLATION) {
            violationsByParty.computeIfAbsent(commitmentId, k -> new TreeMap<>()).merge(who, 1L, Long::sum);
        }
    }

    /** Makes sure a commitment with no assessment at all still shows, with zeros. */
    public synchronized void register(String commitmentId) {
        byCommitment.computeIfAbsent(commitmentId, k -> new EnumMap<>(Outcome.class));
    }

    public synchronized long count(String commitmentId, Outcome outcome) {
        return byCommitment.getOrDefault(commitmentId, new EnumMap<>(Outcome.class)).getOrDefault(outcome, 0L);
    }

    public synchronized Map<String, Long> violationsByParty(String commitmentId) {
        return Map.copyOf(violationsByParty.getOrDefault(commitmentId, Map.of()));
    }

    public synchronized java.util.List<String> commitments() {
        return java.util.List.copyOf(byCommitment.keySet());
    }
}
