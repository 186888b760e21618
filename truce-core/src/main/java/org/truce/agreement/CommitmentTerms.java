package org.truce.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What every commitment has, whatever its kind: who proposed it, where each bound party stands,
 * its window (one reading per party when they disagree), its conditions and its source.
 */
public record CommitmentTerms(
        String id,
        String title,
        List<String> proposedBy,
        List<PartyStatus> parties,
        List<WindowReading> readings,
        List<Condition> conditions,
        SourceRef basis) {

    public CommitmentTerms {
        Require.id(id, "commitment id");
        title = title == null ? "" : title;
        proposedBy = List.copyOf(proposedBy);
        parties = List.copyOf(parties);
        readings = List.copyOf(readings);
        conditions = List.copyOf(conditions);
        long distinctParties = parties.stream().map(PartyStatus::party).distinct().count();
        if (distinctParties != parties.size()) {
            throw new IllegalArgumentException("commitment " + id + " lists a party twice");
        }
        long distinctReadings = readings.stream().map(WindowReading::label).distinct().count();
        if (distinctReadings != readings.size()) {
            throw new IllegalArgumentException("commitment " + id + " has two window readings with the same label");
        }
    }

    public Optional<PartyStatus> statusOf(String party) {
        for (PartyStatus p : parties) {
            if (p.party().equals(party)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Commitments with no listed parties (a bare monitoring rule) bind whoever acts. */
    public boolean namesParties() {
        return !parties.isEmpty();
    }

    /** In force on a day: inside some reading's window and accepted by every listed party. */
    public boolean inForceOn(LocalDate day) {
        boolean inWindow = readings.stream().anyMatch(r -> r.window().contains(day));
        boolean allBound = parties.stream().allMatch(p -> p.binds() && (p.since() == null || !p.since().isAfter(day)));
        return inWindow && allBound;
    }

    public boolean hasReciprocity() {
        for (Condition c : conditions) {
            if (c instanceof Condition.Reciprocity) {
                return true;
            }
        }
        return false;
    }
}
