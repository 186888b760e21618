package org.truce.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The intake group commit suite (issue 4) on the embedded default, an H2 file database. */
class H2IntakeGroupCommitIssue4Test extends IntakeGroupCommitContract {

    @TempDir
    Path tempDir;

    @Override
    protected DataSourceConfig freshDatabase() {
        return DataSourceConfig.embedded(tempDir.resolve("truce-data"));
    }
}
