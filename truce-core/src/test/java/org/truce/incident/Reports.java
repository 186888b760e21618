package org.truce.incident;

import java.time.LocalDate;
import java.util.Map;
import org.truce.geo.GeoPoint;
import org.truce.geo.Sphere;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;

/** Reports for incident tests: a strike at the origin on 20 March, then only what differs. */
final class Reports {

    static final String STRIKE = "Explosions/Remote violence";
    static final String CIVILIANS = "Violence against civilians";
    static final String BATTLE = "Battles";
    static final String PROTEST = "Protests";

    /** The origin of every test map: a point in Donetsk oblast. */
    static final double LAT0 = 48.0;
    static final double LON0 = 37.0;

    private final String id;
    private LocalDate date = LocalDate.parse("2025-03-20");
    private TimePrecision timePrecision = TimePrecision.DAY;
    private String type = STRIKE;
    private double lat = LAT0;
    private double lon = LON0;
    private GeoPrecision geoPrecision = GeoPrecision.EXACT;
    private String source = "OSCE SMM";

    private Reports(String id) {
        this.id = id;
    }

    static Reports report(String id) {
        return new Reports(id);
    }

    Reports on(String isoDate) {
        date = LocalDate.parse(isoDate);
        return this;
    }

    Reports dayKnownTo(TimePrecision p) {
        timePrecision = p;
        return this;
    }

    Reports type(String t) {
        type = t;
        return this;
    }

    /** {@code north_m} metres due north of the origin, along the meridian (exact on the sphere). */
    Reports north_m(double north_m) {
        lat = LAT0 + Sphere.latitudeSpan_deg(north_m);
        lon = LON0;
        return this;
    }

    Reports at(double latitude, double longitude) {
        lat = latitude;
        lon = longitude;
        return this;
    }

    Reports placeKnownTo(GeoPrecision p) {
        geoPrecision = p;
        return this;
    }

    Reports from(String s) {
        source = s;
        return this;
    }

    Report build() {
        return new Report(id, date, timePrecision, type, "", "", "", "Ukraine", "", "", GeoPoint.of(lat, lon),
                geoPrecision, source, "", 0, "", Map.of());
    }
}
