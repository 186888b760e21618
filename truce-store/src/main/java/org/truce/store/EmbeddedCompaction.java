package org.truce.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives an embedded H2 database's unused space back to the disk. The file only grows while Truce
 * runs ({@code REUSE_SPACE=FALSE}, see {@link DataSourceConfig}); H2 rewrites it compactly only on
 * {@code SHUTDOWN COMPACT}, which needs the database to itself. Nothing in it changes: the same
 * rows, the same record. PostgreSQL reclaims its space itself (autovacuum).
 */
public final class EmbeddedCompaction {

    /** The file sizes before and after, in bytes. */
    public record Result(Path file, long before_bytes, long after_bytes) {
    }

    private EmbeddedCompaction() {
    }

    /**
     * Compacts the H2 file of {@code config}.
     *
     * @throws IllegalArgumentException when {@code config} is not an embedded database, or there
     *     is no database file yet, or another process has the database open
     */
    public static Result run(DataSourceConfig config) {
        Path dir = config.embeddedDirectory().orElseThrow(() -> new IllegalArgumentException(
                "only an embedded (H2) database is compacted here; PostgreSQL reclaims space with VACUUM"));
        Path file = dir.resolve("truce.mv.db");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no database in " + dir + " (no truce.mv.db)");
        }
        long before = size(file);
        // IFEXISTS: never create an empty database in a folder the user mistyped.
        try (Connection c = DriverManager.getConnection(config.jdbcUrl() + ";IFEXISTS=TRUE", config.user(),
                config.password()); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            if (e.getErrorCode() == 90020) { // DATABASE_ALREADY_OPEN_1
                throw new IllegalArgumentException("the database in " + dir
                        + " is open in another process (stop truce serve or truce demo first)", e);
            }
            throw new IllegalStateException("compacting " + file + " failed: " + e.getMessage(), e);
        }
        return new Result(file, before, size(file));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }
}
