package org.truce.store.statement;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.truce.store.Sha256;
import org.truce.store.internal.Sql;
import org.truce.store.record.RecordLogRepository;
import org.truce.store.record.RecordedChange;

/**
 * Statements, kept whole. Adding a text its source already supplied is answered with the stored
 * statement, unchanged: the first metadata received stays, as with reports and sources.
 */
public final class StatementRepository {

    private static final String COLUMNS = "id, source_id, outlet, language, published_on, retrieved_at, received_at,"
            + " url, title, text_sha256, size_bytes";

    private final Jdbi jdbi;
    private final Clock clock;

    public StatementRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** What {@link #add} did: stored a new statement, or found the same text from the same source. */
    public record Added(StoredStatement statement, boolean created) {
    }

    /**
     * Keeps {@code s}, or returns the statement that has the same text from the same source.
     *
     * @throws IllegalArgumentException when the source is not registered
     */
    public Added add(NewStatement s) {
        String sha256 = Sha256.hex(s.text());
        int size = s.text().getBytes(StandardCharsets.UTF_8).length;
        return Sql.inTransactionRetryingOnConflict(jdbi, h -> {
            Optional<StoredStatement> same = h.createQuery("SELECT " + COLUMNS + ", body FROM statements"
                            + " WHERE source_id = :source AND text_sha256 = :sha")
                    .bind("source", s.sourceId())
                    .bind("sha", sha256)
                    .map((rs, ctx) -> read(rs, true))
                    .findOne();
            if (same.isPresent()) {
                return new Added(same.get(), false);
            }
            boolean sourceKnown = h.createQuery("SELECT COUNT(*) FROM sources WHERE id = :id")
                    .bind("id", s.sourceId()).mapTo(Integer.class).one() > 0;
            if (!sourceKnown) {
                throw new IllegalArgumentException("source: no source '" + s.sourceId() + "' is registered");
            }
            long id = h.createUpdate("INSERT INTO statements (source_id, outlet, language, published_on, retrieved_at,"
                            + " received_at, url, title, text_sha256, size_bytes, body) VALUES (:source, :outlet,"
                            + " :language, :published, :retrieved, :received, :url, :title, :sha, :size, :body)")
                    .bind("source", s.sourceId())
                    .bind("outlet", s.outlet())
                    .bind("language", s.language())
                    .bind("published", date(s.published()))
                    .bind("retrieved", Sql.timestamp(s.retrievedAt()))
                    .bind("received", Sql.timestamp(clock.instant()))
                    .bind("url", s.url())
                    .bind("title", s.title())
                    .bind("sha", sha256)
                    .bind("size", size)
                    .bind("body", s.text())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            // The tamper-evident record (issue 6): the statement's text digest, in this same transaction.
            RecordLogRepository.append(h, new RecordedChange.Statement(id, s.sourceId(), sha256),
                    Sql.storable(clock.instant()));
            return new Added(find(h, id).orElseThrow(), true);
        });
    }

    public Optional<StoredStatement> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    /** Every statement without its text, newest publication first (unknown dates last), then by id. */
    public List<StoredStatement> list(int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM statements"
                        + " ORDER BY CASE WHEN published_on IS NULL THEN 1 ELSE 0 END, published_on DESC, id"
                        + " LIMIT :limit OFFSET :offset")
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> read(rs, false))
                .list());
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM statements").mapTo(Integer.class).one());
    }

    private static Optional<StoredStatement> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + ", body FROM statements WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> read(rs, true))
                .findOne();
    }

    private static StoredStatement read(ResultSet rs, boolean withText) throws SQLException {
        return new StoredStatement(rs.getLong("id"), rs.getString("source_id"), rs.getString("outlet"),
                rs.getString("language"), Sql.localDate(rs, "published_on"), Sql.instant(rs, "retrieved_at"),
                Sql.instant(rs, "received_at"), rs.getString("url"), rs.getString("title"),
                rs.getString("text_sha256"), rs.getInt("size_bytes"), withText ? rs.getString("body") : null);
    }

    private static Argument date(LocalDate d) {
        return (position, statement, ctx) -> {
            if (d == null) {
                statement.setNull(position, Types.DATE);
            } else {
                statement.setObject(position, d);
            }
        };
    }
}
