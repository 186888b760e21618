package org.truce.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.truce.access.Role;
import org.truce.access.RoleKind;
import org.truce.format.agreement.AgreementFormatException;
import org.truce.record.SigningKey;
import org.truce.server.AccessSettings;
import org.truce.server.ServerConfig;
import org.truce.server.TruceServer;
import org.truce.store.Database;
import org.truce.store.access.PasswordHash;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code truce serve}: the monitoring service's JSON API, on an embedded database by default. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run the monitoring service: the JSON API under /api/v1 (described at /api/v1/openapi.json).",
            "Data is kept in an H2 database under --data (created on first start) or in PostgreSQL (--jdbc-url);"
                    + " reports posted to the API are assessed at once against the agreement.",
            "exchanges.json and timeline.json beside the agreement file are served at /api/v1/exchanges and"
                    + " /api/v1/timeline; a broken one stops the start with its errors."
        })
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only).")
    String host = ServerConfig.DEFAULT_HOST;

    @CommandLine.Mixin
    DatabaseOptions database = new DatabaseOptions();

    @CommandLine.Mixin
    ReferenceOptions reference = new ReferenceOptions();

    @CommandLine.Mixin
    RecordKeyOptions recordKey = new RecordKeyOptions();

    @CommandLine.Mixin
    MapOptions map = new MapOptions();

    @Option(names = "--admin-password-file", paramLabel = "FILE",
            description = "Create the account 'admin' (or give it a new password) from the first line of FILE"
                    + " before serving; at least " + PasswordHash.MIN_LENGTH + " characters.")
    Path adminPasswordFile;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS",
            description = "IP address of a reverse proxy in front of Truce (repeatable): on its requests the client's"
                    + " address is read from X-Forwarded-For, for the sign-in limit and the access log.")
    List<String> trustedProxies = new ArrayList<>();

    @Option(names = "--secure-cookies",
            description = "Mark the dashboard's session cookie Secure: set it when users reach the server over"
                    + " HTTPS (behind a TLS proxy), see docs/security.md.")
    boolean secureCookies;

    private AccessSettings access() {
        try {
            return AccessSettings.defaults().withSecureCookies(secureCookies).withTrustedProxies(Set.copyOf(trustedProxies));
        } catch (IllegalArgumentException e) {
            throw new UserError("--trusted-proxy: " + e.getMessage());
        }
    }

    /** The account --admin-password-file creates. */
    static final String ADMIN_ACCOUNT = "admin";

    @Override
    public Integer call() throws IOException, InterruptedException {
        TruceServer server = start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "truce-stop"));
        stopped.await();
        return 0;
    }

    /** Opens the database, loads the files and starts listening; the caller stops the server. */
    TruceServer start() throws IOException {
        ServerConfig config = config();
        Optional<SigningKey> key = recordKey.load();
        if (adminPasswordFile != null) {
            ensureAdmin(config, adminPasswordFile);
        }
        TruceServer server = open(config);
        var out = spec.commandLine().getOut();
        signCheckpoints(server, key, recordKey.every, out);
        int bound = server.start(config.port());
        out.println("truce: serving " + server.apiUrl() + " (port " + bound + "), dashboard at "
                + server.apiUrl().substring(0, server.apiUrl().length() - TruceServer.API.length()) + "/; stop with Ctrl-C");
        out.flush();
        return server;
    }

    /** The first line of the file is the password; a bad file or password stops the start. */
    private void ensureAdmin(ServerConfig config, Path file) {
        String password;
        try {
            password = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            PasswordHash.checkAcceptable(password);
        } catch (IOException e) {
            throw new UserError("cannot read --admin-password-file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ", line 1: " + e.getMessage(), e);
        }
        try (Database db = Database.open(config.database())) {
            boolean existed = db.accounts().setPassword(ADMIN_ACCOUNT, password);
            if (!existed) {
                db.accounts().create(ADMIN_ACCOUNT, Role.of(RoleKind.ADMIN), password, false);
            }
            spec.commandLine().getOut().println("truce: account '" + ADMIN_ACCOUNT + "' " + (existed
                    ? "has the password of " : "created with the password of ") + file);
        }
    }

    /** Starts signing checkpoints with {@code key}, or says that none will be signed. */
    static void signCheckpoints(TruceServer server, Optional<SigningKey> key, long every, java.io.PrintWriter out) {
        if (key.isEmpty()) {
            System.err.println("truce: warning: no --record-key: the record is kept, but no checkpoint is signed,"
                    + " so nobody outside can check it (see docs/integrity.md)");
            return;
        }
        server.signCheckpoints(key.get(), every);
        out.println("truce: signing checkpoints of the record every " + every + " entries and each UTC day with "
                + key.get().verifierKey().vkey());
    }

    /** Opens the server's database and files, saying what it had to skip or recompute. */
    static TruceServer open(ServerConfig config) throws IOException {
        TruceServer server;
        try {
            server = TruceServer.open(config);
        } catch (AgreementFormatException e) {
            throw new UserError(e.getMessage(), e);
        }
        server.warnings().forEach(w -> System.err.println("truce: warning: " + w));
        int recomputed = server.refreshStaleFindings();
        if (recomputed > 0) {
            System.err.println("truce: findings recomputed for " + recomputed + " reports after a change of files");
        }
        return server;
    }

    private ServerConfig config() throws IOException {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535, got " + port);
        }
        Inputs.Folder files = reference.resolve(spec.commandLine());
        return ServerConfig.defaults().withHost(host).withPort(port).withDatabase(database.config())
                .withAgreement(files.agreement()).withFacilities(files.facilities()).withZones(files.zones())
                .withCompanionFiles()
                .withAccess(access())
                .withMap(map.settings());
    }
}
