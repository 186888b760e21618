package org.truce.format.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed reads of the members of one JSON object. A read that fails records a problem and returns
 * null (or an empty list), so the caller can go on and find the next problem; the caller builds a
 * domain value only when its own reads added no problem.
 */
final class ObjectFields {

    /** Mirrors the id rule of the core types, so that a bad id is reported at its own field. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final JsonNode node;
    private final JsonPath path;
    private final Problems problems;

    private ObjectFields(JsonNode node, JsonPath path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The object at a path, or null (with a problem) when the value there is not an object. */
    static ObjectFields of(JsonNode value, JsonPath path, Problems problems, String what) {
        if (value == null || !value.isObject()) {
            problems.expected(path, "an object (" + what + ")", value);
            return null;
        }
        return new ObjectFields(value, path, problems);
    }

    JsonPath path() {
        return path;
    }

    JsonPath path(String name) {
        return path.field(name);
    }

    Problems problems() {
        return problems;
    }

    boolean has(String name) {
        return node.has(name);
    }

    /** The raw member, or null; for the few checks that look at a value's shape. */
    JsonNode get(String name) {
        return node.get(name);
    }

    /** Unknown members are errors: a misspelt optional field must not be dropped silently. */
    void allowOnly(Collection<String> allowed, String what) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(path(name), "unknown field of " + what + "; expected one of " + String.join(", ", allowed));
            }
        }
    }

    String text(String name, boolean required) {
        JsonNode v = value(name, required, "a non-empty string");
        if (v == null) {
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            problems.expected(path(name), "a non-empty string", v);
            return null;
        }
        return v.textValue();
    }

    String id(String name, boolean required) {
        JsonNode v = value(name, required, "an id");
        return v == null ? null : id(v, path(name));
    }

    LocalDate date(String name, boolean required) {
        JsonNode v = value(name, required, "a date yyyy-MM-dd");
        if (v == null) {
            return null;
        }
        if (v.isTextual() && DATE.matcher(v.textValue()).matches()) {
            try {
                return LocalDate.parse(v.textValue());
            } catch (DateTimeParseException e) {
                // falls through: well formed but no such day, e.g. 2025-02-30
            }
        }
        problems.expected(path(name), "a date yyyy-MM-dd", v);
        return null;
    }

    /** A number within [min, max]; the bounds appear in the message. */
    Double number(String name, boolean required, double min, double max, String unit) {
        String expected = "a number from " + plain(min) + " to " + plain(max) + " (" + unit + ")";
        JsonNode v = value(name, required, expected);
        if (v == null) {
            return null;
        }
        if (!v.isNumber() || !(v.doubleValue() >= min && v.doubleValue() <= max)) {
            problems.expected(path(name), expected, v);
            return null;
        }
        return v.doubleValue();
    }

    Integer integer(String name, boolean required, int min) {
        String expected = "a whole number >= " + min;
        JsonNode v = value(name, required, expected);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min) {
            problems.expected(path(name), expected, v);
            return null;
        }
        return v.intValue();
    }

    Boolean bool(String name, boolean required) {
        JsonNode v = value(name, required, "true or false");
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            problems.expected(path(name), "true or false", v);
            return null;
        }
        return v.booleanValue();
    }

    /** One of the given wire names, mapped to its value. */
    <E> E choice(String name, boolean required, Map<String, E> options) {
        String expected = "one of " + String.join(", ", options.keySet());
        JsonNode v = value(name, required, expected);
        if (v == null) {
            return null;
        }
        E chosen = v.isTextual() ? options.get(v.textValue()) : null;
        if (chosen == null) {
            problems.expected(path(name), expected, v);
        }
        return chosen;
    }

    /** An array of non-empty strings; when required, with at least one element. */
    List<String> texts(String name, boolean required) {
        return strings(name, required, "an array of non-empty strings");
    }

    /** A single id or an array of ids (as in {@code "proposed_by": "US"}), each with its path. */
    List<Located> idOrIds(String name) {
        JsonNode v = node.get(name);
        if (v == null) {
            return List.of();
        }
        if (v.isTextual()) {
            String id = id(v, path(name));
            return id == null ? List.of() : List.of(new Located(path(name), id));
        }
        if (!v.isArray()) {
            problems.expected(path(name), "an id or an array of ids", v);
            return List.of();
        }
        List<Located> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String id = id(v.get(i), path(name).index(i));
            if (id != null) {
                out.add(new Located(path(name).index(i), id));
            }
        }
        return out;
    }

    /** A single string or an array of strings, at least one. */
    List<String> textOrTexts(String name, boolean required) {
        JsonNode v = node.get(name);
        if (v != null && v.isTextual() && !v.textValue().isEmpty()) {
            return List.of(v.textValue());
        }
        String expected = "a non-empty string or an array of them";
        if (v != null && !v.isArray()) {
            problems.expected(path(name), expected, v);
            return List.of();
        }
        return strings(name, required, expected);
    }

    /**
     * An array of objects, each read by {@code read}; elements it cannot read are left out. When
     * required, the array must also have at least one element.
     */
    <T> List<T> objects(String name, boolean required, String what, Function<ObjectFields, T> read) {
        String expected = "an array of " + what + " objects" + (required ? " (at least one)" : "");
        JsonNode v = value(name, required, expected);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray() || (required && v.isEmpty())) {
            problems.expected(path(name), expected, v);
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            ObjectFields element = of(v.get(i), path(name).index(i), problems, what);
            if (element != null) {
                out.add(read.apply(element));
            }
        }
        return out.stream().filter(Objects::nonNull).toList();
    }

    /** A nested object, or null when absent (or not an object, with a problem). */
    ObjectFields object(String name, boolean required, String what) {
        JsonNode v = value(name, required, "an object (" + what + ")");
        return v == null ? null : of(v, path(name), problems, what);
    }

    private List<String> strings(String name, boolean required, String what) {
        String expected = what + (required ? " (at least one)" : "");
        JsonNode v = value(name, required, expected);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray() || (required && v.isEmpty())) {
            problems.expected(path(name), expected, v);
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (e.isTextual() && !e.textValue().isBlank()) {
                out.add(e.textValue());
            } else {
                problems.expected(path(name).index(i), "a non-empty string", e);
            }
        }
        return out;
    }

    private String id(JsonNode v, JsonPath at) {
        if (!v.isTextual() || !ID.matcher(v.textValue()).matches()) {
            problems.expected(at, "an id (letters, digits, '.', '_', ':' or '-', starting with a letter or digit)", v);
            return null;
        }
        return v.textValue();
    }

    /** The member's value; null when absent, recording a problem if it was required. */
    private JsonNode value(String name, boolean required, String expected) {
        JsonNode v = node.get(name);
        if (v == null && required) {
            problems.missing(path(name), expected);
        }
        return v;
    }

    /** A value read together with the path it was read from. */
    record Located(JsonPath at, String value) {
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
