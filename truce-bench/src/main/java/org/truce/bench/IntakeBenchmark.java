package org.truce.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.truce.access.Role;
import org.truce.access.RoleKind;
import org.truce.format.agreement.AgreementFormatException;
import org.truce.geo.GeoPoint;
import org.truce.server.AccessSettings;
import org.truce.server.ReferenceData;
import org.truce.server.ServerConfig;
import org.truce.server.TruceServer;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;
import org.truce.store.record.RecordAudit;
import org.truce.store.report.IntakeBatches;
import org.truce.zone.Zone;

/**
 * Intake through the HTTP API, end to end: a {@link TruceServer} on 127.0.0.1 with the example
 * agreement, on a fresh H2 folder or a freshly started embedded PostgreSQL, and C closed-loop
 * clients (one {@link LeanHttpClient} each by default, or one {@link HttpClient} each with {@code
 * --client jdk}) posting distinct synthetic reports, each under its own
 * {@code Idempotency-Key}. A request's latency runs from just before it is sent to the moment its
 * {@code 201} has been read; the server answers only after the report and its findings are
 * stored, so that is "POST to stored finding". Warm-up requests are posted first and not counted.
 * Server and clients share one JVM and the machine's cores; the CPU each group of threads used
 * (writer, request threads, clients, GC, compiler, ...) is printed per report so that the
 * service's cost can be told from the clients'. Not JMH: a plain main, run by
 * {@code bench/intake.sh}.
 *
 * <pre>
 * java -cp truce-bench/target/benchmarks.jar org.truce.bench.IntakeBenchmark \
 *     --db h2|postgres --reports N --clients C --warmup W [--seed S] [--pg-fsync on|off] [--client lean|jdk]
 * </pre>
 */
public final class IntakeBenchmark {

    static final String EXAMPLE = "examples/2025-03-18-call";
    static final String SOURCE_ID = "bench-intake";
    /** The monitor account the benchmark's clients post as. */
    static final String BENCH_ACCOUNT = "bench-monitor";
    /** The store's one intake writer thread (IntakeWriter). */
    static final String WRITER_THREAD = "truce-intake-writer";
    /** The benchmark's own sending threads. */
    static final String CLIENT_THREAD = "intake-client";
    private static final int TIMEOUT_MS = 30_000;

    /** What to run. {@code examples} is the folder holding the example agreement's files. */
    record Options(String db, int reports, int clients, int warmup, long seed, Path examples, String client) {
        Options {
            if (!db.equals("h2") && !db.equals("postgres")) {
                throw new IllegalArgumentException("--db must be h2 or postgres, got " + db);
            }
            if (!client.equals("lean") && !client.equals("jdk")) {
                throw new IllegalArgumentException("--client must be lean or jdk, got " + client);
            }
            if (reports < 1 || clients < 1 || warmup < 0) {
                throw new IllegalArgumentException("need reports >= 1, clients >= 1, warmup >= 0");
            }
        }
    }

