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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * clients (one {@link HttpClient} each) posting distinct synthetic reports, each under its own
 * {@code Idempotency-Key}. A request's latency runs from just before it is sent to the moment its
 * {@code 201} has been read; the server answers only after the report and its findings are
 * stored, so that is "POST to stored finding". Warm-up requests are posted first and not counted.
 * Server and clients share one JVM and the machine's cores. Not JMH: a plain main, run by
 * {@code bench/intake.sh}.
 *
 * <pre>
 * java -cp truce-bench/target/benchmarks.jar org.truce.bench.IntakeBenchmark \
 *     --db h2|postgres --reports N --clients C --warmup W [--seed S] [--pg-fsync on|off]
 * </pre>
 */
public final class IntakeBenchmark {

    static final String EXAMPLE = "examples/2025-03-18-call";
    static final String SOURCE_ID = "bench-intake";
    /** The monitor account the benchmark's clients post as. */
    static final String BENCH_ACCOUNT = "bench-monitor";
    /** The store's one intake writer thread (IntakeWriter). */
    static final String WRITER_THREAD = "truce-intake-writer";

    /** What to run. {@code examples} is the folder holding the example agreement's files. */
    record Options(String db, int reports, int clients, int warmup, long seed, Path examples) {
        Options {
            if (!db.equals("h2") && !db.equals("postgres")) {
                throw new IllegalArgumentException("--db must be h2 or postgres, got " + db);
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
            int recordProblems) {

        String line() {
            return String.format(Locale.ROOT, "intake db=%s clients=%d reports=%d warmup=%d seconds=%.2f "
                            + "reports_per_s=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d "
                            + "with_findings=%d stored=%d jvm_cpu_ms_per_report=%.2f intakes_per_commit=%.2f "
                            + "writer_cpu_ms_per_report=%.2f record_entries=%d record_problems=%d", db, clients,
                    reports, warmup, seconds, perSecond, p50, p90, p99, max, errors, withFindings, storedReports,
                    cpuMsPerReport, intakesPerCommit, writerCpuMsPerReport, recordEntries, recordProblems);
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
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        Options options = new Options(db, reports, clients, warmup, seed, Path.of(EXAMPLE));
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
            return run(options, DataSourceConfig.embedded(dir.resolve("db")));
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
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE truce_bench");
            } catch (SQLException e) {
                throw new IllegalStateException("could not create the benchmark database", e);
            }
            return run(options, DataSourceConfig.jdbc(pg.getJdbcUrl("postgres", "truce_bench"), "postgres", ""));
        }
    }

    /** The benchmark's core: a server on {@code database}, the clients, the measurement, the check. */
    static Result run(Options o, DataSourceConfig database)
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
            List<HttpClient> clients = new ArrayList<>();
            for (int i = 0; i < o.clients(); i++) {
                clients.add(client());
            }
            URI reports = api.resolve("reports");
            Phase warm = post(clients, reports, bodies.subList(0, o.warmup()), "w", token);
            long cpu0 = processCpuNanos();
            long writer0 = threadCpuNanos(WRITER_THREAD);
            IntakeBatches batches0 = server.intakeBatches();
            Phase measured = post(clients, reports, bodies.subList(o.warmup(), bodies.size()), "m", token);
            long cpuNanos = processCpuNanos() - cpu0;
            long writerNanos = threadCpuNanos(WRITER_THREAD) - writer0;
            IntakeBatches batches1 = server.intakeBatches();
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
                    ms(cpuNanos) / o.reports(), perCommit, ms(writerNanos) / o.reports(), 0, 0);
        }
        // What `truce verify` checks, on the database the run filled, after the server has stopped
        // (not timed): every entry, node and row the intakes wrote must agree.
        try (Database db = Database.open(database)) {
            RecordAudit.Result audit = new RecordAudit(db.jdbi()).run(Optional.empty());
            audit.problems().stream().limit(3).forEach(p -> System.err.println("intake: record: " + p));
            return new Result(timed.db(), timed.clients(), timed.reports(), timed.warmup(), timed.seconds(),
                    timed.perSecond(), timed.p50(), timed.p90(), timed.p99(), timed.max(), timed.errors(),
                    timed.withFindings(), timed.storedReports(), timed.cpuMsPerReport(), timed.intakesPerCommit(),
                    timed.writerCpuMsPerReport(), audit.entries(), audit.problems().size());
        }
    }

    /** One phase: its wall time, each request's latency, how many failed, how many had findings. */
    private record Phase(long wallNanos, long[] latencyNanos, long errors, long withFindings) {
    }

    /** Closed loop: each client thread takes the next body, posts it, waits for the answer. */
    private static Phase post(List<HttpClient> clients, URI uri, List<String> bodies, String keyPrefix, String token)
            throws InterruptedException {
        long[] latency = new long[bodies.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicLong withFindings = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        String run = Long.toHexString(System.nanoTime());
        for (HttpClient client : clients) {
            threads.add(new Thread(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    HttpRequest request = json(uri, token, bodies.get(i))
                            .header("Idempotency-Key", "bench-" + run + "-" + keyPrefix + i).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                        latency[i] = System.nanoTime() - t0;
                        if (r.statusCode() != 201) {
                            if (errors.incrementAndGet() <= 3) {
                                System.err.println("intake: " + r.statusCode() + " " + r.body());
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
            }, "intake-client"));
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        return new Phase(System.nanoTime() - start, latency, errors.get(), withFindings.get());
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

    /**
     * CPU time of the live thread named {@code name} (0 when there is none). The intake writer is
     * one thread, so its CPU per report bounds the rate on any number of cores: a build that makes
     * it smaller raises the ceiling even when a busy machine hides it in the wall-clock rate.
     */
    private static long threadCpuNanos(String name) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                return Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
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
