package org.truce.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.access.FieldCatalog;
import org.truce.access.Redaction;
import org.truce.assessment.AssessmentEngine;
import org.truce.format.Rejection;
import org.truce.format.agreement.AgreementFormatException;
import org.truce.record.SigningKey;
import org.truce.store.Database;
import org.truce.store.report.IntakeBatches;
import org.truce.store.finding.FindingBasis;
import org.truce.store.record.RecordedChange;
import org.truce.store.record.StoredCheckpoint;
import org.truce.store.report.StoredReport;
import org.truce.target.TargetLexicon;

/**
 * The monitoring service's HTTP door: a JSON API under {@value #API} around a {@link Database},
 * an agreement with its reference data, and the {@link AssessmentEngine} built for them. Each
 * report posted is assessed at once and its findings stored in the same request.
 *
 * <pre>{@code
 * try (TruceServer server = TruceServer.open(config)) {   // loads files, opens the database
 *     int port = server.start(config.port());              // 0 picks a free port
 *     ...
 * }                                                         // stops and closes the database
 * }</pre>
 *
 * Binds to {@value ServerConfig#DEFAULT_HOST} unless told otherwise. Errors are JSON
 * {@code {"error": "...", "field": "..."}}; a client never sees a stack trace.
 */
public final class TruceServer implements AutoCloseable {

    /** Where the API lives; the version changes only with an incompatible change. */
    public static final String API = "/api/v1";

    /** The dashboard's files on the class path, served at {@code /}. */
    static final String WEB_RESOURCES = "/org/truce/server/web";

    static final String OPENAPI_RESOURCE = "/org/truce/server/openapi.json";

    private static final long CHECKPOINT_CHECK_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(TruceServer.class);
    private static final Set<HandlerType> ROUTE_METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

    private final Database database;
    private final boolean ownsDatabase;
    private final ReferenceData reference;
    private final AssessmentEngine engine;
    private final String host;
    private final long maxBodyBytes;
    private final EvidenceSettings evidence;
    private final AccessSettings access;
    private final MapSettings map;
    private final byte[] openApi;
    private final Javalin app;
    private boolean started;
    private boolean stopped;
    private ScheduledExecutorService checkpointer;

    /**
     * A server on an open database, which the caller keeps and closes. {@code engine} must have been
     * built for {@code reference} (see {@link #engineFor(ReferenceData)}).
     */
    public TruceServer(Database database, ReferenceData reference, AssessmentEngine engine) {
        this(database, reference, engine, ServerConfig.DEFAULT_HOST, ServerConfig.DEFAULT_MAX_BODY_BYTES);
    }

    /** A server on an open database, which the caller keeps and closes; it keeps no evidence files (links only). */
    public TruceServer(Database database, ReferenceData reference, AssessmentEngine engine, String host,
            long maxBodyBytes) {
        this(database, false, reference, engine, host, maxBodyBytes, EvidenceSettings.linksOnly(),
                AccessSettings.defaults(), MapSettings.offline());
    }

    /** A server on an open database, which the caller keeps and closes; evidence files go as {@code evidence} says. */
    public TruceServer(Database database, ReferenceData reference, AssessmentEngine engine, String host,
            long maxBodyBytes, EvidenceSettings evidence) {
        this(database, false, reference, engine, host, maxBodyBytes, evidence, AccessSettings.defaults(),
                MapSettings.offline());
    }

    /** A server on an open database, which the caller keeps and closes, guarded as {@code access} says. */
    public TruceServer(Database database, ReferenceData reference, AssessmentEngine engine, String host,
            long maxBodyBytes, EvidenceSettings evidence, AccessSettings access) {
        this(database, false, reference, engine, host, maxBodyBytes, evidence, access, MapSettings.offline());
    }

