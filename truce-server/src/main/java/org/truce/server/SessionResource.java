package org.truce.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.truce.access.Permission;
import org.truce.store.Database;
import org.truce.store.access.Account;
import org.truce.store.access.Session;

/**
 * {@code /session}: sign in with a name and password (a session cookie, HttpOnly and
 * SameSite=Strict, Secure behind TLS), see who is signed in and what the role allows, sign out.
 */
final class SessionResource {

    private final Database database;
    private final AccessSettings settings;
    private final long maxBodyBytes;

    SessionResource(Database database, AccessSettings settings, long maxBodyBytes) {
        this.database = database;
        this.settings = settings;
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig routes) {
        routes.get(TruceServer.API + "/session", this::current);
        routes.post(TruceServer.API + "/session", this::signIn);
        routes.delete(TruceServer.API + "/session", this::signOut);
    }

    private void current(Context ctx) {
        QueryParams.of(ctx, Set.of());
        Json.send(ctx, 200, view(AccessGate.caller(ctx)));
    }

    private void signIn(Context ctx) {
        QueryParams.of(ctx, Set.of());
        JsonNode body = Json.readObject(ctx, maxBodyBytes);
        String name = text(body, "name");
        String password = text(body, "password");
        Account account = database.accounts().authenticate(name, password)
                .orElseThrow(() -> new ApiException(401, null, "wrong name or password"));
        Session s = database.sessions().open(account, settings.sessionLifetime());
        ctx.header("Set-Cookie", cookie(s.secret(), settings.sessionLifetime().toSeconds()));
        Caller caller = new Caller(account.name(), account.role(), s.principal().scope(), "session", s.csrfToken(),
                s.secret());
        Json.send(ctx, 200, view(caller));
    }

    private void signOut(Context ctx) {
        QueryParams.of(ctx, Set.of());
        Caller caller = AccessGate.caller(ctx);
        if (caller.sessionSecret() != null) {
            database.sessions().close(caller.sessionSecret());
        }
        ctx.header("Set-Cookie", cookie("", 0));
        Json.send(ctx, 200, view(Caller.ANONYMOUS));
    }

    private String cookie(String value, long maxAgeSeconds) {
        return AccessGate.SESSION_COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + (settings.secureCookies() ? "; Secure" : "");
    }

    /** Who, which role, what it may do; the CSRF token only to the session's own holder. */
    static Map<String, Object> view(Caller c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signed_in", c.signedIn());
        m.put("name", c.signedIn() ? c.name() : null);
        m.put("role", c.role().kind().wireName());
        m.put("party", c.role().party());
        m.put("via", c.via());
        m.put("permissions", Arrays.stream(Permission.values()).filter(c::may).map(Permission::wireName).toList());
        m.put("csrf_token", c.csrfToken());
        return m;
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isTextual() || n.textValue().isEmpty() || n.textValue().length() > 200) {
            throw ApiException.badRequest(field, field + " is required: a string of 1 to 200 characters");
        }
        return n.textValue();
    }
}
