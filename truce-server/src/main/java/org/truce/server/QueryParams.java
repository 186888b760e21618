package org.truce.server;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.truce.agreement.Agreement;
import org.truce.assessment.Outcome;
import org.truce.geo.BoundingBox;

/**
 * The query parameters of one request, checked: a parameter the endpoint does not know, a
 * repeated one, or a value of the wrong form is refused with 400 naming the parameter.
 */
final class QueryParams {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]{1,3}(\\.[0-9]{1,15})?");

    private final Map<String, List<String>> params;

    private QueryParams(Map<String, List<String>> params) {
        this.params = params;
    }

    /** The request's parameters, each allowed at most once and only if in {@code allowed}. */
    static QueryParams of(Context ctx, Set<String> allowed) {
        Map<String, List<String>> params = ctx.queryParamMap();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw ApiException.badRequest(e.getKey(), "unknown query parameter '" + e.getKey() + "'; this endpoint takes "
                        + (allowed.isEmpty() ? "none" : allowed.stream().sorted().collect(Collectors.joining(", "))));
            }
            if (e.getValue().size() > 1) {
                throw ApiException.badRequest(e.getKey(), "query parameter '" + e.getKey() + "' is given more than once");
            }
        }
        return new QueryParams(params);
    }

    /** The value, or null when the parameter is absent or empty. */
    String text(String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
            return null;
        }
        return values.get(0);
    }

    /** A commitment of the agreement, by id. */
    String commitment(String name, Agreement agreement) {
        String id = text(name);
        if (id != null && agreement.findCommitment(id).isEmpty()) {
            throw ApiException.badRequest(name, "agreement " + agreement.id() + " has no commitment '" + id + "'");
        }
        return id;
    }

    Outcome outcome(String name) {
        String s = text(name);
        if (s == null) {
            return null;
        }
        for (Outcome o : Outcome.values()) {
            if (o.wireName().equals(s)) {
                return o;
            }
        }
        throw ApiException.badRequest(name, name + " must be one of " + Arrays.stream(Outcome.values())
                .map(Outcome::wireName).collect(Collectors.joining(", ")) + ", got '" + s + "'");
    }

    LocalDate date(String name) {
        String s = text(name);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be a calendar date as YYYY-MM-DD, got '" + s + "'");
        }
    }

    /** {@code minLon,minLat,maxLon,maxLat} in WGS84 degrees. */
    BoundingBox bbox(String name) {
        String s = text(name);
        if (s == null) {
            return null;
        }
        String[] parts = s.split(",", -1);
        if (parts.length != 4) {
            throw ApiException.badRequest(name, name + " must be minLon,minLat,maxLon,maxLat (4 numbers), got '" + s
                    + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i].strip();
            if (!DECIMAL.matcher(part).matches()) {
                throw ApiException.badRequest(name, name + " must be minLon,minLat,maxLon,maxLat; '" + parts[i]
                        + "' is not a decimal number");
            }
            v[i] = Double.parseDouble(part);
        }
        try {
            return new BoundingBox(v[0], v[1], v[2], v[3]);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, name + ": " + e.getMessage());
        }
    }

    int whole(String name, int min, int max, int byDefault) {
        String s = text(name);
        if (s == null) {
            return byDefault;
        }
        try {
            int v = Integer.parseInt(s);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest(name, name + " must be a whole number from " + min + " to " + max + ", got '" + s
                + "'");
    }

    int limit() {
        return whole("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    }

    int offset() {
        return whole("offset", 0, Integer.MAX_VALUE, 0);
    }
}
