package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.access.Role;
import org.truce.access.RoleKind;
import org.truce.record.Checkpoint;
import org.truce.record.MerkleLog;
import org.truce.record.SignedCheckpoint;
import org.truce.record.SigningKey;
import org.truce.server.ServerConfig;
import org.truce.server.TruceServer;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;

/**
 * FEATURE UNDER TEST (issue 8, "guarantor ... signs checkpoints"): {@code truce cosign} against a
 * running service: the first checkpoint is countersigned, a later one only when the service proves
 * it extends the last one countersigned, a fork is refused with nothing sent, and
 * {@code truce verify-bundle --witness-key} finds the countersignature in an exported bundle.
 */
class CosignCommandTest {

    private static final Path EXAMPLE = SharedFolder.repoRoot().resolve("examples/2025-03-18-call");

    @TempDir
    Path tmp;

    private Path data;
    private SigningKey logKey;
    private TruceServer server;

    private static ReportCommandTest.Result run(String... args) {
        return ReportCommandTest.run(args);
    }

    private void importExample(Path events) {
        ReportCommandTest.Result imported = run("import", "--source", "acled", "--in", EXAMPLE.toString(), "--data",
                data.toString(), "--rejects", tmp.resolve("rejects.csv").toString(), events.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
    }

    private void checkpointNow() {
        try (Database db = Database.open(DataSourceConfig.embedded(data))) {
            db.record().checkpointNow(logKey);
        }
    }

    @BeforeEach
    void start() throws Exception {
        data = tmp.resolve("data");
        importExample(EXAMPLE.resolve("events.csv"));
        assertThat(run("keygen", "--out", tmp.resolve("log-keys").toString(), "--name", "monitor.example/truce").exit())
                .isZero();
        assertThat(run("keygen", "--out", tmp.resolve("guarantor-keys").toString(), "--name",
                "guarantor.example/witness").exit()).isZero();
        logKey = RecordKeyOptions.load(tmp.resolve("log-keys/record-signing.key.pem"));
        try (Database db = Database.open(DataSourceConfig.embedded(data))) {
            db.accounts().create("guarantor-1", Role.of(RoleKind.GUARANTOR), "a test password, not secret", false);
            Files.writeString(tmp.resolve("guarantor.token"),
                    db.apiTokens().issue("guarantor-1", "cosign", Set.of()).secret() + "\n");
            db.accounts().create("analyst-1", Role.of(RoleKind.ANALYST), "a test password, not secret", false);
            Files.writeString(tmp.resolve("analyst.token"),
                    db.apiTokens().issue("analyst-1", "cosign", Set.of()).secret() + "\n");
        }
        checkpointNow();
        ServerConfig config = ServerConfig.defaults().withPort(0).withDataDirectory(data)
                .withAgreement(EXAMPLE.resolve("agreement.json"))
                .withFacilities(List.of(EXAMPLE.resolve("facilities.csv")));
        server = ServeCommand.open(config);
        server.start(0);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private ReportCommandTest.Result cosign(String token) {
        return run("cosign", "--server", "http://127.0.0.1:" + server.port(), "--token-file",
                tmp.resolve(token).toString(), "--key", tmp.resolve("guarantor-keys/record-signing.key.pem").toString(),
                "--log-key", tmp.resolve("log-keys/record-verifier.vkey").toString());
    }

    private Path state() {
        return tmp.resolve("guarantor-keys/cosigned-checkpoint.txt");
    }

    @Test
    void theGuarantorCountersignsTheFirstCheckpointThenOnlyOnesThatExtendIt() throws Exception {
        ReportCommandTest.Result first = cosign("guarantor.token");
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("countersigned checkpoint 0", "the first for this guarantor");
        long firstSize = SignedCheckpoint.parse(Files.readString(state())).checkpoint().size();

        // The record grows: the example's events again with one changed note, then a new checkpoint.
        Path changed = tmp.resolve("events-v2.csv");
        String csv = Files.readString(EXAMPLE.resolve("events.csv"), StandardCharsets.UTF_8);
        Files.writeString(changed, csv.replaceFirst("(?m)(\\n[^\\n]*?),\"", "$1,\"Updated. "), StandardCharsets.UTF_8);
        importExample(changed);
        checkpointNow();

        ReportCommandTest.Result second = cosign("guarantor.token");
        assertThat(second.exit()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("countersigned checkpoint 1", "(extends size " + firstSize + ")");
        assertThat(cosign("guarantor.token").out()).contains("countersigned by guarantor.example/witness already");

        Path bundle = tmp.resolve("record.bundle.json");
        String logVkey = tmp.resolve("log-keys/record-verifier.vkey").toString();
        server.stop();
        server = null;
        assertThat(run("export", "--since", "all", "--key", logVkey, "--data", data.toString(), "--out",
                bundle.toString()).exit()).isZero();
        ReportCommandTest.Result witnessed = run("verify-bundle", bundle.toString(), "--key", logVkey,
                "--witness-key", tmp.resolve("guarantor-keys/record-verifier.vkey").toString());
        assertThat(witnessed.exit()).as(witnessed.out() + witnessed.err()).isZero();
        assertThat(witnessed.out()).contains("witness: guarantor.example/witness countersigned up to size");
        assertThat(run("keygen", "--out", tmp.resolve("absent").toString(), "--name", "absent.example/w").exit()).isZero();
        ReportCommandTest.Result absent = run("verify-bundle", bundle.toString(), "--key", logVkey, "--witness-key",
                tmp.resolve("absent/record-verifier.vkey").toString());
        assertThat(absent.exit()).isEqualTo(VerifyBundleCommand.EXIT_NOT_VERIFIED);
        assertThat(absent.out()).contains("no checkpoint of the bundle is countersigned by absent.example/w");
    }

    @Test
    void aForkedLogIsRefusedAndNothingIsSent() throws Exception {
        assertThat(cosign("guarantor.token").exit()).isZero();
        SignedCheckpoint remembered = SignedCheckpoint.parse(Files.readString(state()));
        // The guarantor remembers a checkpoint of the same size and time that the log's key signed
        // over other entries: the service now shows a different history for that size.
        MerkleLog other = MerkleLog.inMemory();
        for (long i = 0; i < remembered.checkpoint().size(); i++) {
            other.appendEntry(("another history " + i).getBytes(StandardCharsets.UTF_8));
        }
        String forged = logKey.sign(Checkpoint.of(remembered.checkpoint().origin(), other.head(),
                remembered.checkpoint().time())).text();
        Files.writeString(state(), forged);

        ReportCommandTest.Result refused = cosign("guarantor.token");

        assertThat(refused.exit()).isEqualTo(VerifyBundleCommand.EXIT_NOT_VERIFIED);
        assertThat(refused.out()).contains("REFUSED", "the log forked", "nothing was signed or sent");
        assertThat(Files.readString(state())).isEqualTo(forged);
    }

    @Test
    void aRoleWithoutSignCheckpointGetsTheServicesRefusal() {
        ReportCommandTest.Result refused = cosign("analyst.token");

        assertThat(refused.exit()).isEqualTo(TruceCli.EXIT_INPUT);
        assertThat(refused.err()).contains("answered 403");
        assertThat(Files.exists(state())).isFalse();
    }
}
