package org.truce.publication.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.truce.agreement.Agreement;
import org.truce.agreement.Commitment;
import org.truce.publication.ObservedReport;

/**
 * The export formats of the record's reports and findings, by the name the CLI's {@code --format}
 * and the API's file names use, so both doors write the same bytes for the same reports.
 */
public enum RecordExport {
    ACLED_CSV("acled-csv", "text/csv; charset=utf-8"),
    GEOJSON("geojson", "application/geo+json"),
    JSON("json", "application/json");

    private final String wireName;
    private final String mediaType;

    RecordExport(String wireName, String mediaType) {
        this.wireName = wireName;
        this.mediaType = mediaType;
    }

    public String wireName() {
        return wireName;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<RecordExport> ofWireName(String name) {
        for (RecordExport e : values()) {
            if (e.wireName.equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Writes {@code reports} (with their findings under {@code agreement}) in this format. */
    public void write(Agreement agreement, Map<String, String> sourceNames, List<ObservedReport> reports, Writer out)
            throws IOException {
        switch (this) {
            case ACLED_CSV -> AcledCsvExport.write(reports, agreement.commitments().stream().map(Commitment::id).toList(),
                    out);
            case GEOJSON -> GeoJsonExport.write(reports, out);
            case JSON -> RecordJsonExport.write(agreement.id(), sourceNames, reports, out);
        }
    }
}
