package org.truce.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.truce.store.Database;
import org.truce.store.access.AccessEvent;

/** {@code /access-log}: who read or changed what, newest first, for admins and guarantors. */
final class AccessLogResource {

    private final Database database;

    AccessLogResource(Database database) {
        this.database = database;
    }

    void register(RoutesConfig routes) {
        routes.get(TruceServer.API + "/access-log", this::list);
    }

    private void list(Context ctx) {
        QueryParams q = QueryParams.of(ctx, Set.of("limit", "offset"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", database.accessLog().count());
        m.put("limit", q.limit());
        m.put("offset", q.offset());
        m.put("items", database.accessLog().list(q.limit(), q.offset()).stream().map(AccessLogResource::view).toList());
        Json.send(ctx, 200, m);
    }

    private static Map<String, Object> view(AccessEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", Views.instant(e.at()));
        m.put("actor", e.actor());
        m.put("role", e.role());
        m.put("via", e.via());
        m.put("action", e.action().wireName());
        m.put("method", e.method());
        m.put("path", e.path());
        m.put("status", e.status());
        m.put("client", e.client());
        return m;
    }
}
