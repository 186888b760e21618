package org.truce.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.truce.server.ReferenceData;
import org.truce.server.ServerConfig;
import org.truce.server.TruceServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code truce demo}: the service and its dashboard on the embedded database, with the 18 March
 * 2025 agreement, the example facilities and zones, and a synthetic event stream posted through
 * the API itself (so the demo exercises the same door as a monitor's client).
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Start the dashboard and API on the 18 March 2025 agreement with a synthetic event stream.",
            "Every synthetic report is marked: id SYN..., source '" + SyntheticStream.SOURCE_ID + "', notes starting "
                    + "with [SYNTHETIC]. Data is kept under --data."
        })
final class DemoCommand implements Callable<Integer> {

    static final String EXAMPLE = "examples/2025-03-18-call";
    static final int DEFAULT_INITIAL = 120;
    /** The seed article lives outside the repository, which must not carry its text. */
    static final String SEED_ARTICLE = "../shared/seed/2025-03-19-putin-trump-call.fr.txt";
    static final String SEED_SOURCE_ID = "seed-article";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port = ServerConfig.DEFAULT_PORT;

    @CommandLine.Mixin
    MapOptions map = new MapOptions();

    @Option(names = "--data", paramLabel = "DIR", description = "Folder of the embedded database (default ${DEFAULT-VALUE}).")
    Path dataDir = Path.of("truce-data");

    @Option(names = "--example", paramLabel = "DIR",
            description = "Folder with the agreement, facilities and zones (default: " + EXAMPLE + " of this installation).")
    Path exampleDir;

    @Option(names = "--initial", paramLabel = "N", description = "Synthetic reports posted at start (default ${DEFAULT-VALUE}).")
    int initial = DEFAULT_INITIAL;

    @Option(names = "--every", paramLabel = "SECONDS",
            description = "Post one more synthetic report every SECONDS (default ${DEFAULT-VALUE}; 0: none).")
    int everySeconds = 10;

    @Option(names = "--seed-article", paramLabel = "FILE",
            description = "The article the example rests on, added as a statement (default: " + SEED_ARTICLE
                    + " beside the repository; skipped with a note when absent).")
    Path seedArticle;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Sign a checkpoint of the record every N entries (default ${DEFAULT-VALUE}).")
    long checkpointEvery = 10;

    /** Where, under --data, the demo keeps its throwaway record key. */
    static final String RECORD_KEYS = "record-keys";

