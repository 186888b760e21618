package org.truce.agreement;

/**
 * Where a commitment, a position or a party's stance comes from: a statement (an id from the
 * agreement's list of statements) and, when known, the 1-based number of the sentence it rests on.
 * {@code note} says in the monitor's own words what the sentence establishes.
 */
public record SourceRef(String statement, Integer sentence, String note) {

    public SourceRef {
        Require.id(statement, "source statement");
        if (sentence != null && sentence < 1) {
            throw new IllegalArgumentException("source sentence numbers start at 1, got " + sentence);
        }
        note = note == null ? "" : note;
    }
}
