package org.truce.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The record suite on an H2 file database in a fresh directory. */
class H2RecordTest extends RecordContract {

    @TempDir
    Path tempDir;

    @Override
    protected DataSourceConfig freshDatabase() {
        return DataSourceConfig.embedded(tempDir.resolve("truce-data"));
    }
}
