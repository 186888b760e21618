package org.truce.store.report;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.truce.store.internal.Sql;

/** The sources reports come from. A source is registered once and never removed. */
public final class SourceRepository {

    private final Jdbi jdbi;
    private final Clock clock;

    public SourceRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Registers {@code source} unless a source with its id exists; returns the stored one (whose
     * name and kind are those first registered).
     */
    public Source register(Source source) {
        return jdbi.inTransaction(h -> {
            Optional<Source> existing = find(h, source.id());
            if (existing.isPresent()) {
                return existing.get();
            }
            h.createUpdate("INSERT INTO sources (id, name, kind, created_at) VALUES (:id, :name, :kind, :now)")
                    .bind("id", source.id())
                    .bind("name", source.name())
                    .bind("kind", source.kind().wireName())
                    .bind("now", Sql.timestamp(clock.instant()))
                    .execute();
            return source;
        });
    }

    public Optional<Source> find(String id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public List<Source> listAll() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, kind FROM sources ORDER BY id")
                .map((rs, ctx) -> new Source(rs.getString("id"), rs.getString("name"),
                        SourceKind.fromWireName(rs.getString("kind"))))
                .list());
    }

    static Optional<Source> find(Handle h, String id) {
        return h.createQuery("SELECT id, name, kind FROM sources WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Source(rs.getString("id"), rs.getString("name"),
                        SourceKind.fromWireName(rs.getString("kind"))))
                .findOne();
    }
}
