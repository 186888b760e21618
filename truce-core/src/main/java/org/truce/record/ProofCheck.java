package org.truce.record;

/** The outcome of checking a proof or a signature: verified, or failed with the reason. */
public sealed interface ProofCheck {

    boolean verified();

    static ProofCheck ok() {
        return Verified.INSTANCE;
    }

    static ProofCheck failed(String reason) {
        return new Failed(reason);
    }

    /** Everything matched. */
    record Verified() implements ProofCheck {
        static final Verified INSTANCE = new Verified();

        @Override
        public boolean verified() {
            return true;
        }
    }

    /** Something did not match; the reason says what, in words a reader of the report can act on. */
    record Failed(String reason) implements ProofCheck {
        public Failed {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a failed check needs a reason");
            }
        }

        @Override
        public boolean verified() {
            return false;
        }
    }
}
