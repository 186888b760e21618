package org.truce.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.truce.format.agreement.ExchangesJson;
import org.truce.format.agreement.TimelineJson;
import org.truce.store.DataSourceConfig;

/**
 * What a {@link TruceServer} needs to start: where it listens, where its database is, and the
 * agreement and reference data (facility lists, zones) it assesses reports against. Immutable;
 * change it with the {@code with...} methods. {@link #toString()} never shows the database password.
 *
 * @param host the address to bind; {@value #DEFAULT_HOST} by default, so the API is reachable
 *     from this machine only until someone decides otherwise
 * @param port the port to listen on, 0 for any free one
 * @param database the embedded H2 directory or a JDBC URL (see {@link DataSourceConfig})
 * @param agreementFile the agreement JSON; required before the server can start
 * @param facilityFiles protected objects, CSV or GeoJSON (by extension), possibly none
 * @param zoneFiles zones as GeoJSON, possibly none
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 * @param evidenceDirectory where uploaded evidence files are kept; {@code null}: {@code evidence} in
 *     the embedded database's directory, or {@code truce-data/evidence} with a database server
 * @param maxEvidenceBytes the largest evidence file accepted; larger ones get 413
 * @param exchangesFile the agreement's exchanges.json, or null: no exchange recorded
 * @param timelineFile the agreement's timeline.json, or null: no milestone recorded
 * @param access cookies, session lifetime, rate limits and coordinate rounding (docs/security.md)
 * @param map the dashboard map's base layer: bundled outlines only, or tiles from a configured server
 */
