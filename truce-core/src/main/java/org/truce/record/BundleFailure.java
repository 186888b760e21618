package org.truce.record;

/** One thing in a bundle that does not check: where (an entry, a checkpoint, the key) and what. */
public record BundleFailure(String where, String what) {

    @Override
    public String toString() {
        return where + ": " + what;
    }
}
