package org.truce.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.truce.store.access.AccessLogRepository;
import org.truce.store.access.AccountRepository;
import org.truce.store.access.CounterClaimRepository;
import org.truce.store.access.SessionRepository;
import org.truce.store.access.TokenRepository;
import org.truce.store.finding.FindingRepository;
import org.truce.store.incident.IncidentRepository;
import org.truce.store.incident.IncidentSettings;
import org.truce.store.record.CosignatureRepository;
import org.truce.store.record.RecordLogRepository;
import org.truce.store.report.EvidenceRepository;
import org.truce.store.report.IntakeRepository;
import org.truce.store.report.IntakeWriter;
import org.truce.store.report.ReportRepository;
import org.truce.store.report.SourceRepository;
import org.truce.store.statement.StatementRepository;

/**
 * An open database: a connection pool on H2 or PostgreSQL, migrated to the newest schema on open,
 * and the repositories on it. Close it to release the pool (and, for H2, the file lock).
 */
public final class Database implements AutoCloseable {

    /** Where the migrations are on the class path; the same set serves H2 and PostgreSQL. */
    public static final String MIGRATIONS = "classpath:db/migration";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Clock clock;
    private final String schemaVersion;
    private final int migrationsApplied;
    /** The one writer of assessed intakes on this database (group commit); started on first use. */
    private IntakeWriter intakeWriter;
    /** The one writer of the access log on this database; started on first use. */
    private AccessLogRepository.Writer accessLogWriter;

    private Database(HikariDataSource dataSource, Clock clock, MigrateResult migrated) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.clock = clock;
        this.migrationsApplied = migrated.migrationsExecuted;
        this.schemaVersion = migrated.targetSchemaVersion != null ? migrated.targetSchemaVersion
                : migrated.initialSchemaVersion;
    }

    /** Opens the database and applies any migration it lacks; timestamps come from the UTC clock. */
    public static Database open(DataSourceConfig config) {
        return open(config, Clock.systemUTC());
    }

    public static Database open(DataSourceConfig config, Clock clock) {
        config.embeddedDirectory().ifPresent(Database::createDirectory);
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setMinimumIdle(1);
        hikari.setPoolName("truce");
        if (config.jdbcUrl().startsWith("jdbc:postgresql:")) {
            // A JDBC batch of inserts goes to PostgreSQL as one multi-row INSERT, not one execution
            // per row: the intake writer's batches (record entries and nodes, held rows) carry tens
            // of rows per commit. pgjdbc leaves a batch that returns generated keys as it was.
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource ds = new HikariDataSource(hikari);
        try {
            MigrateResult migrated = Flyway.configure()
                    .dataSource(ds)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            return new Database(ds, clock, migrated);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The version of the newest migration applied, such as "1". */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** How many migrations this open applied (0 when the schema was already current). */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    public SourceRepository sources() {
        return new SourceRepository(jdbi, clock);
    }

    public ReportRepository reports() {
        return new ReportRepository(jdbi, clock);
    }

    /** The JSON intake; its assessed submissions group each report into incidents by the default settings. */
    public IntakeRepository intake() {
        return new IntakeRepository(jdbi, clock, IncidentSettings.DEFAULT, intakeWriter());
    }

    private synchronized IntakeWriter intakeWriter() {
        if (intakeWriter == null) {
            intakeWriter = new IntakeWriter(jdbi);
        }
        return intakeWriter;
    }

    public IncidentRepository incidents() {
        return new IncidentRepository(jdbi, clock, IncidentSettings.DEFAULT);
    }

    public EvidenceRepository evidence() {
        return new EvidenceRepository(jdbi);
    }

    public FindingRepository findings() {
        return new FindingRepository(jdbi, clock);
    }

    /** The tamper-evident record: the Merkle log, its proofs and checkpoints. */
    public RecordLogRepository record() {
        return new RecordLogRepository(jdbi, clock);
    }

    /** Guarantors' countersignatures of the record's checkpoints (issue 8). */
    public CosignatureRepository cosignatures() {
        return new CosignatureRepository(jdbi, clock);
    }

    public StatementRepository statements() {
        return new StatementRepository(jdbi, clock);
    }

    /** Accounts and their passwords (issue 8). */
    public AccountRepository accounts() {
        return new AccountRepository(jdbi, clock);
    }

    public TokenRepository apiTokens() {
        return new TokenRepository(jdbi, clock);
    }

    public SessionRepository sessions() {
        return new SessionRepository(jdbi, clock);
    }

    /** Who read or changed what; kept apart from the record. */
    public AccessLogRepository accessLog() {
        return new AccessLogRepository(jdbi, clock, accessLogWriter());
    }

    private synchronized AccessLogRepository.Writer accessLogWriter() {
        if (accessLogWriter == null) {
            accessLogWriter = new AccessLogRepository.Writer(jdbi);
        }
        return accessLogWriter;
    }

    public CounterClaimRepository counterClaims() {
        return new CounterClaimRepository(jdbi, clock);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (intakeWriter != null) {
                intakeWriter.close();
            }
            if (accessLogWriter != null) {
                accessLogWriter.close();
            }
        }
        dataSource.close();
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database directory " + dir, e);
        }
    }
}
