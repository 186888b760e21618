package org.truce.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The access suite on the test run's real PostgreSQL server, a new database per test. */
@ExtendWith(PostgresServer.Extension.class)
class PostgresAccessTest extends AccessContract {

    private static PostgresServer server;

    @BeforeAll
    static void start(PostgresServer running) {
        server = running;
    }

    @Override
    protected DataSourceConfig freshDatabase() {
        return server.freshDatabase();
    }
}
