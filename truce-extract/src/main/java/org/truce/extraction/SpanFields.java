package org.truce.extraction;

import java.util.LinkedHashMap;
import java.util.Map;

/** A span as plain fields, for the items written out. */
final class SpanFields {

    private SpanFields() {
    }

    static Map<String, Object> of(Span span) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start_char", span.start_char());
        m.put("end_char", span.end_char());
        m.put("text", span.text());
        return m;
    }
}
