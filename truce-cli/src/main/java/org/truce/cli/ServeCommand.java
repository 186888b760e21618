package org.truce.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.truce.format.agreement.AgreementFormatException;
import org.truce.server.ServerConfig;
import org.truce.server.TruceServer;
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
                    + " reports posted to the API are assessed at once against the agreement."
        })
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only).")
    String host = ServerConfig.DEFAULT_HOST;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder of the embedded database (default ${DEFAULT-VALUE}).")
    Path dataDir = Path.of("truce-data");

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Use this database instead (e.g. jdbc:postgresql://host/truce); the password is read"
                    + " from the TRUCE_DB_PASSWORD environment variable.")
    String jdbcUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user for --jdbc-url.")
    String dbUser = "";

    @Option(names = "--in", paramLabel = "DIR",
            description = "A folder holding agreement.json, facilities.csv or facilities.geojson, and zones as"
                    + " other *.geojson files (as for assess).")
    Path inDir;

    @Option(names = "--agreement", paramLabel = "FILE", description = "Agreement JSON file.")
    Path agreementFile;

    @Option(names = "--facilities", paramLabel = "FILE", description = "Protected objects (CSV or GeoJSON). Repeatable.")
    List<Path> facilityFiles = List.of();

    @Option(names = "--zones", paramLabel = "FILE", description = "Zones (GeoJSON). Repeatable.")
    List<Path> zoneFiles = List.of();

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
        int bound = server.start(config.port());
        var out = spec.commandLine().getOut();
        out.println("truce: serving " + server.apiUrl() + " (port " + bound + "), dashboard at "
                + server.apiUrl().substring(0, server.apiUrl().length() - TruceServer.API.length()) + "/; stop with Ctrl-C");
        out.flush();
        return server;
    }

    private ServerConfig config() throws IOException {
        if (inDir != null) {
            Inputs.Folder folder = Inputs.Folder.of(inDir);
            agreementFile = agreementFile != null ? agreementFile : folder.agreement();
            facilityFiles = !facilityFiles.isEmpty() ? facilityFiles : folder.facilities();
            zoneFiles = !zoneFiles.isEmpty() ? zoneFiles : folder.zones();
        }
        if (agreementFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --agreement FILE, or --in DIR holding agreement.json");
        }
        Inputs.requireReadable(agreementFile, "--agreement");
        facilityFiles.forEach(f -> Inputs.requireReadable(f, "--facilities"));
        zoneFiles.forEach(f -> Inputs.requireReadable(f, "--zones"));
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535, got " + port);
        }
        ServerConfig config = ServerConfig.defaults().withHost(host).withPort(port)
                .withAgreement(agreementFile).withFacilities(facilityFiles).withZones(zoneFiles);
        if (jdbcUrl != null) {
            String password = System.getenv().getOrDefault("TRUCE_DB_PASSWORD", "");
            return config.withJdbc(jdbcUrl, dbUser, password);
        }
        return config.withDataDirectory(dataDir);
    }
}
