package org.truce.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The repository suite on the embedded default: an H2 file database in a fresh directory. */
class H2RepositoryTest extends RepositoryContract {

    @TempDir
    Path tempDir;

    @Override
    protected DataSourceConfig freshDatabase() {
        // A directory that does not exist yet: opening the database creates it.
        return DataSourceConfig.embedded(tempDir.resolve("truce-data"));
    }

    @Override
    protected String expectedProduct() {
        return "H2";
    }
}
