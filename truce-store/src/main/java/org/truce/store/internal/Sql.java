package org.truce.store.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;

/**
 * The few JDBC conversions this module needs, done the same way on H2 and PostgreSQL: instants
 * go in and out as UTC {@link OffsetDateTime} (never through the JVM's time zone), dates as
 * {@link LocalDate}. Not API.
 */
public final class Sql {

    /** SQLSTATE of a unique or primary key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    /** Microseconds are what both databases keep; truncating first makes read-back equal. */
    public static Instant storable(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    public static Argument timestamp(Instant t) {
        OffsetDateTime utc = t == null ? null : storable(t).atOffset(ZoneOffset.UTC);
        return (position, statement, ctx) -> {
            if (utc == null) {
                statement.setNull(position, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(position, utc);
            }
        };
    }

    public static Argument date(LocalDate d) {
        return (position, statement, ctx) -> statement.setObject(position, d);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /**
     * Runs {@code work} in a transaction; if it fails on a unique key because a concurrent
     * transaction inserted the same key first, runs it once more, when it sees that row. The
     * failed attempt was rolled back whole, so nothing of it remains.
     */
    public static <R> R inTransactionRetryingOnConflict(Jdbi jdbi, HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return jdbi.inTransaction(work);
        }
    }

    /** Whether {@code e} or one of its causes is a unique-key violation. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