    /** What was measured. Latencies in milliseconds. */
    record Result(String db, int clients, int reports, int warmup, double seconds, double perSecond, double p50,
            double p90, double p99, double max, long errors, long withFindings, long storedReports,
            double cpuMsPerReport, double intakesPerCommit, double writerCpuMsPerReport, long recordEntries,
            int recordProblems, String client, ThreadCpu.Split cpu, double databaseCpuMsPerReport) {

        String line() {
            return String.format(Locale.ROOT, "intake db=%s client=%s clients=%d reports=%d warmup=%d seconds=%.2f "
                            + "reports_per_s=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d "
                            + "with_findings=%d stored=%d jvm_cpu_ms_per_report=%.2f intakes_per_commit=%.2f "
                            + "writer_cpu_ms_per_report=%.2f record_entries=%d record_problems=%d%n"
                            + "cpu_ms_per_report %s postgres_server=%.2f", db, client, clients,
                    reports, warmup, seconds, perSecond, p50, p90, p99, max, errors, withFindings, storedReports,
                    cpuMsPerReport, intakesPerCommit, writerCpuMsPerReport, recordEntries, recordProblems,
                    cpu.perReport(reports), databaseCpuMsPerReport);
        }

        Result audited(long entries, int problems) {
            return new Result(db, clients, reports, warmup, seconds, perSecond, p50, p90, p99, max, errors,
                    withFindings, storedReports, cpuMsPerReport, intakesPerCommit, writerCpuMsPerReport, entries,
                    problems, client, cpu, databaseCpuMsPerReport);
        }
    }

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String db = "h2";
        int reports = 20_000;
        int clients = 4;
        int warmup = 2_000;
        long seed = 1;
        boolean pgFsync = true;
        String client = "lean";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--db" -> db = v;
                case "--reports" -> reports = Integer.parseInt(v);
                case "--clients" -> clients = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--pg-fsync" -> pgFsync = v.equals("on");
                case "--client" -> client = v;
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        Options options = new Options(db, reports, clients, warmup, seed, Path.of(EXAMPLE), client);
        Result result;
        if (db.equals("h2")) {
            result = runOnH2(options);
        } else {
            result = runOnPostgres(options, pgFsync);
        }
        System.out.println(result.line());
        if (result.errors() != 0 || result.storedReports() != (long) reports + warmup || result.recordProblems() != 0) {
            System.err.println("intake: FAILED: errors, a stored count that does not match, or a record that does not"
                    + " verify");
            System.exit(1);
        }
    }

    /** On a fresh H2 database in a temporary folder, deleted afterwards. */
    static Result runOnH2(Options options) throws Exception {
        Path dir = Files.createTempDirectory("truce-intake-h2-");
        try {
            return run(options, DataSourceConfig.embedded(dir.resolve("db")), () -> 0L);
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * On a freshly started embedded PostgreSQL (the zonky binaries, 127.0.0.1 only), stopped
     * afterwards. With {@code fsync} false, fsync, full-page writes and synchronous commit are off.
     */
    static Result runOnPostgres(Options options, boolean fsync) throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (!fsync) {
            builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off")
                    .setServerConfig("synchronous_commit", "off");
        }
        try (EmbeddedPostgres pg = builder.start()) {
            Path dataDirectory;
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE truce_bench");
                try (ResultSet rs = s.executeQuery("SHOW data_directory")) {
                    rs.next();
                    dataDirectory = Path.of(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not create the benchmark database", e);
            }
            PostgresCpu server = PostgresCpu.of(dataDirectory);
            return run(options, DataSourceConfig.jdbc(pg.getJdbcUrl("postgres", "truce_bench"), "postgres", ""),
                    server::nanos);
        }
    }

    /** The benchmark's core: a server on {@code database}, the clients, the measurement, the check. */
    static Result run(Options o, DataSourceConfig database, LongSupplier databaseCpuNanos)
            throws IOException, AgreementFormatException, InterruptedException {
        Path ex = o.examples();
        Path agreement = ex.resolve("agreement.json");
        List<Path> facilities = List.of(ex.resolve("facilities.csv"));
        List<Path> zones = List.of(ex.resolve("line_of_contact.geojson"), ex.resolve("black_sea.geojson"));
        ServerConfig config = ServerConfig.defaults().withPort(0).withDatabase(database).withAgreement(agreement)
                .withFacilities(facilities).withZones(zones);
        ReferenceData reference = ReferenceData.load(agreement, facilities, zones);
        List<String> bodies = new Reports(o.seed(), reference).bodies(o.warmup() + o.reports());

        // The clients post as one monitor account with an API token (the server refuses anonymous writes).
        String token;
        try (Database db = Database.open(database)) {
            if (db.accounts().find(BENCH_ACCOUNT).isEmpty()) {
                db.accounts().create(BENCH_ACCOUNT, Role.of(RoleKind.MONITOR), null, false);
            }
            token = db.apiTokens().issue(BENCH_ACCOUNT, "intake benchmark", Set.of()).secret();
        }
        // One account posts every report: its intake rate limit must not be what is measured.
        config = config.withAccess(AccessSettings.defaults().withIntakePerMinute(Integer.MAX_VALUE / 2));
        Result timed;
        try (TruceServer server = TruceServer.open(config)) {
            server.start(0);
            URI api = URI.create(server.apiUrl() + "/");
            HttpClient admin = client();
            HttpResponse<String> reg = admin.send(json(api.resolve("sources"), token,
                    "{\"id\":\"" + SOURCE_ID + "\",\"name\":\"Intake benchmark (synthetic reports, not real)\","
                            + "\"kind\":\"other\"}").build(), HttpResponse.BodyHandlers.ofString());
            if (reg.statusCode() / 100 != 2) {
                throw new IllegalStateException("registering the source: " + reg.statusCode() + " " + reg.body());
            }
            URI reports = api.resolve("reports");
            Sender sender = o.client().equals("jdk") ? new JdkSender(reports, token, o.clients())
                    : new LeanSender(reports, token);
            Phase warm = post(sender, o.clients(), bodies.subList(0, o.warmup()), "w");
            sender.prepare(bodies.subList(o.warmup(), bodies.size()), "m");
            ThreadCpu.Snapshot cpu0 = ThreadCpu.snapshot(processCpuNanos());
            long database0 = databaseCpuNanos.getAsLong();
            IntakeBatches batches0 = server.intakeBatches();
            Phase measured = postPrepared(sender, o.clients(), o.reports());
            ThreadCpu.Snapshot cpu1 = ThreadCpu.snapshot(processCpuNanos());
            long databaseNanos = databaseCpuNanos.getAsLong() - database0;
            IntakeBatches batches1 = server.intakeBatches();
            sender.close();
            ThreadCpu.Split split = ThreadCpu.between(cpu0, cpu1).withEnded(ThreadCpu.Group.CLIENT,
                    measured.clientCpuNanos());
            long cpuNanos = cpu1.processNanos() - cpu0.processNanos();
            double perCommit = (double) (batches1.intakes() - batches0.intakes())
                    / Math.max(1, batches1.transactions() - batches0.transactions());

            HttpResponse<String> count = admin.send(HttpRequest.newBuilder(api.resolve("reports?limit=1")).GET()
                    .header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode total = new ObjectMapper().readTree(count.body()).get("total");
            long stored = total == null ? -1 : total.asLong();

            long[] sorted = measured.latencyNanos().clone();
            Arrays.sort(sorted);
            double seconds = measured.wallNanos() / 1e9;
            timed = new Result(o.db(), o.clients(), o.reports(), o.warmup(), seconds, o.reports() / seconds,
                    ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.90)), ms(percentile(sorted, 0.99)),
                    ms(sorted[sorted.length - 1]), warm.errors() + measured.errors(), measured.withFindings(), stored,
                    ms(cpuNanos) / o.reports(), perCommit, split.ms().get(ThreadCpu.Group.WRITER) / o.reports(), 0, 0,
                    o.client(), split, ms(databaseNanos) / o.reports());
        }
        // What `truce verify` checks, on the database the run filled, after the server has stopped
        // (not timed): every entry, node and row the intakes wrote must agree.
        try (Database db = Database.open(database)) {
            RecordAudit.Result audit = new RecordAudit(db.jdbi()).run(Optional.empty());
            audit.problems().stream().limit(3).forEach(p -> System.err.println("intake: record: " + p));
            return timed.audited(audit.entries(), audit.problems().size());
        }
    }

    /** One phase: its wall time, each request's latency, how many failed, how many had findings. */
    private record Phase(long wallNanos, long[] latencyNanos, long errors, long withFindings, long clientCpuNanos) {
    }

    /** One request's answer as the benchmark needs it. */
    private record Answer(int status, String body) {
    }

    /**
     * How requests are sent: {@link #prepare} builds a phase's requests before it is timed, then
     * each client thread calls {@link #send} with its own index and a body's index.
     */
    private interface Sender extends AutoCloseable {

        void prepare(List<String> bodies, String keyPrefix);

        Answer send(int client, int body) throws IOException, InterruptedException;

        @Override
        void close() throws IOException;
    }

    /** The lean client: each request's bytes built by {@link #prepare}, one socket per client thread. */
    private static final class LeanSender implements Sender {
        private final URI uri;
        private final String token;
        private final String run = Long.toHexString(System.nanoTime());
        private final List<LeanHttpClient> clients = new ArrayList<>();
        private byte[][] requests = new byte[0][];

        LeanSender(URI uri, String token) {
            this.uri = uri;
            this.token = token;
        }

        @Override
        public void prepare(List<String> bodies, String keyPrefix) {
            requests = new byte[bodies.size()][];
            for (int i = 0; i < requests.length; i++) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Authorization", "Bearer " + token);
                headers.put("Idempotency-Key", "bench-" + run + "-" + keyPrefix + i);
                requests[i] = LeanHttpClient.post(uri.getHost(), uri.getPort(), uri.getPath(), headers, bodies.get(i));
            }
        }

        @Override
        public Answer send(int client, int body) throws IOException {
            LeanHttpClient c;
            synchronized (clients) {
                while (clients.size() <= client) {
                    clients.add(new LeanHttpClient(uri.getHost(), uri.getPort(), TIMEOUT_MS));
                }
                c = clients.get(client);
            }
            LeanHttpClient.Response r = c.exchange(requests[body]);
            return new Answer(r.status(), r.bodyText());
        }

        @Override
        public void close() throws IOException {
            for (LeanHttpClient c : clients) {
                c.close();
            }
        }
    }

    /** {@code java.net.http}, one client per thread, as the benchmark used before the lean client. */
    private static final class JdkSender implements Sender {
        private final URI uri;
        private final String token;
        private final String run = Long.toHexString(System.nanoTime());
        private final List<HttpClient> clients = new ArrayList<>();
        private List<String> bodies = List.of();
        private String keyPrefix = "";

        JdkSender(URI uri, String token, int count) {
            this.uri = uri;
            this.token = token;
            for (int i = 0; i < count; i++) {
                clients.add(client());
            }
        }

        @Override
        public void prepare(List<String> bodies, String keyPrefix) {
            this.bodies = bodies;
            this.keyPrefix = keyPrefix;
        }

        @Override
        public Answer send(int client, int body) throws IOException, InterruptedException {
            HttpRequest request = json(uri, token, bodies.get(body))
                    .header("Idempotency-Key", "bench-" + run + "-" + keyPrefix + body).build();
            HttpResponse<String> r = clients.get(client).send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        }

        @Override
        public void close() {
            // java.net.http clients have no close on Java 17; their threads end when unreferenced.
        }
    }

    /** Closed loop: each client thread takes the next body, posts it, waits for the answer. */
    private static Phase post(Sender sender, int clients, List<String> bodies, String keyPrefix)
            throws InterruptedException {
        sender.prepare(bodies, keyPrefix);
        return postPrepared(sender, clients, bodies.size());
    }

    private static Phase postPrepared(Sender sender, int clients, int count) throws InterruptedException {
        long[] latency = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicLong withFindings = new AtomicLong();
        AtomicLong clientCpu = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(new Thread(() -> {
                long cpu0 = cpu.getCurrentThreadCpuTime();
                try {
                    send(sender, client, count, next, latency, errors, withFindings);
                } finally {
                    // These threads end with the phase, before the closing snapshot: they count their own time.
                    clientCpu.addAndGet(cpu.getCurrentThreadCpuTime() - cpu0);
                }
            }, CLIENT_THREAD));
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        return new Phase(System.nanoTime() - start, latency, errors.get(), withFindings.get(), clientCpu.get());
    }

    /** One client thread's loop: the next body, its request, the answer, until none is left. */
    private static void send(Sender sender, int client, int count, AtomicInteger next, long[] latency,
            AtomicLong errors, AtomicLong withFindings) {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            long t0 = System.nanoTime();
            try {
                Answer r = sender.send(client, i);
                latency[i] = System.nanoTime() - t0;
                if (r.status() != 201) {
                    if (errors.incrementAndGet() <= 3) {
                        System.err.println("intake: " + r.status() + " " + r.body());
                    }
                } else if (r.body().contains("\"findings\":[{")) {
                    withFindings.incrementAndGet();
                }
            } catch (IOException e) {
                latency[i] = System.nanoTime() - t0;
                if (errors.incrementAndGet() <= 3) {
                    System.err.println("intake: " + e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static HttpRequest.Builder json(URI uri, String token, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /**
     * CPU time of this JVM (server, clients and embedded H2 together; not a PostgreSQL server's own
     * processes). Per report, it moves much less with other jobs on the machine than wall-clock rates
     * do, so two builds can be compared on a busy machine.
     */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** Nearest rank on a sorted array. */
    static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Distinct made-up reports, deterministic for a seed: strikes and clashes near the example's
     * protected objects or the line of contact's vertices, on days around the energy moratorium,
     * so that the engine has distances and windows to compute. Every one is marked synthetic.
     */
    static final class Reports {
        private static final LocalDate FIRST_DAY = LocalDate.parse("2025-03-11");
        private static final String[] NOTES = {
            "Drone strike on an electrical substation, power cut in the district.",
            "Shelling near an oil depot, a fire broke out.",
            "Artillery fire along the front line, no damage reported.",
            "Frappe de drones sur une centrale thermique.",
            "Clashes along the line of contact."};

        private final Random random;
        private final List<GeoPoint> anchors = new ArrayList<>();
        private final int objectCount;

        Reports(long seed, ReferenceData reference) {
            this.random = new Random(seed);
            reference.objects().forEach(o -> anchors.add(o.location()));
            objectCount = anchors.size();
            for (Zone z : reference.zones()) {
                if (z instanceof Zone.Line line) {
                    anchors.addAll(line.line().vertices());
                }
            }
            if (anchors.isEmpty()) {
                anchors.add(GeoPoint.of(48.0, 37.0));
            }
        }

        List<String> bodies(int n) {
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(body(i));
            }
            return out;
        }

        private String body(int n) {
            // Half near a protected object, half near the line (when both exist).
            boolean nearObject = objectCount > 0 && (objectCount == anchors.size() || random.nextBoolean());
            GeoPoint base = nearObject ? anchors.get(random.nextInt(objectCount))
                    : anchors.get(objectCount + random.nextInt(anchors.size() - objectCount));
            double lat = Math.max(-89, Math.min(89, base.lat_deg() + random.nextGaussian() * 0.02));
            double lon = Math.max(-179, Math.min(179, base.lon_deg() + random.nextGaussian() * 0.03));
            boolean battle = random.nextInt(10) < 3;
            String actor = random.nextBoolean() ? "Military Forces of Russia (2000-)"
                    : "Military Forces of Ukraine (2019-)";
            String notes = battle ? NOTES[4] : NOTES[random.nextInt(NOTES.length - 1)];
            return String.format(Locale.ROOT, "{\"event_id_cnty\":\"BENCH%d\",\"event_date\":\"%s\","
                            + "\"time_precision\":1,\"event_type\":\"%s\",\"sub_event_type\":\"%s\",\"actor1\":\"%s\","
                            + "\"location\":\"Synthetic place %d\",\"latitude\":%.5f,\"longitude\":%.5f,"
                            + "\"geo_precision\":%d,\"notes\":\"[SYNTHETIC] %s\",\"fatalities\":0,\"source_id\":\"%s\"}",
                    n, FIRST_DAY.plusDays(random.nextInt(44)), battle ? "Battles" : "Explosions/Remote violence",
                    battle ? "Armed clash" : "Air/drone strike", actor, n, lat, lon,
                    random.nextInt(10) < 8 ? 1 : 2, notes, SOURCE_ID);
        }
    }
}