    @Override
    public Integer call() throws IOException, InterruptedException {
        Running running = start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.stop();
            stopped.countDown();
        }, "truce-stop"));
        stopped.await();
        return 0;
    }

    /** The server, its stream and the demo accounts, for the command and for tests. */
    record Running(TruceServer server, ScheduledExecutorService stream, DemoAccounts.Made accounts) {
        void stop() {
            stream.shutdownNow();
            server.stop();
        }
    }

    Running start() throws IOException, InterruptedException {
        Path example = exampleDir != null ? exampleDir : exampleFolder();
        Inputs.Folder files = Inputs.Folder.of(example);
        ServerConfig config = ServerConfig.defaults().withPort(port).withDataDirectory(dataDir)
                .withAgreement(files.agreement()).withFacilities(files.facilities()).withZones(files.zones())
                .withCompanionFiles().withMap(map.settings());
        DemoAccounts.Made accounts = DemoAccounts.ensure(config.database());
        String token = accounts.streamToken();
        TruceServer server = ServeCommand.open(config);
        // A throwaway key in the data folder, so the demo's record has checkpoints and proofs to show.
        Path demoKey = RecordKeyOptions.throwawayKey(dataDir.resolve(RECORD_KEYS));
        ServeCommand.signCheckpoints(server, Optional.of(RecordKeyOptions.load(demoKey)), checkpointEvery,
                spec.commandLine().getOut());
        spec.commandLine().getOut().println("truce demo: the record is signed with a throwaway key in "
                + demoKey.getParent() + " (not for real use)");
        int bound = server.start(port);
        String base = server.apiUrl();
        HttpClient http = HttpClient.newHttpClient();
        SyntheticStream synthetic = seed(server, http, initial, token);
        Path article = seedArticle != null ? seedArticle : example.toAbsolutePath().normalize().getParent()
                .getParent().resolve(SEED_ARTICLE).normalize();
        String articleNote = addSeedArticle(http, base, article, token);
        AtomicInteger next = new AtomicInteger(initial + 1);
        ScheduledExecutorService stream = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "truce-demo-stream");
            t.setDaemon(true);
            return t;
        });
        if (everySeconds > 0) {
            stream.scheduleAtFixedRate(() -> {
                int n = next.getAndIncrement();
                try {
                    post(http, base + "/reports", "demo-" + n, synthetic.reportJson(n), token);
                } catch (IOException e) {
                    System.err.println("truce: demo stream: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, everySeconds, everySeconds, TimeUnit.SECONDS);
        }
        var out = spec.commandLine().getOut();
        out.println("truce demo: dashboard at http://127.0.0.1:" + bound + "/  (API " + base + ")");
        out.println("truce demo: " + initial + " synthetic reports posted" + (everySeconds > 0
                ? ", one more every " + everySeconds + " s" : "") + "; all marked [SYNTHETIC]. Stop with Ctrl-C.");
        out.println("truce demo: " + articleNote);
        accounts.print(out);
        out.flush();
        return new Running(server, stream, accounts);
    }

    /**
     * Registers the synthetic source on a started server and posts its first {@code count} reports
     * through the API with {@code token} (a monitor's); the stream is returned to go on from report
     * {@code count + 1}.
     */
    static SyntheticStream seed(TruceServer server, HttpClient http, int count, String token)
            throws IOException, InterruptedException {
        String base = server.apiUrl();
        post(http, base + "/sources", null, "{\"id\":\"" + SyntheticStream.SOURCE_ID + "\",\"name\":\""
                + SyntheticStream.SOURCE_NAME + "\",\"kind\":\"other\"}", token);
        ReferenceData reference = server.reference(); // already loaded: the stream uses the same files
        SyntheticStream synthetic = new SyntheticStream(18_03_2025L, reference.objects(), reference.zones());
        for (int n = 1; n <= count; n++) {
            // The same key each start: a restarted demo replays instead of duplicating.
            post(http, base + "/reports", "demo-" + n, synthetic.reportJson(n), token);
        }
        return synthetic;
    }

    /**
     * Adds the article of 19 March 2025 as a statement through the API (so the dashboard can show
     * its extraction), and says what it did. The API keeps one copy per text, so a restart adds nothing.
     */
    static String addSeedArticle(HttpClient http, String base, Path article, String token)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(article)) {
            return "no seed article at " + article + ", so no statement was added";
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode source = json.createObjectNode().put("id", SEED_SOURCE_ID)
                .put("name", "French news article on the 18 March 2025 call").put("kind", "outlet");
        post(http, base + "/sources", null, source.toString(), token);
        ObjectNode statement = json.createObjectNode().put("source_id", SEED_SOURCE_ID).put("language", "fr")
                .put("published", "2025-03-19").put("title", "Putin-Trump call of 18 March 2025 (seed article)")
                .put("text", Files.readString(article, StandardCharsets.UTF_8));
        post(http, base + "/statements", null, statement.toString(), token);
        return "seed article added as a statement (" + article.getFileName() + ")";
    }

    private static void post(HttpClient http, String url, String idempotencyKey, String json, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The example folder: beside the launcher (TRUCE_HOME, set by ./truce), else below the working folder. */
    static Path exampleFolder() {
        String home = System.getenv("TRUCE_HOME");
        Path folder = (home == null ? Path.of("") : Path.of(home)).resolve(EXAMPLE);
        if (!Files.isDirectory(folder)) {
            throw new UserError("the demo needs " + EXAMPLE + " (run it from the repository, or set TRUCE_HOME)");
        }
        return folder;
    }
}
