package org.truce.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The agreement and reference files a command assesses against, given one by one or as a folder. */
final class ReferenceOptions {

    @Option(names = "--in", paramLabel = "DIR",
            description = "A folder holding agreement.json, facilities.csv or facilities.geojson, and zones as"
                    + " other *.geojson files. Files given as options as well win.")
    Path inDir;

    @Option(names = "--agreement", paramLabel = "FILE", description = "Agreement JSON file.")
    Path agreementFile;

    @Option(names = "--facilities", paramLabel = "FILE",
            description = "Protected objects, CSV (facility_id,name,category,latitude,longitude) or GeoJSON points."
                    + " Repeatable.")
    List<Path> facilityFiles = List.of();

    @Option(names = "--zones", paramLabel = "FILE",
            description = "Zones as GeoJSON (LineString for a line of contact, Polygon for an area). Repeatable.")
    List<Path> zoneFiles = List.of();

    /** The folder's conventional files, where no option named them; checks they can be read. */
    Inputs.Folder resolve(CommandLine commandLine) throws IOException {
        Inputs.Folder folder = inDir == null ? null : Inputs.Folder.of(inDir);
        Path agreement = agreementFile != null ? agreementFile : folder == null ? null : folder.agreement();
        if (agreement == null) {
            throw new CommandLine.ParameterException(commandLine, "give --agreement FILE, or --in DIR holding agreement.json");
        }
        List<Path> facilities = !facilityFiles.isEmpty() || folder == null ? facilityFiles : folder.facilities();
        List<Path> zones = !zoneFiles.isEmpty() || folder == null ? zoneFiles : folder.zones();
        Inputs.requireReadable(agreement, "--agreement");
        facilities.forEach(f -> Inputs.requireReadable(f, "--facilities"));
        zones.forEach(f -> Inputs.requireReadable(f, "--zones"));
        return new Inputs.Folder(agreement, folder == null ? null : folder.events(), facilities, zones);
    }
}
