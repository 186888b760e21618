package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.format.record.BundleJson;
import org.truce.record.Checkpoint;
import org.truce.record.EntryJson;
import org.truce.record.MerkleLog;
import org.truce.record.RecordBundle;
import org.truce.record.SignedCheckpoint;
import org.truce.record.SigningKey;
import org.truce.record.VerifierKey;

/**
 * FEATURE UNDER TEST: a liaison officer's commands, in-process: {@code truce keygen}, then
 * {@code truce verify-bundle} on a bundle signed with that key, untouched and tampered with.
 */
class VerifyBundleCommandTest {

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = TruceCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    record Result(int exit, String out, String err) {
    }

    /** Keys from keygen, five entries, checkpoints at 3 and 5; returns the key folder. */
    private static Path keysAndBundle(Path dir, int bundleCheckpoints) throws Exception {
        Path keys = dir.resolve("keys");
        Result keygen = run("keygen", "--out", keys.toString(), "--name", "monitor.example/truce");
        assertThat(keygen.exit()).as(keygen.err()).isZero();
        VerifierKey vkey = VerifierKey.parse(Files.readString(keys.resolve("record-verifier.vkey")));
        SigningKey key = SigningKey.fromPem(Files.readString(keys.resolve("record-signing.key.pem")), vkey);

        MerkleLog log = MerkleLog.inMemory();
        List<String> entries = new ArrayList<>();
        List<SignedCheckpoint> checkpoints = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String entry = EntryJson.canonical(Map.of("kind", "report", "report_id", "UKR" + i, "fatalities", i));
            entries.add(entry);
            log.appendEntry(entry.getBytes(StandardCharsets.UTF_8));
            if (i == 2 || i == 4) {
                checkpoints.add(key.sign(Checkpoint.of("monitor.example/truce", log.head(),
                        Instant.parse("2025-03-25T00:00:00Z").plusSeconds(i))));
            }
        }
        Files.writeString(dir.resolve("latest.checkpoint"), checkpoints.get(1).text());
        RecordBundle bundle = RecordBundle.export(log, i -> entries.get((int) i), checkpoints.subList(0, bundleCheckpoints),
                0, key.verifierKey());
        Files.writeString(dir.resolve("record.bundle.json"), BundleJson.write(bundle));
        return keys;
    }

    @Test
    void anUntouchedBundleChecksWithTheKeyFromKeygen(@TempDir Path dir) throws Exception {
        Path keys = keysAndBundle(dir, 2);
        Path saved = dir.resolve("kept.checkpoint");

        Result r = run("verify-bundle", dir.resolve("record.bundle.json").toString(),
                "--key", keys.resolve("record-verifier.vkey").toString(), "--save-checkpoint", saved.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("checkpoints: 2, latest: size 5", "entries: 5", "OK: every checkpoint, proof and entry checks");
        assertThat(Files.readString(saved)).isEqualTo(Files.readString(dir.resolve("latest.checkpoint")));
        assertThat(Files.readString(keys.resolve("record-verifier.pub.pem"))).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void oneChangedByteInAnEntryFailsAndIsNamed(@TempDir Path dir) throws Exception {
        Path keys = keysAndBundle(dir, 2);
        Path file = dir.resolve("record.bundle.json");
        String text = Files.readString(file);
        Files.writeString(file, text.replace("UKR3", "UKR8"));

        Result r = run("verify-bundle", file.toString(), "--key", keys.resolve("record-verifier.vkey").toString());

        assertThat(r.exit()).isEqualTo(VerifyBundleCommand.EXIT_NOT_VERIFIED);
        assertThat(r.out()).contains("FAILED: 1 problem", "entry 3: does not match its inclusion proof against checkpoint 1 (size 5)");
    }

    @Test
    void aTruncatedLogIsCaughtByTheCheckpointTheOfficerKept(@TempDir Path dir) throws Exception {
        Path keys = keysAndBundle(dir, 1);

        Result r = run("verify-bundle", dir.resolve("record.bundle.json").toString(),
                "--key", keys.resolve("record-verifier.vkey").toString(),
                "--checkpoint", dir.resolve("latest.checkpoint").toString());

        assertThat(r.exit()).isEqualTo(VerifyBundleCommand.EXIT_NOT_VERIFIED);
        assertThat(r.out()).contains("your checkpoint (size 5): larger than the bundle's latest checkpoint (size 3)");
    }

    @Test
    void withoutAKeyTheBundlesOwnKeyIsUsedAndSaidSo(@TempDir Path dir) throws Exception {
        keysAndBundle(dir, 2);
        Result r = run("verify-bundle", dir.resolve("record.bundle.json").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("(from the bundle itself: compare it with the key the monitor published");

        Path stranger = dir.resolve("stranger");
        run("keygen", "--out", stranger.toString(), "--name", "monitor.example/truce");
        Result wrongKey = run("verify-bundle", dir.resolve("record.bundle.json").toString(),
                "--key", stranger.resolve("record-verifier.vkey").toString());
        assertThat(wrongKey.exit()).isEqualTo(VerifyBundleCommand.EXIT_NOT_VERIFIED);
        assertThat(wrongKey.out()).contains("key: the bundle names key", "checkpoint 0 (size 3): no signature by");
    }

    @Test
    void anUnreadableBundleIsAnInputErrorWithItsPlace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"format\": \"truce-record-bundle/1\",\n \"verifier_key\": 7}");

        Result r = run("verify-bundle", file.toString());

        assertThat(r.exit()).isEqualTo(TruceCli.EXIT_INPUT);
        assertThat(r.err()).contains("broken.json").contains("missing member");
    }

    @Test
    void keygenNeverReplacesAKey(@TempDir Path dir) {
        assertThat(run("keygen", "--out", dir.toString()).exit()).isZero();
        Result again = run("keygen", "--out", dir.toString());
        assertThat(again.exit()).isEqualTo(TruceCli.EXIT_INPUT);
        assertThat(again.err()).contains("already exists; keygen never replaces a key");
        assertThat(run("keygen", "--out", dir.resolve("x").toString(), "--name", "has space").err()).contains("--name:");
    }
}
