package org.truce.format.agreement;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line and column of every member and element of a JSON text, keyed by JSON Pointer.
 * Jackson's tree model drops locations, so a second, streaming pass over the (small) text
 * records them; validation then works on the convenient tree and still names lines.
 */
final class JsonLocations {

    private final Map<String, JsonLocation> byPointer;

    private JsonLocations(Map<String, JsonLocation> byPointer) {
        this.byPointer = Map.copyOf(byPointer);
    }

    /** Scans a text that has already been parsed successfully once. */
    static JsonLocations scan(JsonFactory factory, String json) throws IOException {
        Map<String, JsonLocation> found = new HashMap<>();
        try (JsonParser parser = factory.createParser(json)) {
            while (parser.nextToken() != null) {
                // The first token seen under a pointer is the member's name or the element's start.
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                found.putIfAbsent(pointer, parser.currentTokenLocation());
            }
        }
        return new JsonLocations(found);
    }

    /** Where the value at the pointer starts; for a missing member, where its parent starts. */
    JsonLocation find(String pointer) {
        String p = pointer;
        while (true) {
            JsonLocation at = byPointer.get(p);
            if (at != null || p.isEmpty()) {
                return at == null ? JsonLocation.NA : at;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
