package org.truce.report;

import java.time.LocalDate;
import java.util.Map;
import org.truce.geo.GeoPoint;

/**
 * One source's account of one event (an ACLED row is one). {@code actor1} is who the source
 * says acted: a claim, not a fact. {@code target} is an explicit target description when the
 * source gives one (empty otherwise); {@code notes} is the free text in its original language.
 * {@code extra} keeps columns Truce does not interpret, so nothing read is lost.
 */
public record Report(
        String id,
        LocalDate eventDate,
        TimePrecision timePrecision,
        String eventType,
        String subEventType,
        String actor1,
        String actor2,
        String country,
        String admin1,
        String location,
        GeoPoint point,
        GeoPrecision geoPrecision,
        String source,
        String notes,
        int fatalities,
        String target,
        Map<String, String> extra) {

    public Report {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a report needs an id");
        }
        if (eventDate == null || timePrecision == null || point == null || geoPrecision == null) {
            throw new IllegalArgumentException("report " + id + " needs a date, a place and their precisions");
        }
        if (eventType == null || eventType.isEmpty()) {
            throw new IllegalArgumentException("report " + id + " has no event type");
        }
        if (fatalities < 0) {
            throw new IllegalArgumentException("report " + id + " has negative fatalities");
        }
        subEventType = nonNull(subEventType);
        actor1 = nonNull(actor1);
        actor2 = nonNull(actor2);
        country = nonNull(country);
        admin1 = nonNull(admin1);
        location = nonNull(location);
        source = nonNull(source);
        notes = nonNull(notes);
        target = nonNull(target);
        extra = Map.copyOf(extra);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
