package org.truce.store.incident;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.truce.assessment.Check;
import org.truce.assessment.Verdict;
import org.truce.store.json.CanonicalJson;
import org.truce.store.json.JsonRead;

/** The trace of an incident's finding as JSON, written canonically and read back. */
final class IncidentJson {

    private IncidentJson() {
    }

    static String trace(List<Check> trace) {
        List<Object> list = new ArrayList<>();
        for (Check c : trace) {
            list.add(Map.of("condition", c.condition(), "verdict", c.verdict().wireName(), "detail", c.detail()));
        }
        return CanonicalJson.write(list);
    }

    static List<Check> readTrace(String json) {
        List<Check> trace = new ArrayList<>();
        for (JsonNode n : JsonRead.tree(json)) {
            trace.add(new Check(JsonRead.text(n, "condition"),
                    Verdict.valueOf(JsonRead.text(n, "verdict").toUpperCase(Locale.ROOT)), JsonRead.text(n, "detail")));
        }
        return trace;
    }
}
