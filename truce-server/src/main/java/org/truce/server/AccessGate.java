package org.truce.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.access.Sensitivity;
import org.truce.store.Database;
import org.truce.store.access.AccessEvent;
import org.truce.store.access.Principal;
import org.truce.store.access.Session;

/**
 * Every API request passes here: who is asking (API token, session cookie, or nobody), whether
 * {@link AccessRules} lets them, CSRF for writes by cookie, the rate limits, the redaction of the
 * answer, and a line in the access log. Also sets the security headers on every answer.
 */
final class AccessGate {

    static final String SESSION_COOKIE = "truce_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String CALLER = "truce.caller";
    private static final String RULE = "truce.rule";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(AccessGate.class);

    private final Database database;
    private final AccessRules rules;
    private final ResponseRedaction redaction;
    private final RateLimiter signIns;
    private final RateLimiter intake;
    private final String contentSecurityPolicy;
    private final ClientAddress clients;

    /** A gate for a dashboard whose map fetches no tiles. */
    AccessGate(Database database, AccessRules rules, ResponseRedaction redaction, AccessSettings settings) {
        this(database, rules, redaction, settings, Optional.empty());
    }

    AccessGate(Database database, AccessRules rules, ResponseRedaction redaction, AccessSettings settings,
            Optional<String> tileOrigin) {
        this.database = database;
        // The dashboard loads only its own files, and map tiles from the one server configured for them;
        // only its own pages may frame it (the daily report view shows the report in a frame).
        this.contentSecurityPolicy = "default-src 'self'; img-src 'self' data:" + tileOrigin.map(o -> " " + o).orElse("")
                + "; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'self';"
                + " frame-ancestors 'self'";
        this.rules = rules;
        this.redaction = redaction;
        this.signIns = new RateLimiter(settings.signInsPerMinute(), settings.signInsPerMinute());
        this.intake = new RateLimiter(settings.intakePerMinute(), settings.intakePerMinute());
        this.clients = ClientAddress.trusting(settings.trustedProxies());
    }

    void register(RoutesConfig routes) {
        routes.before(this::securityHeaders);
        routes.beforeMatched(this::check);
        routes.afterMatched(this::redact);
        routes.after(TruceServer.API + "/*", this::log);
    }

    /** The caller of a request that passed the gate. */
    static Caller caller(Context ctx) {
        Caller c = ctx.attribute(CALLER);
        return c != null ? c : Caller.ANONYMOUS;
    }

    private void securityHeaders(Context ctx) {
        // No referrer leaves the dashboard (not even to the tile server).
        ctx.header("Content-Security-Policy", contentSecurityPolicy);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", ctx.path().startsWith(TruceServer.API) ? "no-store" : "no-cache");
    }

