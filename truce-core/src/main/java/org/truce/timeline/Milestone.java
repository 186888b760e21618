package org.truce.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A meeting or a step of the process: when it took place or was promised, what it is, who takes
 * part, the commitment it carries out if any, and how its status changed, each change with its
 * source. {@code who} holds party ids or plain names (a host, a mediator).
 */
public record Milestone(
        String id, LocalDate date, String what, List<String> who, String commitment, List<StatusChange> history) {

    public Milestone {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._:-]*")) {
            throw new IllegalArgumentException("milestone id must be letters, digits, '.', '_', ':' or '-', got "
                    + (id == null ? "nothing" : "'" + id + "'"));
        }
        if (date == null || what == null || what.isBlank()) {
            throw new IllegalArgumentException("milestone " + id + " needs a date and a description");
        }
        who = List.copyOf(who);
        history = List.copyOf(history);
        if (history.isEmpty()) {
            throw new IllegalArgumentException("milestone " + id + " has no status");
        }
        for (int i = 1; i < history.size(); i++) {
            if (!history.get(i).on().isAfter(history.get(i - 1).on())) {
                throw new IllegalArgumentException("milestone " + id + ": status changes must be in date order, "
                        + history.get(i).on() + " comes after " + history.get(i - 1).on());
            }
        }
    }

    public Optional<String> findCommitment() {
        return Optional.ofNullable(commitment);
    }

    /** The status in force on a day; empty before the first recorded one. */
    public Optional<StatusChange> statusOn(LocalDate day) {
        StatusChange found = null;
        for (StatusChange c : history) {
            if (!c.on().isAfter(day)) {
                found = c;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The latest recorded status. */
    public StatusChange current() {
        return history.get(history.size() - 1);
    }
}
