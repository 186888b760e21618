package org.truce.store.record;

/** One thing {@link RecordAudit} found wrong: where (an entry, a row, a checkpoint) and what. */
public record RecordProblem(String where, String what) {

    @Override
    public String toString() {
        return where + ": " + what;
    }
}
