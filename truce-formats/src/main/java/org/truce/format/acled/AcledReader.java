package org.truce.format.acled;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.truce.format.FirstSeenIds;
import org.truce.format.ReadCounts;
import org.truce.format.RejectSink;
import org.truce.format.Rejection;
import org.truce.format.csv.CsvHeader;
import org.truce.format.csv.CsvReader;
import org.truce.format.csv.CsvRecord;
import org.truce.format.csv.StringPool;
import org.truce.geo.GeoPoint;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.target.TargetScreen;

/**
 * Reads an ACLED-style CSV export into {@link Report}s, streaming: each accepted row goes to the
 * consumer as soon as it is read, so memory stays flat whatever the file size (only the ids are
 * kept, to catch duplicates).
 *
 * <p>Columns are found by their exact ACLED names, in any order. Required: {@code event_id_cnty},
 * {@code event_date}, {@code event_type}, {@code latitude}, {@code longitude}; a file without one
 * of them fails before any row is read. Optional, with defaults when the column is absent or the
 * value empty: {@code time_precision} (1), {@code geo_precision} (1), {@code fatalities} (0), and
 * the text columns {@code sub_event_type}, {@code actor1}, {@code actor2}, {@code country},
 * {@code admin1}, {@code location}, {@code source}, {@code notes} and Truce's own {@code target}
 * (""). Every other column goes to {@link Report#extra()}.
 *
 * <p>{@code event_date} is {@code yyyy-MM-dd} or ACLED's older {@code 18 March 2025}. A row is
 * rejected, with its line, the column and the reason, when it is malformed CSV, has the wrong
 * number of fields, an empty id or event type, a bad date, a latitude outside -90..90 or longitude
 * outside -180..180 (or not a number), a precision other than 1, 2 or 3, fatalities that are not
 * a non-negative integer, or an id already used on an earlier line. An id counts as used once a
 * well-formed row carried it, even if that row was rejected for another reason: two rows with one
 * id are ambiguous whichever of them is broken. Only the first problem of a row is reported.
 */
public final class AcledReader {

    public static final List<String> REQUIRED_COLUMNS =
            List.of("event_id_cnty", "event_date", "event_type", "latitude", "longitude");

    /** Every column Truce interprets; the rest are kept verbatim in {@link Report#extra()}. */
    public static final List<String> KNOWN_COLUMNS = List.of(
            "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
            "actor2", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
            "notes", "fatalities", "target");

    private static final String[] MONTH_NAMES = new String[12];

    static {
        for (Month m : Month.values()) {
            MONTH_NAMES[m.ordinal()] = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }
    }

    private final RejectSink rejects;

    /** @param rejects where rows that are not accepted go */
    public AcledReader(RejectSink rejects) {
        this.rejects = rejects;
    }

