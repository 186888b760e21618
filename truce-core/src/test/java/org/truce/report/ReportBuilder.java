package org.truce.report;

import java.time.LocalDate;
import java.util.Map;
import org.truce.geo.GeoPoint;
import org.truce.geo.Sphere;

/**
 * Reports for tests, written as the rule they check reads: a Russian strike at the origin
 * (48.0 N, 37.0 E) on 20 March 2025, known to the day and to the place, then only what differs.
 */
public final class ReportBuilder {

    public static final String STRIKE = "Explosions/Remote violence";
    public static final String CIVILIANS = "Violence against civilians";
    public static final String BATTLE = "Battles";
    public static final String PROTEST = "Protests";
    public static final String RUSSIA = "Military Forces of Russia (2000-)";
    public static final String UKRAINE = "Military Forces of Ukraine (2019-)";

    /** The origin of every test map: a point in Donetsk oblast. */
    public static final double LAT0 = 48.0;
    public static final double LON0 = 37.0;

    private final String id;
    private LocalDate date = LocalDate.parse("2025-03-20");
    private TimePrecision timePrecision = TimePrecision.DAY;
    private String type = STRIKE;
    private String subType = "";
    private String actor = RUSSIA;
    private double lat = LAT0;
    private double lon = LON0;
    private GeoPrecision geoPrecision = GeoPrecision.EXACT;
    private String source = "OSCE SMM";
    private String notes = "";
    private String target = "";

    private ReportBuilder(String id) {
        this.id = id;
    }

    public static ReportBuilder report(String id) {
        return new ReportBuilder(id);
    }

    public ReportBuilder on(String isoDate) {
        date = LocalDate.parse(isoDate);
        return this;
    }

    public ReportBuilder dayKnownTo(TimePrecision p) {
        timePrecision = p;
        return this;
    }

    public ReportBuilder type(String t) {
        type = t;
        return this;
    }

    /** ACLED's sub_event_type, empty unless a test needs it. */
    public ReportBuilder subType(String t) {
        subType = t;
        return this;
    }

    public ReportBuilder by(String a) {
        actor = a;
        return this;
    }

    public ReportBuilder at(double latitude, double longitude) {
        lat = latitude;
        lon = longitude;
        return this;
    }

    /** {@code north_m} metres due north of the origin, along the meridian (exact on the sphere). */
    public ReportBuilder north_m(double north_m) {
        lat = LAT0 + Sphere.latitudeSpan_deg(north_m);
        lon = LON0;
        return this;
    }

    public ReportBuilder placeKnownTo(GeoPrecision p) {
        geoPrecision = p;
        return this;
    }

    public ReportBuilder from(String s) {
        source = s;
        return this;
    }

    public ReportBuilder notes(String text) {
        notes = text;
        return this;
    }

    public ReportBuilder target(String text) {
        target = text;
        return this;
    }

    public Report build() {
        return new Report(id, date, timePrecision, type, subType, actor, "", "Ukraine", "", "", GeoPoint.of(lat, lon),
                geoPrecision, source, notes, 0, target, Map.of());
    }
}
