package org.truce.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The access suite on an H2 file database. */
class H2AccessTest extends AccessContract {

    @TempDir
    Path tempDir;

    @Override
    protected DataSourceConfig freshDatabase() {
        return DataSourceConfig.embedded(tempDir.resolve("truce-data"));
    }
}