public record ServerConfig(
        String host,
        int port,
        DataSourceConfig database,
        Path agreementFile,
        List<Path> facilityFiles,
        List<Path> zoneFiles,
        long maxBodyBytes,
        Path evidenceDirectory,
        long maxEvidenceBytes,
        Path exchangesFile,
        Path timelineFile,
        AccessSettings access,
        MapSettings map) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    /** 1 MiB: a report is a few kilobytes; this leaves room for long notes. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;

    public ServerConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the host to bind must not be empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (database == null) {
            throw new IllegalArgumentException("the server needs a database");
        }
        facilityFiles = List.copyOf(facilityFiles);
        zoneFiles = List.copyOf(zoneFiles);
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the body limit must be at least 1024 bytes, got " + maxBodyBytes);
        }
        if (map == null) {
            throw new IllegalArgumentException("the server needs its map settings (MapSettings.offline() for none)");
        }
        if (access == null) {
            throw new IllegalArgumentException("the server needs its access settings");
        }
        if (maxEvidenceBytes < 1) {
            throw new IllegalArgumentException("the evidence file limit must be at least 1 byte, got "
                    + maxEvidenceBytes);
        }
    }

    /** Where evidence files go and how large they may be, with the default folder resolved. */
    public EvidenceSettings evidence() {
        Path dir = evidenceDirectory != null ? evidenceDirectory
                : database.embeddedDirectory().orElse(DataSourceConfig.DEFAULT_DIRECTORY).resolve("evidence");
        return new EvidenceSettings(dir, maxEvidenceBytes);
    }

    public ServerConfig withEvidenceDirectory(Path directory) {
        return new ServerConfig(host, port, database, agreementFile, facilityFiles, zoneFiles, maxBodyBytes,
                directory, maxEvidenceBytes, exchangesFile, timelineFile, access, map);
    }

    public ServerConfig withMaxEvidenceBytes(long bytes) {
        return new ServerConfig(host, port, database, agreementFile, facilityFiles, zoneFiles, maxBodyBytes,
                evidenceDirectory, bytes, exchangesFile, timelineFile, access, map);
    }

    /**
     * Listens on {@value #DEFAULT_HOST}:{@value #DEFAULT_PORT}, keeps its data in an H2 file under
     * {@code ./truce-data}, and has no agreement yet.
     */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DataSourceConfig.embeddedDefault(), null, List.of(),
                List.of(), DEFAULT_MAX_BODY_BYTES, null, EvidenceSettings.DEFAULT_MAX_BYTES, null, null,
                AccessSettings.defaults(), MapSettings.offline());
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, database, agreementFile, facilityFiles, zoneFiles, maxBodyBytes,
                evidenceDirectory, maxEvidenceBytes, exchangesFile, timelineFile, access, map);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, database, agreementFile, facilityFiles, zoneFiles, maxBodyBytes,
                evidenceDirectory, maxEvidenceBytes, exchangesFile, timelineFile, access, map);
    }

    public ServerConfig withDatabase(DataSourceConfig newDatabase) {
        return new ServerConfig(host, port, newDatabase, agreementFile, facilityFiles, zoneFiles, maxBodyBytes,
                evidenceDirectory, maxEvidenceBytes, exchangesFile, timelineFile, access, map);
    }

    /** The embedded H2 database in {@code directory} (created on first start). */
    public ServerConfig withDataDirectory(Path directory) {
        return withDatabase(DataSourceConfig.embedded(directory));
    }

    /** A database server by JDBC URL, in production PostgreSQL. */
    public ServerConfig withJdbc(String jdbcUrl, String user, String password) {
        return withDatabase(DataSourceConfig.jdbc(jdbcUrl, user, password));
    }

    public ServerConfig withAgreement(Path file) {
        return new ServerConfig(host, port, database, file, facilityFiles, zoneFiles, maxBodyBytes,
                evidenceDirectory, maxEvidenceBytes, exchangesFile, timelineFile, access, map);
    }

    public ServerConfig withFacilities(List<Path> files) {
        return new ServerConfig(host, port, database, agreementFile, files, zoneFiles, maxBodyBytes,
                evidenceDirectory, maxEvidenceBytes, exchangesFile, timelineFile, access, map);
    }

    public ServerConfig withZones(List<Path> files) {
        return new ServerConfig(host, port, database, agreementFile, facilityFiles, files, maxBodyBytes,
                evidenceDirectory, maxEvidenceBytes, exchangesFile, timelineFile, access, map);
    }

    public ServerConfig withMaxBodyBytes(long bytes) {
        return new ServerConfig(host, port, database, agreementFile, facilityFiles, zoneFiles, bytes,
                evidenceDirectory, maxEvidenceBytes, exchangesFile, timelineFile, access, map);
    }

    public ServerConfig withAccess(AccessSettings settings) {
        return new ServerConfig(host, port, database, agreementFile, facilityFiles, zoneFiles, maxBodyBytes,
                evidenceDirectory, maxEvidenceBytes, exchangesFile, timelineFile, settings, map);
    }

    public ServerConfig withMap(MapSettings settings) {
        return new ServerConfig(host, port, database, agreementFile, facilityFiles, zoneFiles, maxBodyBytes,
                evidenceDirectory, maxEvidenceBytes, exchangesFile, timelineFile, access, settings);
    }

    public ServerConfig withExchanges(Path file) {
        return new ServerConfig(host, port, database, agreementFile, facilityFiles, zoneFiles, maxBodyBytes,
                evidenceDirectory, maxEvidenceBytes, file, timelineFile, access, map);
    }

    public ServerConfig withTimeline(Path file) {
        return new ServerConfig(host, port, database, agreementFile, facilityFiles, zoneFiles, maxBodyBytes,
                evidenceDirectory, maxEvidenceBytes, exchangesFile, file, access, map);
    }

    /**
     * The companion files that sit beside the agreement file ({@value ExchangesJson#FILE_NAME},
     * {@value TimelineJson#FILE_NAME}), as {@code truce agreement show} reads them; a missing one
     * leaves its ledger empty.
     */
    public ServerConfig withCompanionFiles() {
        if (agreementFile == null) {
            throw new IllegalStateException("name the agreement file before its companion files");
        }
        Path exchanges = agreementFile.resolveSibling(ExchangesJson.FILE_NAME);
        Path timeline = agreementFile.resolveSibling(TimelineJson.FILE_NAME);
        return withExchanges(Files.exists(exchanges) ? exchanges : null)
                .withTimeline(Files.exists(timeline) ? timeline : null);
    }
}
