package org.truce.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cosignature suite on the test run's real PostgreSQL server, a new database per test. */
@ExtendWith(PostgresServer.Extension.class)
class PostgresCosignatureTest extends CosignatureContract {

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
