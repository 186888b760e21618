package org.truce.store.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.truce.store.internal.GroupCommit;
import org.truce.store.internal.Sql;

/** The access log: appended to, read newest first; there is no way here to change or delete a line. */
public final class AccessLogRepository {

    /** Lines written per transaction at most; an access log line is small. */
    private static final int MAX_LINES_PER_TRANSACTION = 256;

    private final Jdbi jdbi;
    private final Clock clock;
    private final GroupCommit<Line, Boolean> writer;

    /** One line, stamped when it was handed in. */
    private record Line(Instant at, String actor, String role, String via, AccessEvent.Action action, String method,
            String path, int status, String client) {
    }

    public AccessLogRepository(Jdbi jdbi, Clock clock, Writer writer) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.writer = writer.group;
    }

    /**
     * The thread that writes the access log, one per database, closed with it: lines handed in at
     * the same moment go into one transaction (one commit, one disk flush, where each request
     * otherwise paid its own), and {@link #append} returns once its line is committed.
     */
    public static final class Writer implements AutoCloseable {
        private final GroupCommit<Line, Boolean> group;

        public Writer(Jdbi jdbi) {
            this.group = new GroupCommit<>("truce-access-log-writer", MAX_LINES_PER_TRANSACTION,
                    batch -> writeBatch(jdbi, batch));
        }

        @Override
        public void close() {
            group.close();
        }
    }

    /** Appends one line and returns once it is committed. */
    public void append(String actor, String role, String via, AccessEvent.Action action, String method, String path,
            int status, String client) {
        writer.write(new Line(clock.instant(), cut(actor, 100), cut(role, 60), via, action, cut(method, 10),
                cut(path, 500), status, cut(client == null ? "" : client, 100)));
    }

    private static void writeBatch(Jdbi jdbi, List<GroupCommit.Pending<Line, Boolean>> batch) {
        try {
            jdbi.useTransaction(h -> insert(h, batch.stream().map(GroupCommit.Pending::work).toList()));
            batch.forEach(p -> p.answer().complete(true));
        } catch (RuntimeException e) {
            // Nothing of the batch was stored: each line alone, so one bad line fails only itself.
            for (GroupCommit.Pending<Line, Boolean> p : batch) {
                try {
                    jdbi.useTransaction(h -> insert(h, List.of(p.work())));
                    p.answer().complete(true);
                } catch (RuntimeException alone) {
                    p.answer().completeExceptionally(alone);
                }
            }
        }
    }

    private static void insert(Handle h, List<Line> lines) {
        PreparedBatch insert = h.prepareBatch("INSERT INTO access_log (at, actor, role, via, action, method, path, "
                + "status, client) VALUES (:at, :actor, :role, :via, :action, :method, :path, :status, :client)");
        for (Line l : lines) {
            insert.bind("at", Sql.timestamp(l.at()))
                    .bind("actor", l.actor())
                    .bind("role", l.role())
                    .bind("via", l.via())
                    .bind("action", l.action().wireName())
                    .bind("method", l.method())
                    .bind("path", l.path())
                    .bind("status", l.status())
                    .bind("client", l.client())
                    .add();
        }
        insert.execute();
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
