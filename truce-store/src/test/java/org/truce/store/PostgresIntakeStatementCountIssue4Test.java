package org.truce.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** What one intake asks of a real PostgreSQL server (issue 4): each execution is a round trip. */
@ExtendWith(PostgresServer.Extension.class)
class PostgresIntakeStatementCountIssue4Test extends IntakeStatementCountContract {

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
    protected String databaseName() {
        return "PostgreSQL";
    }

    @Override
    protected int joinAloneAtMost() {
        return 22;
    }

    @Override
    protected double joinInGroupAtMost() {
        return 11.7;
    }
}
