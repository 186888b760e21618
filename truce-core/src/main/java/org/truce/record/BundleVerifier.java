package org.truce.record;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a {@link RecordBundle} offline and names every failure, not only the first: each
 * checkpoint's signature by the trusted key, sizes and times that never go backwards, consistency
 * between neighbouring checkpoints, every entry present, in order and included in the latest
 * checkpoint, and, when the reader holds an earlier checkpoint of their own, that the bundle
 * extends it.
 */
public final class BundleVerifier {

    private final VerifierKey trusted;

    /** {@code trusted} is the key the reader obtained themselves; the bundle's own key proves nothing alone. */
    public BundleVerifier(VerifierKey trusted) {
        this.trusted = trusted;
    }

    public List<BundleFailure> verify(RecordBundle bundle) {
        return verify(bundle, Optional.empty());
    }

    /** As {@link #verify(RecordBundle)}, and checks that the bundle extends {@code held}, a checkpoint the reader kept. */
    public List<BundleFailure> verify(RecordBundle bundle, Optional<SignedCheckpoint> held) {
        List<BundleFailure> failures = new ArrayList<>();
        if (!bundle.key().equals(trusted)) {
            failures.add(new BundleFailure("key", "the bundle names key " + bundle.key().vkey()
                    + ", not the trusted key " + trusted.vkey()));
        }
        checkCheckpoints(bundle, failures);
        checkEntries(bundle, failures);
        held.ifPresent(h -> checkHeld(bundle, h, failures));
        return failures;
    }

    private void checkCheckpoints(RecordBundle bundle, List<BundleFailure> failures) {
        List<SignedCheckpoint> checkpoints = bundle.checkpoints();
        String origin = checkpoints.get(0).checkpoint().origin();
        for (int k = 0; k < checkpoints.size(); k++) {
            Checkpoint c = checkpoints.get(k).checkpoint();
            String where = checkpointName(k, c);
            if (checkpoints.get(k).verify(trusted) instanceof ProofCheck.Failed f) {
                failures.add(new BundleFailure(where, f.reason()));
            }
            if (!c.origin().equals(origin)) {
                failures.add(new BundleFailure(where, "origin '" + c.origin() + "' differs from checkpoint 0's '" + origin + "'"));
            }
            if (k == 0) {
                continue;
            }
            Checkpoint previous = checkpoints.get(k - 1).checkpoint();
            if (c.size() < previous.size()) {
                failures.add(new BundleFailure(where, "smaller than checkpoint " + (k - 1) + " (size " + previous.size()
                        + "): the log shrank"));
                continue;
            }
            if (c.time().isBefore(previous.time())) {
                failures.add(new BundleFailure(where, "dated " + c.time() + ", before checkpoint " + (k - 1) + " ("
                        + previous.time() + ")"));
            }
            Optional<ConsistencyProof> proof = bundle.consistency().stream()
                    .filter(p -> p.oldSize() == previous.size() && p.newSize() == c.size()).findFirst();
            if (proof.isEmpty()) {
                failures.add(new BundleFailure(where, "no consistency proof from checkpoint " + (k - 1) + " (size "
                        + previous.size() + ")"));
            } else if (proof.get().verify(previous.treeHead(), c.treeHead()) instanceof ProofCheck.Failed f) {
                failures.add(new BundleFailure(where, "not consistent with checkpoint " + (k - 1) + " (size "
                        + previous.size() + "): " + f.reason()));
            }
        }
    }

    private void checkEntries(RecordBundle bundle, List<BundleFailure> failures) {
        int latestIndex = bundle.checkpoints().size() - 1;
        Checkpoint latest = bundle.latest().checkpoint();
        String against = checkpointName(latestIndex, latest);
        Set<Long> seen = new HashSet<>();
        long highest = -1;
        for (BundleEntry e : bundle.entries()) {
            String where = "entry " + e.index();
            if (!seen.add(e.index())) {
                failures.add(new BundleFailure(where, "appears twice"));
                continue;
            }
            if (e.index() < highest) {
                failures.add(new BundleFailure(where, "listed after entry " + highest + ": entries must be in log order"));
            }
            highest = Math.max(highest, e.index());
            if (e.index() < bundle.firstIndex() || e.index() >= latest.size()) {
                failures.add(new BundleFailure(where, "outside the bundle's range " + bundle.firstIndex() + ".."
                        + (latest.size() - 1)));
                continue;
            }
            InclusionProof proof = e.inclusion();
            if (proof.leafIndex() != e.index()) {
                failures.add(new BundleFailure(where, "its inclusion proof is for entry " + proof.leafIndex()));
            } else if (proof.verify(e.leafHash(), latest.treeHead()) instanceof ProofCheck.Failed f) {
                failures.add(new BundleFailure(where, "does not match its inclusion proof against " + against + ": "
                        + f.reason()));
            }
        }
        // Walk the gaps between the indices present, never the whole range: a hostile checkpoint may claim 2^62 entries.
        long next = bundle.firstIndex();
        for (long index : new TreeSet<>(seen).tailSet(bundle.firstIndex())) {
            if (index >= latest.size()) {
                break;
            }
            if (index > next) {
                failures.add(missing(next, index - 1));
            }
            next = index + 1;
        }
        if (next < latest.size()) {
            failures.add(missing(next, latest.size() - 1));
        }
    }

    private void checkHeld(RecordBundle bundle, SignedCheckpoint held, List<BundleFailure> failures) {
        Checkpoint h = held.checkpoint();
        String where = "your checkpoint (size " + h.size() + ")";
        if (held.verify(trusted) instanceof ProofCheck.Failed f) {
            failures.add(new BundleFailure(where, f.reason()));
            return;
        }
        Checkpoint latest = bundle.latest().checkpoint();
        if (h.size() > latest.size()) {
            failures.add(new BundleFailure(where, "larger than the bundle's latest checkpoint (size " + latest.size()
                    + "): the log was truncated, or the bundle is not the whole story"));
            return;
        }
        boolean matched = false;
        for (SignedCheckpoint c : bundle.checkpoints()) {
            if (c.checkpoint().size() == h.size()) {
                matched |= c.checkpoint().root().equals(h.root());
                if (!c.checkpoint().root().equals(h.root())) {
                    failures.add(new BundleFailure(where, "the bundle has a checkpoint of the same size with another root: "
                            + "the log was rewritten"));
                    return;
                }
            }
        }
        if (!matched) {
            failures.add(new BundleFailure(where, "not among the bundle's checkpoints, so the bundle cannot show that it"
                    + " extends it; export the bundle --since this checkpoint"));
        }
    }

    private static BundleFailure missing(long from, long to) {
        return from == to ? new BundleFailure("entry " + from, "missing")
                : new BundleFailure("entries " + from + ".." + to, "missing");
    }

    private static String checkpointName(int k, Checkpoint c) {
        return "checkpoint " + k + " (size " + c.size() + ")";
    }
}
