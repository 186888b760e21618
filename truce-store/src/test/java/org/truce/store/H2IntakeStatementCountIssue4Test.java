package org.truce.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** What one intake asks of an H2 file database (issue 4). */
class H2IntakeStatementCountIssue4Test extends IntakeStatementCountContract {

    @TempDir
    Path tempDir;

    @Override
    protected DataSourceConfig freshDatabase() {
        return DataSourceConfig.embedded(tempDir.resolve("truce-data"));
    }

    @Override
    protected String databaseName() {
        return "H2";
    }

    @Override
    protected int joinAloneAtMost() {
        return 24;
    }

    @Override
    protected double joinInGroupAtMost() {
        return 13.7;
    }
}
