package org.truce.cli;

import java.nio.file.Path;
import org.truce.store.DataSourceConfig;
import picocli.CommandLine.Option;

/** Where the record lives: an embedded H2 database in a folder, or PostgreSQL. */
final class DatabaseOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "Folder of the embedded database (default ${DEFAULT-VALUE}).")
    Path dataDir = Path.of("truce-data");

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Use this database instead (e.g. jdbc:postgresql://host/truce); the password is read"
                    + " from the TRUCE_DB_PASSWORD environment variable.")
    String jdbcUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user for --jdbc-url.")
    String dbUser = "";

    DataSourceConfig config() {
        return jdbcUrl != null
                ? DataSourceConfig.jdbc(jdbcUrl, dbUser, System.getenv().getOrDefault("TRUCE_DB_PASSWORD", ""))
                : DataSourceConfig.embedded(dataDir);
    }
}
