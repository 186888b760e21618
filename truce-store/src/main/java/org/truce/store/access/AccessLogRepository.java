package org.truce.store.access;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.truce.store.internal.Sql;

/** The access log: appended to, read newest first; there is no way here to change or delete a line. */
public final class AccessLogRepository {

    private final Jdbi jdbi;
    private final Clock clock;

    public AccessLogRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public void append(String actor, String role, String via, AccessEvent.Action action, String method, String path,
            int status, String client) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO access_log (at, actor, role, via, action, method, path, status,"
                        + " client) VALUES (:at, :actor, :role, :via, :action, :method, :path, :status, :client)")
                .bind("at", Sql.timestamp(clock.instant()))
                .bind("actor", cut(actor, 100))
                .bind("role", cut(role, 60))
                .bind("via", via)
                .bind("action", action.wireName())
                .bind("method", cut(method, 10))
                .bind("path", cut(path, 500))
                .bind("status", status)
                .bind("client", cut(client == null ? "" : client, 100))
                .execute());
    }

    /** Newest first. */
    public List<AccessEvent> list(int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM access_log ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> new AccessEvent(rs.getLong("id"), Sql.instant(rs, "at"), rs.getString("actor"),
                        rs.getString("role"), rs.getString("via"),
                        AccessEvent.Action.valueOf(rs.getString("action").toUpperCase(Locale.ROOT)),
                        rs.getString("method"), rs.getString("path"), rs.getInt("status"), rs.getString("client")))
                .list());
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM access_log").mapTo(Long.class).one());
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
