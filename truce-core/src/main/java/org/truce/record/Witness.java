package org.truce.record;

import java.util.Optional;

/**
 * What a guarantor checks before countersigning a checkpoint of the log: that the log's key signed
 * it, and that it extends the last checkpoint the guarantor countersigned (a consistency proof
 * between the two), so the log cannot show one history to the guarantor and another to a party
 * without one of the two checkpoints being provably wrong. The guarantor keeps the last checkpoint
 * it countersigned; that memory is what makes its signature worth more than the log's alone.
 */
public final class Witness {

    private Witness() {
    }

    /**
     * @param logKey the log's verifier key, known to the guarantor beforehand
     * @param lastCosigned the checkpoint this guarantor countersigned last, empty the first time
     * @param next the checkpoint offered for countersigning
     * @param proof a consistency proof from {@code lastCosigned}'s size to {@code next}'s; unused
     *     the first time
     */
    public static ProofCheck check(VerifierKey logKey, Optional<Checkpoint> lastCosigned, SignedCheckpoint next,
            Optional<ConsistencyProof> proof) {
        if (!next.checkpoint().origin().equals(logKey.name())) {
            return ProofCheck.failed("the checkpoint is of the log '" + next.checkpoint().origin()
                    + "', not of '" + logKey.name() + "'");
        }
        ProofCheck signed = next.verify(logKey);
        if (!signed.verified()) {
            return signed;
        }
        if (lastCosigned.isEmpty()) {
            return ProofCheck.ok();
        }
        Checkpoint last = lastCosigned.get();
        Checkpoint now = next.checkpoint();
        if (!last.origin().equals(now.origin())) {
            return ProofCheck.failed("the last checkpoint countersigned is of the log '" + last.origin()
                    + "', this one of '" + now.origin() + "'");
        }
        if (now.size() < last.size()) {
            return ProofCheck.failed("the log shrank: size " + now.size() + " after " + last.size()
                    + " was countersigned");
        }
        if (now.time().isBefore(last.time())) {
            return ProofCheck.failed("the checkpoint's time " + now.time() + " is before the last countersigned ("
                    + last.time() + ")");
        }
        if (now.size() == last.size()) {
            return now.root().equals(last.root()) ? ProofCheck.ok()
                    : ProofCheck.failed("two checkpoints of size " + now.size() + " with different roots: the log forked");
        }
        if (proof.isEmpty()) {
            return ProofCheck.failed("no consistency proof from size " + last.size() + " to " + now.size());
        }
        if (proof.get().verify(last.treeHead(), now.treeHead()) instanceof ProofCheck.Failed f) {
            return ProofCheck.failed("the checkpoint does not extend the last one countersigned (size " + last.size()
                    + "): " + f.reason());
        }
        return ProofCheck.ok();
    }
}
