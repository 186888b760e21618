package org.truce.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.truce.format.record.BundleJson;
import org.truce.record.BundleFailure;
import org.truce.record.BundleVerifier;
import org.truce.record.Checkpoint;
import org.truce.record.RecordBundle;
import org.truce.record.RecordFormatException;
import org.truce.record.SignedCheckpoint;
import org.truce.record.VerifierKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code truce verify-bundle PATH}: checks an exported record bundle offline, with no database,
 * and names every entry, proof or checkpoint that does not check.
 */
@Command(name = "verify-bundle", mixinStandardHelpOptions = true,
        description = "Check a record bundle offline: checkpoint signatures, consistency between checkpoints, and every"
                + " entry's inclusion. Exit 0 when everything checks, 3 when something does not (each failure is"
                + " named), 2 when a file cannot be read.")
final class VerifyBundleCommand implements Callable<Integer> {

    /** Something in the bundle does not check: distinct from 2, a file that cannot be read at all. */
    static final int EXIT_NOT_VERIFIED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "The bundle file (JSON).")
    Path bundleFile;

    @Option(names = "--key", paramLabel = "FILE",
            description = "The log's verifier key (a .vkey file) as you obtained it from the monitor yourself."
                    + " Without it the bundle's own key is used, which shows only that the bundle is coherent.")
    Path keyFile;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "A checkpoint you kept from an earlier check: the bundle must extend it (catches a truncated"
                    + " or rewritten log).")
    Path heldFile;

    @Option(names = "--witness-key", paramLabel = "FILE",
            description = "A guarantor's verifier key (.vkey); repeatable. Each must have countersigned at least one"
                    + " checkpoint of the bundle; the newest it countersigned is named. Since the bundle proves every"
                    + " checkpoint extends the one before, a countersigned checkpoint vouches for all entries it covers.")
    List<Path> witnessKeyFiles = new ArrayList<>();

    @Option(names = "--save-checkpoint", paramLabel = "FILE",
            description = "When everything checks, write the bundle's latest checkpoint here, for the next --checkpoint.")
    Path saveFile;

    @Override
    public Integer call() {
        RecordBundle bundle;
        try {
            bundle = BundleJson.read(bundleFile);
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
        Optional<VerifierKey> given = keyFile == null ? Optional.empty() : Optional.of(readKey(keyFile));
        VerifierKey trusted = given.orElse(bundle.key());
        Optional<SignedCheckpoint> held = heldFile == null ? Optional.empty() : Optional.of(readCheckpoint(heldFile));

        List<BundleFailure> failures = new ArrayList<>(new BundleVerifier(trusted).verify(bundle, held));
        failures.addAll(BundleJson.nonCanonicalEntries(bundle));
        List<String> witnessed = new ArrayList<>();
        for (Path file : witnessKeyFiles) {
            VerifierKey witness = readKey(file);
            Optional<SignedCheckpoint> newest = bundle.checkpoints().stream()
                    .filter(c -> c.verify(witness).verified())
                    .reduce((a, b) -> b);
            if (newest.isPresent()) {
                witnessed.add(witness.name() + " countersigned up to size " + newest.get().checkpoint().size()
                        + " (" + newest.get().checkpoint().time() + ")");
            } else {
                failures.add(new BundleFailure("witness " + witness.name(), "no checkpoint of the bundle is"
                        + " countersigned by " + witness.name() + "+" + witness.keyHashHex() + " (from " + file + ")"));
            }
        }

        PrintWriter out = spec.commandLine().getOut();
        Checkpoint latest = bundle.latest().checkpoint();
        out.println("bundle: " + bundleFile);
        out.println("key: " + trusted.vkey() + (given.isPresent() ? " (from " + keyFile + ")"
                : " (from the bundle itself: compare it with the key the monitor published, or pass --key)"));
        out.println("checkpoints: " + bundle.checkpoints().size() + ", latest: size " + latest.size() + " at " + latest.time()
                + ", origin " + latest.origin());
        out.println("entries: " + bundle.entries().size() + (bundle.entries().isEmpty() ? ""
                : " (" + bundle.firstIndex() + ".." + (latest.size() - 1) + " expected)"));
        if (!failures.isEmpty()) {
            out.println("FAILED: " + failures.size() + (failures.size() == 1 ? " problem" : " problems"));
            failures.forEach(f -> out.println("  " + f));
            out.flush();
            return EXIT_NOT_VERIFIED;
        }
        witnessed.forEach(w -> out.println("witness: " + w));
        out.println("OK: every checkpoint, proof and entry checks" + (held.isPresent()
                ? "; the bundle extends your checkpoint of size " + held.get().checkpoint().size() : ""));
        if (saveFile != null) {
            save(bundle.latest());
            out.println("latest checkpoint saved to " + saveFile);
        }
        out.flush();
        return 0;
    }

    private static VerifierKey readKey(Path file) {
        try {
            return VerifierKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError("cannot read the key file " + file + ": " + e.getMessage(), e);
        } catch (RecordFormatException e) {
            throw new UserError(file + ": " + e.getMessage(), e);
        }
    }

    private static SignedCheckpoint readCheckpoint(Path file) {
        try {
            return SignedCheckpoint.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError("cannot read the checkpoint file " + file + ": " + e.getMessage(), e);
        } catch (RecordFormatException e) {
            throw new UserError(file + ": " + e.getMessage(), e);
        }
    }

    /** Written beside the target, then moved: a failed write leaves the old file as it was. */
    private void save(SignedCheckpoint checkpoint) {
        Path target = saveFile.toAbsolutePath();
        try {
            Path temp = Files.createTempFile(target.getParent(), ".checkpoint", ".tmp");
            try {
                Files.writeString(temp, checkpoint.text(), StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UserError("cannot write " + saveFile + ": " + e.getMessage(), e);
        }
    }
}
