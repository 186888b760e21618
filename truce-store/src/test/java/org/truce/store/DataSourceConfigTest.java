package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataSourceConfigTest {

    @Test
    void theEmbeddedDatabaseIsAnH2FileInPostgresMode() {
        DataSourceConfig c = DataSourceConfig.embedded(Path.of("some", "dir"));

        assertThat(c.jdbcUrl()).startsWith("jdbc:h2:file:").contains("/some/dir/truce;MODE=PostgreSQL;")
                .contains("DATABASE_TO_LOWER=TRUE").contains("DEFAULT_NULL_ORDERING=HIGH");
        assertThat(c.embeddedDirectory()).contains(Path.of("some", "dir").toAbsolutePath());
        assertThat(DataSourceConfig.embeddedDefault().embeddedDirectory())
                .contains(Path.of("truce-data").toAbsolutePath());
    }

    @Test
    void aServerDatabaseKeepsItsPasswordOutOfLogs() {
        DataSourceConfig c = DataSourceConfig.jdbc("jdbc:postgresql://db:5432/truce", "truce", "s3cret");

        assertThat(c.embeddedDirectory()).isEmpty();
        assertThat(c.toString()).contains("jdbc:postgresql://db:5432/truce").doesNotContain("s3cret");
        assertThatThrownBy(() -> DataSourceConfig.jdbc("postgresql://db", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