    private void check(Context ctx) {
        if (!ctx.path().startsWith(TruceServer.API)) {
            return;
        }
        Caller caller = identify(ctx);
        ctx.attribute(CALLER, caller);
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String method = ctx.method().name();
        Optional<AccessRules.Rule> rule = endpoint == null ? Optional.empty()
                : rules.find(endpoint.method.name(), endpoint.path);
        if (rule.isEmpty()) {
            // Fail closed: an endpoint nobody wrote a rule for answers no one.
            LOG.error("no access rule for {} {}; refused", method, endpoint == null ? ctx.path() : endpoint.path);
            throw new ApiException(403, null, "this endpoint has no access rule yet; refused to everyone");
        }
        ctx.attribute(RULE, rule.get());
        if (rule.get().need() instanceof AccessRules.Needs needs && !caller.may(needs.permission())) {
            if (!caller.signedIn()) {
                throw new ApiException(401, null, "sign in first: " + method + " " + endpoint.path + " needs "
                        + needs.permission().wireName());
            }
            throw new ApiException(403, null, "role " + caller.role() + (caller.via().equals("token")
                    ? " with this token's scope" : "") + " may not " + needs.permission().wireName());
        }
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        if (write && caller.via().equals("session") && rule.get().need() instanceof AccessRules.Needs) {
            String sent = ctx.header(CSRF_HEADER);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    caller.csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw new ApiException(403, CSRF_HEADER, "a change made with the dashboard's session needs the "
                        + CSRF_HEADER + " header GET " + TruceServer.API + "/session gives");
            }
        }
        if (method.equals("POST") && endpoint.path.equals(TruceServer.API + "/session")
                && !signIns.tryAcquire(client(ctx), System.nanoTime())) {
            throw new ApiException(429, null, "too many sign-in attempts from this address; wait a minute");
        }
        if (method.equals("POST") && endpoint.path.equals(TruceServer.API + "/reports")
                && !intake.tryAcquire(caller.name(), System.nanoTime())) {
            throw new ApiException(429, null, "too many reports from account " + caller.name() + "; slow down");
        }
    }

    /** A bearer token wins over a cookie; a wrong token is an error, a stale cookie is just no session. */
    private Caller identify(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ApiException(401, "Authorization", "Authorization must be 'Bearer <token>'");
            }
            Principal p = database.apiTokens().authenticate(authorization.substring(7).strip())
                    .orElseThrow(() -> new ApiException(401, "Authorization",
                            "the API token is unknown, revoked, or its account disabled"));
            return new Caller(p.account().name(), p.account().role(), p.scope(), "token", null, null);
        }
        String cookie = ctx.cookie(SESSION_COOKIE);
        if (cookie != null) {
            Optional<Session> s = database.sessions().find(cookie);
            if (s.isPresent()) {
                Principal p = s.get().principal();
                return new Caller(p.account().name(), p.account().role(), p.scope(), "session", s.get().csrfToken(),
                        cookie);
            }
        }
        return Caller.ANONYMOUS;
    }

    /** Sends each view of the answer through the catalog for the caller's role (one place: here). */
    private void redact(Context ctx) throws IOException {
        AccessRules.Rule rule = ctx.attribute(RULE);
        Caller caller = ctx.attribute(CALLER);
        if (rule == null || caller == null || rule.shape().verbatim() || ctx.status().getCode() / 100 != 2) {
            return;
        }
        // Admins and analysts read everything as it is, in every incident: nothing to do.
        if (caller.role().clearance() == Sensitivity.SECRET) {
            return;
        }
        String type = ctx.res().getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return;
        }
        byte[] body;
        try (InputStream in = ctx.resultInputStream()) {
            if (in == null) {
                return;
            }
            body = in.readAllBytes();
        }
        Object tree = JSON.readValue(body, Object.class);
        Optional<Object> out = redaction.apply(tree, rule.shape(), caller.role());
        if (out.isEmpty()) {
            // Outside the role's scope it does not exist, as for an id never used.
            java.util.Map<String, Object> error = new java.util.LinkedHashMap<>();
            error.put("error", "no incident " + ctx.pathParam("id"));
            error.put("field", null);
            Json.send(ctx, 404, error);
            return;
        }
        Json.send(ctx, ctx.status().getCode(), out.get());
    }

    /** The client's address: the peer, or behind a trusted proxy what the proxy forwarded. */
    private String client(Context ctx) {
        return clients.of(ctx.ip(), ctx.header("X-Forwarded-For"));
    }

    private void log(Context ctx) {
        if (ctx.attribute(RULE) == null && ctx.status().getCode() == 404) {
            return; // no such endpoint: nothing was read or changed
        }
        Caller caller = caller(ctx);
        int status = ctx.status().getCode();
        String method = ctx.method().name();
        AccessEvent.Action action = status == 401 || status == 403 || status == 429 ? AccessEvent.Action.DENIED
                : method.equals("GET") || method.equals("HEAD") ? AccessEvent.Action.READ : AccessEvent.Action.WRITE;
        String query = ctx.queryString();
        try {
            database.accessLog().append(caller.name(), caller.role().toString(), caller.via(), action, method,
                    ctx.path() + (query == null ? "" : "?" + query), status, client(ctx));
        } catch (RuntimeException e) {
            LOG.error("could not write the access log for {} {}", method, ctx.path(), e);
        }
    }
}
