package org.truce.assessment;

import java.time.LocalDate;
import java.util.Map;
import org.truce.geo.GeoPoint;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;

/** A readable way to write the reports a test needs: a strike, then only what differs. */
final class TestReports {

    static final String STRIKE = "Explosions/Remote violence";
    static final String RUSSIA = "Military Forces of Russia (2000-)";
    static final String UKRAINE = "Military Forces of Ukraine (2019-)";

    private String id = "UKR1";
    private LocalDate date = LocalDate.parse("2025-03-20");
    private TimePrecision timePrecision = TimePrecision.DAY;
    private String type = STRIKE;
    private String actor = RUSSIA;
    private double lat = 48.0;
    private double lon = 37.0;
    private GeoPrecision geoPrecision = GeoPrecision.EXACT;
    private String notes = "";
    private String target = "";

    static TestReports strike(String id) {
        TestReports r = new TestReports();
        r.id = id;
        return r;
    }

    TestReports on(String isoDate) {
        date = LocalDate.parse(isoDate);
        return this;
    }

    TestReports dayKnownTo(TimePrecision p) {
        timePrecision = p;
        return this;
    }

    TestReports type(String t) {
        type = t;
        return this;
    }

    TestReports by(String a) {
        actor = a;
        return this;
    }

    TestReports at(double latitude, double longitude) {
        lat = latitude;
        lon = longitude;
        return this;
    }

    TestReports placeKnownTo(GeoPrecision p) {
        geoPrecision = p;
        return this;
    }

    TestReports notes(String text) {
        notes = text;
        return this;
    }

    TestReports target(String text) {
        target = text;
        return this;
    }

    Report build() {
        return new Report(id, date, timePrecision, type, "", actor, "", "Ukraine", "", "", GeoPoint.of(lat, lon),
                geoPrecision, "test", notes, 0, target, Map.of());
    }
}
