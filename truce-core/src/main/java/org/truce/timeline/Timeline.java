package org.truce.timeline;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.truce.agreement.Agreement;
import org.truce.agreement.Statement;

/**
 * The process around an agreement: meetings and milestones in date order, each with its status
 * history. Checks on construction that ids are unique and that every commitment and statement a
 * milestone refers to exists (in the agreement, or among the timeline's own statements).
 */
public final class Timeline {

    private final List<Milestone> milestones;
    private final List<Statement> ownStatements;

    public Timeline(Agreement agreement, List<Statement> ownStatements, List<Milestone> milestones) {
        Set<String> statements = new HashSet<>();
        agreement.statements().forEach(s -> statements.add(s.id()));
        for (Statement s : ownStatements) {
            if (!statements.add(s.id())) {
                throw new IllegalArgumentException("statement " + s.id() + " is declared twice");
            }
        }
        Set<String> ids = new HashSet<>();
        for (Milestone m : milestones) {
            if (!ids.add(m.id())) {
                throw new IllegalArgumentException("milestone id " + m.id() + " is used twice");
            }
            if (m.commitment() != null && agreement.findCommitment(m.commitment()).isEmpty()) {
                throw new IllegalArgumentException("milestone " + m.id() + ": no commitment " + m.commitment()
                        + " in agreement " + agreement.id());
            }
            for (StatusChange c : m.history()) {
                if (!statements.contains(c.source().statement())) {
                    throw new IllegalArgumentException("milestone " + m.id() + ": unknown statement "
                            + c.source().statement());
                }
            }
        }
        this.ownStatements = List.copyOf(ownStatements);
        // A stable sort: milestones of one day keep the order the file gives them (the call before its follow-ups).
        this.milestones = milestones.stream().sorted(Comparator.comparing(Milestone::date)).toList();
    }

    /** The milestones in date order (ties in the order given). */
    public List<Milestone> milestones() {
        return milestones;
    }

    public List<Statement> ownStatements() {
        return ownStatements;
    }
}
