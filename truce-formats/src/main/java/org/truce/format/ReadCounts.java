package org.truce.format;

/**
 * How many data records a reader saw (header and blank lines excluded) and what became of them.
 * {@code read == accepted + rejected} always holds.
 */
public record ReadCounts(long read, long accepted, long rejected) {

    public ReadCounts {
        if (read < 0 || accepted < 0 || rejected < 0 || read != accepted + rejected) {
            throw new IllegalArgumentException(
                    "inconsistent counts: read " + read + ", accepted " + accepted + ", rejected " + rejected);
        }
    }
}
