package org.truce.format;

/**
 * Receives the records a reader did not accept. Readers never stop on a bad record; they report
 * it here and go on. {@link RejectsCsvWriter} is the standard implementation; tests usually pass
 * {@code list::add}.
 */
@FunctionalInterface
public interface RejectSink {

    void reject(Rejection rejection);

    /** A sink that drops everything, for callers that only want the counts. */
    static RejectSink ignoring() {
        return rejection -> { };
    }
}
