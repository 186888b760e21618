package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.truce.store.access.AccessLogAppendOnly;

/**
 * Issue 8: the access log is append-only in the database, not only in the application. An UPDATE
 * or DELETE of a row, and a TRUNCATE of the table, is refused, so that a bug or a
 * stolen application login cannot quietly rewrite who read what. Written in Java because the two
 * databases declare triggers differently: PostgreSQL in PL/pgSQL, H2 with a Java class.
 */
public class V8__Access_log_append_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        String product = c.getMetaData().getDatabaseProductName();
        try (Statement s = c.createStatement()) {
            if (product.equals("PostgreSQL")) {
                s.execute("CREATE FUNCTION access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
                        + "BEGIN RAISE EXCEPTION '" + AccessLogAppendOnly.REFUSAL + " (%)', TG_OP "
                        + "USING ERRCODE = 'insufficient_privilege'; END $$");
                s.execute("CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log "
                        + "FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change()");
                s.execute("CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log "
                        + "FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change()");
            } else if (product.equals("H2")) {
                s.execute("CREATE TRIGGER access_log_append_only BEFORE UPDATE, DELETE ON access_log "
                        + "FOR EACH ROW CALL \"" + AccessLogAppendOnly.class.getName() + "\"");
                // H2 fires no trigger on TRUNCATE, but refuses to truncate a table that a foreign
                // key refers to: this empty table is that reference, and holds nothing else.
                s.execute("CREATE TABLE access_log_truncate_guard (log_id BIGINT, "
                        + "CONSTRAINT access_log_truncate_guard_fk FOREIGN KEY (log_id) REFERENCES access_log (id))");
            } else {
                throw new SQLException("Truce runs on H2 or PostgreSQL, not on " + product
                        + ": no append-only guard for the access log");
            }
        }
    }
}
