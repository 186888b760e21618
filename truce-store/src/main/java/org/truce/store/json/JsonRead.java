package org.truce.store.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads back the JSON this module wrote. A column that does not parse is a corrupt database. */
public final class JsonRead {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRead() {
    }

    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON object of strings, in key order. */
    public static Map<String, String> stringMap(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalStateException("expected a JSON object, got " + node.getNodeType());
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    /** A text field, or {@code null} when the field is absent or JSON null. */
    public static String textOrNull(JsonNode object, String field) {
        JsonNode v = object.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    public static String text(JsonNode object, String field) {
        String v = textOrNull(object, field);
        if (v == null) {
            throw new IllegalStateException("stored JSON lacks the field " + field);
        }
        return v;
    }

    public static Integer intOrNull(JsonNode object, String field) {
        JsonNode v = object.get(field);
        return v == null || v.isNull() ? null : v.intValue();
    }

    public static double number(JsonNode object, String field) {
        JsonNode v = object.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalStateException("stored JSON lacks the number " + field);
        }
        return v.doubleValue();
    }
}
