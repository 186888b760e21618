package org.truce.store.access;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's half of the access log's database guard (migration V8): a row trigger that refuses every
 * UPDATE and DELETE. PostgreSQL's half is a PL/pgSQL trigger with the same message. H2 runs a
 * TRUNCATE without row triggers; there the migration's foreign key from an empty table refuses it.
 */
public final class AccessLogAppendOnly implements Trigger {

    /** The start of the refusal both databases give. */
    public static final String REFUSAL = "access_log is append-only";

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(REFUSAL + " (" + (newRow == null ? "DELETE" : "UPDATE") + ")", "42501");
    }
}
