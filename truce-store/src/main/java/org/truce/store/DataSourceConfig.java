package org.truce.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the database is: an H2 file in a directory (the embedded default, created on first
 * start) or any JDBC URL, in production PostgreSQL. The password never appears in
 * {@link #toString()}.
 */
public final class DataSourceConfig {

    /** The embedded database's directory when nothing else is configured, relative to the working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of("truce-data");

    /**
     * H2 options that make it behave like PostgreSQL for this module's SQL: PostgreSQL mode,
     * lower-case identifiers, and NULLs sorted last as PostgreSQL sorts them. WRITE_DELAY=0: a
     * commit reaches the file before the request is answered; with H2's default (up to 500 ms
     * later) a killed process lost reports it had acknowledged (RecordCrashTest, issue 6).
     * REUSE_SPACE=FALSE: each commit's chunk is appended at the end of the file. With space reuse, a
     * process killed under load came back without several acknowledged reports in a row: on an
     * unclean start H2 looks for the newest chunks where it expects them, and a chunk written into
     * reused space was not found. The price: the file only grows (about 20 KB a commit) until an
     * offline {@code SHUTDOWN COMPACT}; docs/storage.md has the figures. QUERY_CACHE_SIZE=128: H2
     * keeps that many parsed statements per connection (8 by default); one intake runs about 25
     * distinct statements, so with the default every one was parsed again each time (9% of the
     * intake's CPU in a profile, docs/performance.md).
     */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;"
            + "REUSE_SPACE=FALSE;QUERY_CACHE_SIZE=128";

    private static final int DEFAULT_POOL_SIZE = 8;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final int maxPoolSize;
    private final Path embeddedDirectory;

    private DataSourceConfig(String jdbcUrl, String user, String password, int maxPoolSize, Path embeddedDirectory) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("a JDBC URL starts with jdbc:, got " + jdbcUrl);
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection, got " + maxPoolSize);
        }
        this.jdbcUrl = jdbcUrl;
        this.user = user == null ? "" : user;
        this.password = password == null ? "" : password;
        this.maxPoolSize = maxPoolSize;
        this.embeddedDirectory = embeddedDirectory;
    }

    /** The embedded H2 database in {@link #DEFAULT_DIRECTORY}. */
    public static DataSourceConfig embeddedDefault() {
        return embedded(DEFAULT_DIRECTORY);
    }

    /** An H2 database in the file {@code truce.mv.db} inside {@code directory}, created if missing. */
    public static DataSourceConfig embedded(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        String file = dir.resolve("truce").toString().replace('\\', '/');
        if (file.contains(";")) {
            throw new IllegalArgumentException("the database directory must not contain ';': " + dir);
        }
        return new DataSourceConfig("jdbc:h2:file:" + file + H2_OPTIONS, "truce", "", DEFAULT_POOL_SIZE, dir);
    }

    /** Any database by its JDBC URL, such as {@code jdbc:postgresql://db.example:5432/truce}. */
    public static DataSourceConfig jdbc(String jdbcUrl, String user, String password) {
        return new DataSourceConfig(jdbcUrl, user, password, DEFAULT_POOL_SIZE, null);
    }

    public DataSourceConfig withMaxPoolSize(int size) {
        return new DataSourceConfig(jdbcUrl, user, password, size, embeddedDirectory);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public int maxPoolSize() {
        return maxPoolSize;
    }

    /** The directory an embedded database lives in; empty for a server database. */
    public Optional<Path> embeddedDirectory() {
        return Optional.ofNullable(embeddedDirectory);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSourceConfig c && c.jdbcUrl.equals(jdbcUrl) && c.user.equals(user)
                && c.password.equals(password) && c.maxPoolSize == maxPoolSize
                && Objects.equals(c.embeddedDirectory, embeddedDirectory);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jdbcUrl, user, maxPoolSize);
    }

    @Override
    public String toString() {
        return "DataSourceConfig[" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
