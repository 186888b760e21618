package org.truce.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.truce.geo.GeoPoint;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.store.report.ReportContent;

/**
 * A report posted to the API, checked field by field before anything is stored. Fields are named
 * like ACLED's columns; each refusal names the field and says what was expected and what came.
 * Strings must be JSON strings and numbers JSON numbers (no "47.9" in quotes): a client that mixes
 * them up is told so rather than guessed at.
 *
 * @param sourceId who supplies the report (a registered source)
 * @param content the report and the store's fields beside it
 */
record ReportRequest(String sourceId, ReportContent content) {

    /** The external id of a report posted without {@code event_id_cnty}: prefix + idempotency key. */
    static final String KEY_ID_PREFIX = "api:";

    static final String SOURCE_ID = "source_id";

    /** Every field a posted report may have, in the order the documentation lists them. */
    static final List<String> FIELDS = List.of("event_id_cnty", "event_date", "time_precision", "event_type",
            "sub_event_type", "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
            "geo_precision", "radius_m", "notes", "notes_language", "fatalities", "explosions", "target",
            "target_category", "source", SOURCE_ID, "extra");

    private static final Set<String> KNOWN = Set.copyOf(FIELDS);
    /** The store keeps these in columns of their own; in {@code extra} they would be ambiguous. */
    private static final Set<String> RESERVED_EXTRA = Set.of(ReportContent.TARGET_CATEGORY, ReportContent.EXPLOSIONS,
            ReportContent.RADIUS_M, ReportContent.NOTES_LANGUAGE);
    static final Pattern SOURCE_ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    /** The database columns of these fields hold 200 characters. */
    private static final int SHORT_TEXT = 200;
    private static final int MAX_COUNT = 1_000_000;