    /** Reads {@code file}; the path as given names the file in messages. */
    public ReadCounts read(Path file, Consumer<? super Report> out) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), out);
        }
    }

    /**
     * Reads ACLED CSV from {@code in} (not closed), handing each accepted report to {@code out}.
     *
     * @param source how to name the input in messages
     * @throws org.truce.format.FormatException when the header lacks a required column or is unusable
     */
    public ReadCounts read(InputStream in, String source, Consumer<? super Report> out) throws IOException {
        CsvReader csv = new CsvReader(in);
        CsvHeader header = CsvHeader.read(csv, source);
        header.require(REQUIRED_COLUMNS);
        RowDecoder decoder = new RowDecoder(header);
        FirstSeenIds ids = new FirstSeenIds();
        long read = 0;
        long rejected = 0;
        CsvRecord rec;
        while ((rec = csv.next()) != null) {
            read++;
            Decoded row = decoder.decode(rec);
            CsvRecord current = rec;
            Rejection problem = row.rejectionGiven(ids, line -> current.fields());
            if (problem != null) {
                rejected++;
                rejects.reject(problem);
            } else {
                out.accept(row.report());
            }
        }
        return new ReadCounts(read, read - rejected, rejected);
    }

    /**
     * One row, decoded but not yet checked for a repeated id, which needs the rows before it:
     * readers that decode in parallel make that check in file order with
     * {@link #rejectionGiven(FirstSeenIds)}.
     *
     * @param idForDuplicates the row's id when the row is well-formed enough to claim it, else null
     * @param report the report, or null when the row was rejected or passed over by a {@link RowScreen}
     * @param passCode the screen's code for a row passed over, else {@link RowScreen#MAKE_REPORT}
     */
    public record Decoded(long line, String idForDuplicates, Report report, Rejection rejection, int passCode) {

        /** Whether the row was well-formed but passed over by the decoder's {@link RowScreen}. */
        public boolean passedOver() {
            return report == null && rejection == null;
        }

        /** The same row without its report, for holding on to many rows cheaply. */
        public Decoded withoutReport() {
            return report == null ? this : new Decoded(line, idForDuplicates, null, rejection, passCode);
        }

        /**
         * The rejection of this row given the ids seen before it, recording its id as seen.
         * {@code rawFieldsAtLine} gives the fields of the row on a line, for a duplicate; accepted
         * rows do not keep them, which would cost a copy of every row for a case that is rare.
         */
        public Rejection rejectionGiven(FirstSeenIds ids, java.util.function.LongFunction<List<String>> rawFieldsAtLine) {
            if (idForDuplicates != null) {
                long first = ids.firstLineOf(idForDuplicates, line);
                if (first >= 0) {
                    return new Rejection(line, idForDuplicates, "event_id_cnty",
                            "duplicate id, first used on line " + first,
                            rejection != null ? rejection.raw() : rawFieldsAtLine.apply(line));
                }
            }
            return rejection;
        }
    }

    /**
     * Turns CSV records into reports for one header. Keeps per-thread caches (shared strings,
     * dates), so each thread needs its own; {@link #copy()} makes one.
     */
    public static final class RowDecoder {
        private final Run run;

        public RowDecoder(CsvHeader header) {
            this(header, DayFilter.ALL);
        }

        /** A decoder that passes over the rows whose day {@code days} does not want. */
        public RowDecoder(CsvHeader header, DayFilter days) {
            this(header, RowScreen.byDay(days));
        }

        /** A decoder that passes over the rows {@code screen} gives a code. */
        public RowDecoder(CsvHeader header, RowScreen screen) {
            this.run = new Run(header, screen);
        }

        public RowDecoder copy() {
            return new RowDecoder(run.header, run.screen);
        }

        public Decoded decode(CsvRecord rec) {
            return run.decode(rec);
        }
    }

    /** Stands for a row checked but passed over; never leaves this class. */
    private static final Report PASSED_OVER = new Report("passed over", LocalDate.EPOCH, TimePrecision.DAY, "-", "", "", "", "", "", "", new GeoPoint(0, 0),
            GeoPrecision.EXACT, "", "", 0, "", Map.of());

    /** Column positions and caches for decoding the rows of one header. */
    private static final class Run implements RowScreen.Row {

        private final CsvHeader header;
        private final RowScreen screen;
        private final List<String> names;
        private final int columns;
        private final int id;
        private final int date;
        private final int timePrecision;
        private final int eventType;
        private final int subEventType;
        private final int actor1;
        private final int actor2;
        private final int country;
        private final int admin1;
        private final int location;
        private final int latitude;
        private final int longitude;
        private final int geoPrecision;
        private final int source;
        private final int notes;
        private final int fatalities;
        private final int target;
        private final int[] extraIndex;
        private final String[] extraName;
        private final StringPool[] extraPool;
        // Columns whose few values repeat on every row get a pool; ids, dates and notes do not.
        private final StringPool eventTypes = new StringPool();
        private final StringPool subEventTypes = new StringPool();
        private final StringPool actors = new StringPool();
        private final StringPool places = new StringPool(4096, 128);
        private final StringPool sources = new StringPool(4096, 256);
        // A file spans few distinct days: pooling their text saves a string per row.
        private final StringPool dates = new StringPool();
        private final LocalDate[] dateCache = new LocalDate[1024];
        private final int[] dateCacheKeys = new int[1024];
        /** Set while decoding a row that already claimed its id, for rejections after that point. */
        private String claimedId;

        Run(CsvHeader header, RowScreen screen) {
            this.header = header;
            this.screen = screen;
            this.names = header.names();
            this.columns = header.size();
            id = header.indexOf("event_id_cnty");
            date = header.indexOf("event_date");
            timePrecision = header.indexOf("time_precision");
            eventType = header.indexOf("event_type");
            subEventType = header.indexOf("sub_event_type");
            actor1 = header.indexOf("actor1");
            actor2 = header.indexOf("actor2");
            country = header.indexOf("country");
            admin1 = header.indexOf("admin1");
            location = header.indexOf("location");
            latitude = header.indexOf("latitude");
            longitude = header.indexOf("longitude");
            geoPrecision = header.indexOf("geo_precision");
            source = header.indexOf("source");
            notes = header.indexOf("notes");
            fatalities = header.indexOf("fatalities");
            target = header.indexOf("target");
            List<Integer> extras = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (!KNOWN_COLUMNS.contains(names.get(i))) {
                    extras.add(i);
                }
            }
            extraIndex = extras.stream().mapToInt(Integer::intValue).toArray();
            extraName = new String[extraIndex.length];
            extraPool = new StringPool[extraIndex.length];
            for (int k = 0; k < extraIndex.length; k++) {
                extraName[k] = names.get(extraIndex[k]);
                extraPool[k] = new StringPool();
            }
        }

        Decoded decode(CsvRecord rec) {
            claimedId = null;
            Report report = toReport(rec);
            String id = claimedId;
            claimedId = null;
            if (report == PASSED_OVER) {
                return new Decoded(rec.line(), id, null, null, passCode);
            }
            if (report != null) {
                return new Decoded(rec.line(), id, report, null, RowScreen.MAKE_REPORT);
            }
            return new Decoded(rec.line(), id, null, lastRejection, RowScreen.MAKE_REPORT);
        }

        // The row being screened: set just before the screen looks at it, as RowScreen.Row.
        private CsvRecord screened;
        private LocalDate screenedDay;
        private TimePrecision screenedTimePrecision;
        private String screenedEventType;
        private double screenedLat;
        private double screenedLon;
        private GeoPrecision screenedGeoPrecision;
        private int passCode;

        @Override
        public LocalDate day() {
            return screenedDay;
        }

        @Override
        public TimePrecision timePrecision() {
            return screenedTimePrecision;
        }

        @Override
        public String eventType() {
            return screenedEventType;
        }

        @Override
        public double latitude() {
            return screenedLat;
        }

        @Override
        public double longitude() {
            return screenedLon;
        }

        @Override
        public GeoPrecision geoPrecision() {
            return screenedGeoPrecision;
        }

        /** Made once: a method reference made per row was an allocation per row. */
        private final java.util.function.Predicate<TargetScreen> textTest = this::textMayMatch;

        @Override
        public java.util.function.Predicate<TargetScreen> textTest() {
            return textTest;
        }

        @Override
        public boolean textMayMatch(TargetScreen test) {
            CsvRecord rec = screened;
            return target >= 0 && !rec.isEmpty(target) && rec.testBytes(target, test::mayMatch)
                    || notes >= 0 && !rec.isEmpty(notes) && rec.testBytes(notes, test::mayMatch);
        }

        private Rejection lastRejection;

        /** The row as a report, or null after reporting why it was rejected. */
        private Report toReport(CsvRecord rec) {
            if (rec.isMalformed()) {
                int f = rec.problemField();
                String idText = rec.fieldCount() > id && f != id ? rec.field(id) : "";
                return reject(rec, idText, f >= 0 && f < columns ? names.get(f) : "", rec.problem());
            }
            if (rec.fieldCount() != columns) {
                String idText = rec.fieldCount() > id ? rec.field(id) : "";
                return reject(rec, idText, "", "expected " + columns + " fields as in the header, found "
                        + rec.fieldCount());
            }
            String idText = rec.field(id);
            if (idText.isEmpty()) {
                return reject(rec, "", "event_id_cnty", "empty");
            }
            claimedId = idText;
            LocalDate day;
            try {
                // The usual yyyy-MM-dd straight from the bytes; any other form, or a problem, takes the String path.
                int key = rec.intFromBytes(date, AcledReader::isoDayKey);
                day = key >= 0 ? cachedDate(key, rec) : date(rec.field(date, dates));
            } catch (IllegalArgumentException e) {
                return reject(rec, idText, "event_date", e.getMessage());
            }
            if (rec.isEmpty(eventType)) {
                return reject(rec, idText, "event_type", "empty");
            }
            double lat = rec.doubleValue(latitude);
            String problem = coordinateProblem(rec, latitude, lat, 90);
            if (problem != null) {
                return reject(rec, idText, "latitude", problem);
            }
            double lon = rec.doubleValue(longitude);
            problem = coordinateProblem(rec, longitude, lon, 180);
            if (problem != null) {
                return reject(rec, idText, "longitude", problem);
            }
            long tp = precision(rec, timePrecision);
            if (tp < 0) {
                return reject(rec, idText, "time_precision", precisionProblem(rec, timePrecision));
            }
            long gp = precision(rec, geoPrecision);
            if (gp < 0) {
                return reject(rec, idText, "geo_precision", precisionProblem(rec, geoPrecision));
            }
            long dead = 0;
            if (fatalities >= 0 && !rec.isEmpty(fatalities)) {
                dead = rec.longValue(fatalities);
                if (dead == CsvRecord.NOT_AN_INTEGER) {
                    return reject(rec, idText, "fatalities", "not a whole number: '" + rec.field(fatalities) + "'");
                }
                if (dead < 0) {
                    return reject(rec, idText, "fatalities", "negative: " + dead);
                }
                if (dead > Integer.MAX_VALUE) {
                    return reject(rec, idText, "fatalities", "implausibly large: " + dead);
                }
            }
            TimePrecision timePrecision = TimePrecision.ofCode((int) tp);
            screened = rec;
            screenedDay = day;
            screenedTimePrecision = timePrecision;
            screenedEventType = rec.field(eventType, eventTypes);
            screenedLat = lat;
            screenedLon = lon;
            screenedGeoPrecision = GeoPrecision.ofCode((int) gp);
            passCode = screen.screen(this);
            screened = null;
            if (passCode != RowScreen.MAKE_REPORT) {
                return PASSED_OVER;
            }
            try {
                return new Report(
                        idText,
                        day,
                        timePrecision,
                        screenedEventType,
                        text(rec, subEventType, subEventTypes),
                        text(rec, actor1, actors),
                        text(rec, actor2, actors),
                        text(rec, country, places),
                        text(rec, admin1, places),
                        text(rec, location, places),
                        new GeoPoint(lat, lon),
                        screenedGeoPrecision,
                        text(rec, source, sources),
                        notes < 0 ? "" : rec.field(notes),
                        (int) dead,
                        target < 0 ? "" : rec.field(target),
                        extras(rec));
            } catch (IllegalArgumentException e) {
                // The checks above should make this unreachable; it keeps one odd row from ending the run.
                return reject(rec, idText, "", e.getMessage());
            }
        }

        private Map<String, String> extras(CsvRecord rec) {
            int n = extraIndex.length;
            if (n == 0) {
                return Map.of();
            }
            if (n == 1) {
                return Map.of(extraName[0], rec.field(extraIndex[0], extraPool[0]));
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            Map.Entry<String, String>[] entries = new Map.Entry[n];
            for (int k = 0; k < n; k++) {
                entries[k] = Map.entry(extraName[k], rec.field(extraIndex[k], extraPool[k]));
            }
            // Already immutable, so Report's Map.copyOf keeps it as it is.
            return Map.ofEntries(entries);
        }

        /**
         * Dates through a small cache: a file spans few distinct days, and sharing their
         * {@code LocalDate}s saves both the calendar checks and memory in retained reports.
         */
        private LocalDate date(String s) {
            int key = dateKey(s);
            int slot = key & (dateCache.length - 1);
            LocalDate d = dateCache[slot];
            if (d == null || dateCacheKeys[slot] != key) {
                d = toDate(key, s);
                dateCache[slot] = d;
                dateCacheKeys[slot] = key;
            }
            return d;
        }

        /**
         * The same for a key {@link #isoDayKey} read from the row's bytes; the field's text is made
         * only on a cache miss, for the message of a day the calendar does not have.
         */
        private LocalDate cachedDate(int key, CsvRecord rec) {
            int slot = key & (dateCache.length - 1);
            LocalDate d = dateCache[slot];
            if (d == null || dateCacheKeys[slot] != key) {
                d = toDate(key, rec.field(date));
                dateCache[slot] = d;
                dateCacheKeys[slot] = key;
            }
            return d;
        }

        private static String text(CsvRecord rec, int column, StringPool pool) {
            return column < 0 ? "" : rec.field(column, pool);
        }

        private static String coordinateProblem(CsvRecord rec, int column, double value, double bound) {
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

        /** The precision code 1..3 (1 when the column is absent or empty), or -1 when invalid. */
        private static long precision(CsvRecord rec, int column) {
            if (column < 0 || rec.isEmpty(column)) {
                return 1;
            }
            long v = rec.longValue(column);
            return v >= 1 && v <= 3 ? v : -1;
        }

        private static String precisionProblem(CsvRecord rec, int column) {
            return "must be 1, 2 or 3, found '" + rec.field(column) + "'";
        }

        private Report reject(CsvRecord rec, String idText, String field, String reason) {
            lastRejection = new Rejection(rec.line(), idText, field, reason, rec.fields());
            return null;
        }
    }

    /**
     * Parses {@code yyyy-MM-dd} or {@code d MMMM yyyy} (English month name, any case).
     *
     * @throws IllegalArgumentException with a reason fit for a reject file
     */
    static LocalDate parseDate(String s) {
        int key = dateKey(s);
        return toDate(key, s);
    }

    /**
     * The key {@link #dateKey} gives for {@code yyyy-MM-dd} in {@code utf8[from, to)}, read from
     * the bytes; -1 for anything else (other forms, and every problem, go the String way).
     */
    static int isoDayKey(byte[] utf8, int from, int to) {
        if (to - from != 10 || utf8[from + 4] != '-' || utf8[from + 7] != '-') {
            return -1;
        }
        int year = 0;
        for (int i = from; i < from + 4; i++) {
            int d = utf8[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            year = year * 10 + d;
        }
        int m1 = utf8[from + 5] - '0';
        int m2 = utf8[from + 6] - '0';
        int d1 = utf8[from + 8] - '0';
        int d2 = utf8[from + 9] - '0';
        if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) {
            return -1;
        }
        int month = m1 * 10 + m2;
        int day = d1 * 10 + d2;
        if (month > 15 || day > 31) {
            return -1;
        }
        return year * 512 + month * 32 + day;
    }

    /** The date in s as year * 512 + month * 32 + day, not yet checked against the calendar. */
    static int dateKey(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        int year;
        int month;
        int day;
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            year = digits(s, 0, 4);
            month = digits(s, 5, 7);
            day = digits(s, 8, 10);
        } else {
            int a = s.indexOf(' ');
            int b = s.lastIndexOf(' ');
            if (a < 1 || a > 2 || b == a || b != s.length() - 5) {
                throw notADate(s);
            }
            day = digits(s, 0, a);
            month = monthNumber(s.substring(a + 1, b));
            year = digits(s, b + 1, s.length());
        }
        if (year < 0 || month < 0 || day < 0 || month > 15 || day > 31) {
            throw notADate(s);
        }
        return year * 512 + month * 32 + day;
    }

    private static LocalDate toDate(int key, String s) {
        try {
            return LocalDate.of(key / 512, key / 32 % 16, key % 32);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("no such date: '" + s + "'");
        }
    }

    private static IllegalArgumentException notADate(String s) {
        return new IllegalArgumentException("not a date (expected yyyy-MM-dd or '18 March 2025'): '" + s + "'");
    }

    /** The decimal number in s[from, to), or -1 if any character there is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int monthNumber(String name) {
        for (int m = 0; m < 12; m++) {
            if (MONTH_NAMES[m].equalsIgnoreCase(name)) {
                return m + 1;
            }
        }
        return -1;
    }
}
