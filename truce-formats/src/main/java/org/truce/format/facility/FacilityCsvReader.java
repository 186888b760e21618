package org.truce.format.facility;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.truce.facility.ProtectedObject;
import org.truce.format.FirstSeenIds;
import org.truce.format.ReadCounts;
import org.truce.format.ReadResult;
import org.truce.format.RejectSink;
import org.truce.format.Rejection;
import org.truce.format.csv.CsvHeader;
import org.truce.format.csv.CsvReader;
import org.truce.format.csv.CsvRecord;
import org.truce.format.csv.StringPool;
import org.truce.geo.GeoPoint;

/**
 * Reads protected objects from CSV with the columns {@code facility_id,name,category,latitude,longitude}
 * (found by name, in any order; other columns are ignored). A file without one of them fails before
 * any row is read. A row is rejected, with its line, column and reason, when it is malformed CSV,
 * has the wrong number of fields, an empty id or category, a latitude outside -90..90 or longitude
 * outside -180..180 (or not a number), or an id used on an earlier line. Names may be empty.
 */
public final class FacilityCsvReader {

    public static final List<String> REQUIRED_COLUMNS =
            List.of("facility_id", "name", "category", "latitude", "longitude");

    private final RejectSink rejects;

    /** @param rejects where rows that are not accepted go */
    public FacilityCsvReader(RejectSink rejects) {
        this.rejects = rejects;
    }

    /** Reads {@code file}; the path as given names the file in messages. */
    public ReadResult<ProtectedObject> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads facilities CSV from {@code in} (not closed).
     *
     * @param source how to name the input in messages
     * @throws org.truce.format.FormatException when the header lacks a required column or is unusable
     */
    public ReadResult<ProtectedObject> read(InputStream in, String source) throws IOException {
        CsvReader csv = new CsvReader(in);
        CsvHeader header = CsvHeader.read(csv, source);
        header.require(REQUIRED_COLUMNS);
        int idColumn = header.indexOf("facility_id");
        int nameColumn = header.indexOf("name");
        int categoryColumn = header.indexOf("category");
        int latColumn = header.indexOf("latitude");
        int lonColumn = header.indexOf("longitude");
        StringPool categories = new StringPool();
        FirstSeenIds ids = new FirstSeenIds();
        List<ProtectedObject> accepted = new ArrayList<>();
        long read = 0;
        CsvRecord rec;
        while ((rec = csv.next()) != null) {
            read++;
            String id = rec.fieldCount() > idColumn ? rec.field(idColumn) : "";
            String field;
            String reason;
            double lat = Double.NaN;
            double lon = Double.NaN;
            long firstLine;
            if (rec.isMalformed()) {
                int f = rec.problemField();
                field = f >= 0 && f < header.size() ? header.names().get(f) : "";
                reason = rec.problem();
            } else if (rec.fieldCount() != header.size()) {
                field = "";
                reason = "expected " + header.size() + " fields as in the header, found " + rec.fieldCount();
            } else if (id.isEmpty()) {
                field = "facility_id";
                reason = "empty";
            } else if ((firstLine = ids.firstLineOf(id, rec.line())) >= 0) {
                field = "facility_id";
                reason = "duplicate id, first used on line " + firstLine;
            } else if (rec.isEmpty(categoryColumn)) {
                field = "category";
                reason = "empty";
            } else if ((reason = coordinateProblem(rec, latColumn, lat = rec.doubleValue(latColumn), 90)) != null) {
                field = "latitude";
            } else if ((reason = coordinateProblem(rec, lonColumn, lon = rec.doubleValue(lonColumn), 180)) != null) {
                field = "longitude";
            } else {
                accepted.add(new ProtectedObject(id, rec.field(nameColumn), rec.field(categoryColumn, categories),
                        new GeoPoint(lat, lon)));
                continue;
            }
            rejects.reject(new Rejection(rec.line(), id, field, reason, rec.fields()));
        }
        return new ReadResult<>(accepted, new ReadCounts(read, accepted.size(), read - accepted.size()));
    }

    /** Why the coordinate cannot be used, or null when it can. */
    static String coordinateProblem(CsvRecord rec, int column, double value, double bound) {
        if (rec.isEmpty(column)) {
            return "empty";
        }
        if (Double.isNaN(value)) {
            return "not a number: '" + rec.field(column) + "'";
        }
        if (value < -bound || value > bound) {
            return "'" + rec.field(column) + "' is outside -" + (int) bound + ".." + (int) bound;
        }
        return null;
    }
}
