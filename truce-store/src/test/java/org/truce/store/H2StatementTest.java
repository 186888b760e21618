package org.truce.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The statement suite on an H2 file database. */
class H2StatementTest extends StatementContract {

    @TempDir
    Path tempDir;

    @Override
    protected DataSourceConfig freshDatabase() {
        return DataSourceConfig.embedded(tempDir.resolve("truce-data"));
    }
}