    private TruceServer(Database database, boolean ownsDatabase, ReferenceData reference, AssessmentEngine engine,
            String host, long maxBodyBytes, EvidenceSettings evidence, AccessSettings access, MapSettings map) {
        if (database == null || reference == null || engine == null || evidence == null || access == null
                || map == null) {
            throw new IllegalArgumentException("a server needs a database, reference data, an engine, evidence "
                    + "settings, access settings and map settings");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the host to bind must not be empty");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the body limit must be at least 1024 bytes, got " + maxBodyBytes);
        }
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.reference = reference;
        this.engine = engine;
        this.host = host;
        this.maxBodyBytes = maxBodyBytes;
        this.evidence = evidence;
        this.access = access;
        this.map = map;
        this.openApi = readOpenApi();
        this.app = Javalin.create(this::configure);
        // The record says what every later finding was computed on (issue 6); nothing when unchanged.
        FindingBasis basis = reference.basis();
        database.record().recordBasis(new RecordedChange.Basis(basis.agreementId(), basis.agreementVersion(),
                basis.referenceVersion()));
    }

    /**
     * Signs checkpoints of the record from now on: at every multiple of {@code everyEntries} and
     * once each UTC day, checked every few seconds on a background thread (the signed heads are
     * those at exactly N, 2N, ..., however late the check runs). Returns the checkpoints made at once.
     */
    public synchronized List<StoredCheckpoint> signCheckpoints(SigningKey key, long everyEntries) {
        if (checkpointer != null) {
            throw new IllegalStateException("checkpoints are already being signed");
        }
        List<StoredCheckpoint> made = database.record().checkpointIfDue(key, everyEntries);
        checkpointer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "truce-checkpoints");
            t.setDaemon(true);
            return t;
        });
        checkpointer.scheduleWithFixedDelay(() -> {
            try {
                database.record().checkpointIfDue(key, everyEntries);
            } catch (RuntimeException e) {
                LOG.warn("could not sign a checkpoint of the record: {}", e.toString());
            }
        }, CHECKPOINT_CHECK_SECONDS, CHECKPOINT_CHECK_SECONDS, TimeUnit.SECONDS);
        return made;
    }

    /**
     * Loads the agreement and reference files named by {@code config}, opens (and migrates) its
     * database and builds the engine. The server owns the database: {@link #stop()} closes it.
     *
     * @throws IllegalArgumentException when the config names no agreement file
     * @throws AgreementFormatException when the agreement file, or the exchanges or timeline file it
     *     names, is not valid, with every problem
     * @throws IOException when a file cannot be read or a facility or zone file is unusable
     */
    public static TruceServer open(ServerConfig config) throws IOException, AgreementFormatException {
        if (config.agreementFile() == null) {
            throw new IllegalArgumentException("the server needs an agreement file");
        }
        ReferenceData reference = ReferenceData.load(config.agreementFile(), config.facilityFiles(),
                config.zoneFiles()).withCompanions(config.exchangesFile(), config.timelineFile());
        AssessmentEngine engine = engineFor(reference);
        Database database = Database.open(config.database());
        try {
            return new TruceServer(database, true, reference, engine, config.host(), config.maxBodyBytes(),
                    config.evidence(), config.access(), config.map());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The engine for the reference data, reading targets with the built-in lexicons. */
    public static AssessmentEngine engineFor(ReferenceData reference) {
        return new AssessmentEngine(reference.agreement(), reference.objects(), reference.zones(),
                TargetLexicon.builtIn());
    }

    /**
     * Starts listening on the configured host and {@code port} (0: any free port) and returns the
     * port bound. A server starts once.
     */
    public synchronized int start(int port) {
        if (started) {
            throw new IllegalStateException("the server was already started");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        started = true;
        for (String warning : warnings()) {
            LOG.warn(warning);
        }
        app.start(host, port);
        LOG.info("Truce API on http://{}:{}{} (agreement {}), dashboard on http://{}:{}/", host, app.port(), API,
                reference.agreement().id(), host, app.port());
        return app.port();
    }

    /** The port bound, once started. */
    public int port() {
        if (!started) {
            throw new IllegalStateException("the server is not started");
        }
        return app.port();
    }

    /** How many transactions the intake's group commit has used for how many intakes (for the benchmark). */
    public IntakeBatches intakeBatches() {
        return database.intake().batches();
    }

    /** The API's base address once started, such as {@code http://127.0.0.1:7070/api/v1}. */
    public String apiUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + API;
    }

    /** Stops listening and, when the server opened its database, closes it. Safe to call twice. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (checkpointer != null) {
            checkpointer.shutdownNow();
        }
        try {
            if (started) {
                app.stop();
            }
        } finally {
            if (ownsDatabase) {
                database.close();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Recomputes the findings of every report whose findings were computed on another version of
     * the agreement or reference data, or on an older version of the report, and then the findings
     * of the incidents those reports are in. Returns how many reports were assessed again. Call it before {@link #start(int)} after changing a file.
     */
    public int refreshStaleFindings() {
        FindingBasis basis = reference.basis();
        List<Long> stale = database.findings().listStaleReportIds(basis);
        for (long id : stale) {
            StoredReport r = database.reports().findCurrent(id).orElseThrow();
            database.findings().replaceFindingsFor(id, basis, engine.assess(r.report()));
        }
        // An incident's findings derive from its reports' findings: recompute those that changed.
        database.incidents().recomputeForReports(stale, basis);
        return stale.size();
    }

    /** The routes the app serves, as {@code "GET /api/v1/reports/{id}"}, sorted. */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> ROUTE_METHODS.contains(e.endpoint.method))
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .sorted()
                .toList();
    }

    /** The agreement, protected objects and zones this server assesses against. */
    public ReferenceData reference() {
        return reference;
    }

    /** What the operator should know: commitments the engine cannot assess, facility rows refused. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>(engine.warnings());
        for (Rejection r : reference.facilityRejections()) {
            out.add("facility row refused, line " + r.line() + (r.field().isEmpty() ? "" : ", " + r.field()) + ": "
                    + r.reason());
        }
        return out;
    }

    private void configure(JavalinConfig cfg) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.maxRequestSize = maxBodyBytes;
        cfg.http.prefer405over404 = true;
        cfg.jetty.host = host;
        // The dashboard: plain files from the jar at /, Leaflet and Chart.js from their webjars.
        cfg.staticFiles.add(WEB_RESOURCES, Location.CLASSPATH);
        cfg.staticFiles.enableWebjars();
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));

        // Who may see and change what: one gate, one rule table, one redaction (issue 8).
        Redaction redaction = new Redaction(FieldCatalog.builtIn(), access.coarsen_deg());
        new AccessGate(database, AccessRules.builtIn(), new ResponseRedaction(redaction), access, map.imageOrigin())
                .register(cfg.routes);
        // The map's base layer, read by the dashboard: public, no secrets.
        Map<String, Object> mapSettings = map.asJson();
        cfg.routes.get(API + MapSettings.PATH, ctx -> Json.send(ctx, 200, mapSettings));
        new SessionResource(database, access, maxBodyBytes).register(cfg.routes);
        new AccountResource(database, maxBodyBytes).register(cfg.routes);
        new AccessLogResource(database).register(cfg.routes);
        new CounterClaimResource(database, reference.agreement().id(), maxBodyBytes).register(cfg.routes);

        ReportIntake intake = new ReportIntake(database, engine, reference.basis());
        new AgreementResource(reference.agreement(), engine.assessedCommitments()).register(cfg.routes);
        new SourceResource(database, maxBodyBytes).register(cfg.routes);
        new ReportResource(database, reference.agreement(), intake, maxBodyBytes).register(cfg.routes);
        new FindingResource(database, reference.agreement(), engine.assessedCommitments()).register(cfg.routes);
        new ReferenceResource(reference).register(cfg.routes);
        new StatementResource(database, maxBodyBytes).register(cfg.routes);
        new IncidentResource(database, reference.agreement(), reference.basis(), maxBodyBytes).register(cfg.routes);
        new EvidenceResource(database, evidence, maxBodyBytes, Clock.systemUTC()).register(cfg.routes);
        new ExchangeResource(reference.agreement().id(), reference.exchanges()).register(cfg.routes);
        new TimelineResource(reference.agreement(), reference.timeline()).register(cfg.routes);
        new ExtractionResource(database).register(cfg.routes);
        new RecordResource(database).register(cfg.routes);
        new CosignatureResource(database, maxBodyBytes).register(cfg.routes);

        // Publications (issue 7): GET /exports/{acled.csv,reports.geojson,record.json} and
        // GET /daily-reports/{date}, the same bytes as truce export and truce report daily.
        // Redacted for the caller's role by the same Redaction and RecordScope as every answer (issue 8).
        new PublicationResource(database, reference, redaction).register(cfg.routes);

        cfg.routes.get(API + "/openapi.json", ctx -> ctx.status(200).contentType(Json.CONTENT_TYPE).result(openApi));

        cfg.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.field(),
                e.rule()));
        cfg.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                e.getStatus() == 404 ? "no such endpoint: " + ctx.method().name() + " " + ctx.path()
                        + "; the API is described at " + API + "/openapi.json"
                        : e.getStatus() == 405 ? "method " + ctx.method().name() + " is not allowed on " + ctx.path()
                        : e.getMessage(), null));
        cfg.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method().name(), ctx.path(), e);
            error(ctx, 500, "internal error; the server log has the details", null);
        });
    }

    private static void error(Context ctx, int status, String message, String field) {
        error(ctx, status, message, field, null);
    }

    /** {@code rule} is written only for a refusal by the rules (409), so other errors keep two fields. */
    private static void error(Context ctx, int status, String message, String field, String rule) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        m.put("field", field);
        if (rule != null) {
            m.put("rule", rule);
        }
        Json.send(ctx, status, m);
    }

    private static byte[] readOpenApi() {
        try (InputStream in = TruceServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + OPENAPI_RESOURCE + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