    /**
     * Checks a posted report. A report without {@code event_id_cnty} gets
     * {@value #KEY_ID_PREFIX} + the idempotency key as its external id, so that the same request
     * under the same key is the same report.
     *
     * @throws ApiException 400 naming the first field at fault
     */
    static ReportRequest parse(JsonNode body, String idempotencyKey) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                throw ApiException.badRequest(name, "unknown field '" + name + "'; a report has the fields "
                        + String.join(", ", FIELDS) + " (put other columns in 'extra')");
            }
        }
        String sourceId = requiredText(body, SOURCE_ID, 100);
        if (!SOURCE_ID_PATTERN.matcher(sourceId).matches()) {
            throw ApiException.badRequest(SOURCE_ID, "source_id must be 1-100 letters, digits, '.', '_', ':' or '-', "
                    + "starting with a letter or digit, got '" + sourceId + "'");
        }
        String externalId = optionalText(body, "event_id_cnty", SHORT_TEXT);
        if (externalId != null && externalId.isBlank()) {
            throw ApiException.badRequest("event_id_cnty", "event_id_cnty must not be blank; leave it out instead");
        }
        if (externalId == null) {
            externalId = KEY_ID_PREFIX + idempotencyKey;
        }
        LocalDate eventDate = date(body, "event_date");
        TimePrecision timePrecision = TimePrecision.ofCode(requiredWhole(body, "time_precision", 1, 3));
        String eventType = requiredText(body, "event_type", SHORT_TEXT);
        if (eventType.isBlank()) {
            throw ApiException.badRequest("event_type", "event_type must not be blank (an ACLED event type such as "
                    + "'Explosions/Remote violence')");
        }
        double latitude = coordinate(body, "latitude", 90);
        double longitude = coordinate(body, "longitude", 180);
        GeoPrecision geoPrecision = GeoPrecision.ofCode(requiredWhole(body, "geo_precision", 1, 3));
        Integer radius = optionalWhole(body, "radius_m", 1, MAX_COUNT);
        Integer fatalities = optionalWhole(body, "fatalities", 0, MAX_COUNT);
        Integer explosions = optionalWhole(body, "explosions", 0, MAX_COUNT);
        String notesLanguage = optionalText(body, "notes_language", 35);
        if (notesLanguage != null && !LANGUAGE_TAG.matcher(notesLanguage).matches()) {
            throw ApiException.badRequest("notes_language", "notes_language must be a BCP 47 language tag such as "
                    + "'uk' or 'fr-CA', got '" + notesLanguage + "'");
        }
        Report report = new Report(externalId, eventDate, timePrecision, eventType,
                optionalText(body, "sub_event_type", SHORT_TEXT),
                optionalText(body, "actor1", Integer.MAX_VALUE),
                optionalText(body, "actor2", Integer.MAX_VALUE),
                optionalText(body, "country", SHORT_TEXT),
                optionalText(body, "admin1", SHORT_TEXT),
                optionalText(body, "location", Integer.MAX_VALUE),
                GeoPoint.of(latitude, longitude), geoPrecision,
                optionalText(body, "source", Integer.MAX_VALUE),
                optionalText(body, "notes", Integer.MAX_VALUE),
                fatalities == null ? 0 : fatalities,
                optionalText(body, "target", Integer.MAX_VALUE),
                extra(body));
        return new ReportRequest(sourceId, new ReportContent(report, optionalText(body, "target_category", SHORT_TEXT),
                explosions, radius, notesLanguage));
    }

    private static JsonNode present(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            throw ApiException.badRequest(field, field + " is required");
        }
        return n;
    }

    private static String requiredText(JsonNode body, String field, int maxLength) {
        return text(present(body, field), field, maxLength);
    }

    private static String optionalText(JsonNode body, String field, int maxLength) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : text(n, field, maxLength);
    }

    private static String text(JsonNode n, String field, int maxLength) {
        if (!n.isTextual()) {
            throw ApiException.badRequest(field, field + " must be a string, got " + Json.kindOf(n));
        }
        String s = n.textValue();
        checkCharacters(s, field);
        if (s.length() > maxLength) {
            throw ApiException.badRequest(field, field + " must be at most " + maxLength + " characters, got "
                    + s.length());
        }
        return s;
    }

    /** NUL and unpaired surrogates cannot be stored as text in PostgreSQL: refuse them up front. */
    static void checkCharacters(String s, String field) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                throw ApiException.badRequest(field, field + " must not contain the NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ApiException.badRequest(field, field + " contains an unpaired UTF-16 surrogate at position " + i);
            }
        }
    }

    private static LocalDate date(JsonNode body, String field) {
        String s = requiredText(body, field, 40);
        LocalDate d;
        try {
            d = LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, field + " must be a calendar date as YYYY-MM-DD, got '" + s + "'");
        }
        if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
            throw ApiException.badRequest(field, field + " must be between " + EARLIEST + " and " + LATEST + ", got "
                    + s);
        }
        return d;
    }

    private static int requiredWhole(JsonNode body, String field, int min, int max) {
        return whole(present(body, field), field, min, max);
    }

    private static Integer optionalWhole(JsonNode body, String field, int min, int max) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : whole(n, field, min, max);
    }

    private static int whole(JsonNode n, String field, int min, int max) {
        if (!n.isNumber()) {
            throw ApiException.badRequest(field, field + " must be a whole number from " + min + " to " + max + ", got "
                    + Json.kindOf(n));
        }
        if (!n.canConvertToExactIntegral() || n.decimalValue().compareTo(java.math.BigDecimal.valueOf(min)) < 0
                || n.decimalValue().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            throw ApiException.badRequest(field, field + " must be a whole number from " + min + " to " + max + ", got "
                    + n.asText());
        }
        return n.intValue();
    }

    private static double coordinate(JsonNode body, String field, double limit) {
        JsonNode n = present(body, field);
        if (!n.isNumber()) {
            throw ApiException.badRequest(field, field + " must be a number of WGS84 degrees, got " + Json.kindOf(n));
        }
        double v = n.doubleValue();
        if (!(v >= -limit && v <= limit)) {
            throw ApiException.badRequest(field, field + " must be within -" + (int) limit + ".." + (int) limit
                    + " degrees, got " + n.asText());
        }
        return v;
    }

    private static Map<String, String> extra(JsonNode body) {
        JsonNode n = body.get("extra");
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw ApiException.badRequest("extra", "extra must be an object of strings, got " + Json.kindOf(n));
        }
        Map<String, String> extra = new HashMap<>();
        Set<String> names = new LinkedHashSet<>();
        n.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String field = "extra." + name;
            checkCharacters(name, field);
            if (name.isEmpty() || name.length() > SHORT_TEXT) {
                throw ApiException.badRequest(field, "a column name in extra has 1 to " + SHORT_TEXT + " characters");
            }
            if (RESERVED_EXTRA.contains(name) || KNOWN.contains(name)) {
                throw ApiException.badRequest(field, "'" + name + "' is a field of its own; give it at the top level, "
                        + "not in extra");
            }
            extra.put(name, text(n.get(name), field, Integer.MAX_VALUE));
        }
        return extra;
    }
}
