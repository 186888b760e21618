package org.truce.format.agreement;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one file with its line, instead of stopping at the first. */
final class Problems {

    private static final int MAX_QUOTED = 60;

    private final String file;
    private final JsonLocations locations;
    private final List<AgreementFormatException.Problem> found = new ArrayList<>();

    Problems(String file, JsonLocations locations) {
        this.file = file;
        this.locations = locations;
    }

    void add(JsonPath at, String message) {
        JsonLocation loc = locations.find(at.pointer());
        found.add(new AgreementFormatException.Problem(
                file, Math.max(loc.getLineNr(), 1), Math.max(loc.getColumnNr(), 1), at.display(), message));
    }

    void expected(JsonPath at, String expected, JsonNode actual) {
        add(at, "expected " + expected + ", found " + describe(actual));
    }

    void missing(JsonPath at, String expected) {
        add(at, "missing; expected " + expected);
    }

    int count() {
        return found.size();
    }

    void throwIfAny() throws AgreementFormatException {
        if (!found.isEmpty()) {
            throw new AgreementFormatException(found);
        }
    }

    /** A short description of a JSON value for "found ..." in messages. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return text.length() > MAX_QUOTED ? "\"" + text.substring(0, MAX_QUOTED) + "...\"" : "\"" + text + "\"";
        }
        if (node.isArray()) {
            return node.isEmpty() ? "an empty array" : "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.toString(); // numbers, true, false, null as written
    }
}
