package org.truce.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.truce.agreement.Agreement;
import org.truce.exchange.ExchangeLedger;
import org.truce.facility.ProtectedObject;
import org.truce.format.FormatException;
import org.truce.format.ReadResult;
import org.truce.format.Rejection;
import org.truce.format.agreement.AgreementFormatException;
import org.truce.format.agreement.AgreementJson;
import org.truce.format.agreement.ExchangesJson;
import org.truce.format.agreement.TimelineJson;
import org.truce.format.facility.FacilityCsvReader;
import org.truce.format.facility.FacilityGeoJsonReader;
import org.truce.format.geojson.ZoneGeoJsonReader;
import org.truce.store.Sha256;
import org.truce.store.finding.FindingBasis;
import org.truce.timeline.Timeline;
import org.truce.zone.Zone;

/**
 * The agreement a server assesses reports against and the reference data it needs (protected
 * objects, zones), with a version label for each: findings record them, so when a file changes
 * the findings computed on the old one can be found and recomputed. Labels read from files are
 * the SHA-256 of their bytes.
 *
 * <p>The exchange ledger and the process timeline come from the agreement's companion files; they
 * are shown, not assessed, so they take no part in the version labels: changing them leaves every
 * finding as it is.
 *
 * @param facilityRejections rows of the facility files that were not accepted (the server starts
 *     without them and logs them)
 * @param exchanges the prisoner exchanges with every source's figures; empty without a file
 * @param timeline the meetings and milestones with their status history; empty without a file
 */
public record ReferenceData(
        Agreement agreement,
        String agreementVersion,
        List<ProtectedObject> objects,
        List<Zone> zones,
        String referenceVersion,
        List<Rejection> facilityRejections,
        ExchangeLedger exchanges,
        Timeline timeline) {

    public ReferenceData {
        if (agreement == null) {
            throw new IllegalArgumentException("reference data needs an agreement");
        }
        objects = List.copyOf(objects);
        zones = List.copyOf(zones);
        facilityRejections = List.copyOf(facilityRejections);
        exchanges = exchanges != null ? exchanges : new ExchangeLedger(agreement, List.of(), List.of());
        timeline = timeline != null ? timeline : new Timeline(agreement, List.of(), List.of());
        new FindingBasis(agreement.id(), agreementVersion, referenceVersion); // checks the labels
    }

    /** Reference data built in code, with labels chosen by the caller. */
    public static ReferenceData of(Agreement agreement, String agreementVersion, List<ProtectedObject> objects,
            List<Zone> zones, String referenceVersion) {
        return new ReferenceData(agreement, agreementVersion, objects, zones, referenceVersion, List.of(), null,
                null);
    }

    /**
     * Reads the agreement, the facility files (GeoJSON when the name ends in .geojson or .json,
     * else CSV) and the zone files (GeoJSON).
     *
     * @throws AgreementFormatException when the agreement is not valid, with every problem
     * @throws FormatException when a facility file's header or a zone file is unusable
     * @throws IOException when a file cannot be read
     */
    public static ReferenceData load(Path agreementFile, List<Path> facilityFiles, List<Path> zoneFiles)
            throws IOException, AgreementFormatException {
        Agreement agreement = AgreementJson.load(agreementFile);
        String agreementVersion = Sha256.hex(Files.readAllBytes(agreementFile));
        StringBuilder reference = new StringBuilder();
        List<Rejection> rejections = new ArrayList<>();
        List<ProtectedObject> objects = new ArrayList<>();
        for (Path f : facilityFiles) {
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            ReadResult<ProtectedObject> read = name.endsWith(".geojson") || name.endsWith(".json")
                    ? new FacilityGeoJsonReader(rejections::add).read(f)
                    : new FacilityCsvReader(rejections::add).read(f);
            objects.addAll(read.items());
            reference.append("facilities ").append(Sha256.hex(Files.readAllBytes(f))).append('\n');
        }
        List<Zone> zones = new ArrayList<>();
        for (Path f : zoneFiles) {
            zones.addAll(new ZoneGeoJsonReader().read(f));
            reference.append("zones ").append(Sha256.hex(Files.readAllBytes(f))).append('\n');
        }
        return new ReferenceData(agreement, agreementVersion, objects, zones, Sha256.hex(reference.toString()),
                rejections, null, null);
    }

    /**
     * The same data with the exchange ledger and the timeline read from their files; a null file
     * leaves that part empty. The files are checked against this agreement.
     *
     * @throws AgreementFormatException when a file is not valid, with every problem (file, line,
     *     column, JSON path)
     * @throws IOException when a file cannot be read
     */
    public ReferenceData withCompanions(Path exchangesFile, Path timelineFile)
            throws IOException, AgreementFormatException {
        ExchangeLedger ledger = exchangesFile == null ? null : ExchangesJson.load(exchangesFile, agreement);
        Timeline milestones = timelineFile == null ? null : TimelineJson.load(timelineFile, agreement);
        return new ReferenceData(agreement, agreementVersion, objects, zones, referenceVersion, facilityRejections,
                ledger, milestones);
    }

    /** What findings computed on this data record. */
    public FindingBasis basis() {
        return new FindingBasis(agreement.id(), agreementVersion, referenceVersion);
    }
}
