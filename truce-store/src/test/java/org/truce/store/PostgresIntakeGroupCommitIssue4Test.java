package org.truce.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The intake group commit suite (issue 4) on a real PostgreSQL server started by the test run. */
@ExtendWith(PostgresServer.Extension.class)
class PostgresIntakeGroupCommitIssue4Test extends IntakeGroupCommitContract {

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
