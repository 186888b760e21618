package org.truce.extraction.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.truce.extraction.ExtractedItem;
import org.truce.extraction.Extraction;
import org.truce.extraction.Gazetteer;
import org.truce.extraction.TimelineEvent;

/**
 * The files {@code truce extract} writes: {@code items.jsonl} (every item, one a line),
 * {@code exchanges.json}, {@code timeline.json} and, when there is a commitment candidate,
 * {@code draft-agreement.json}. All are written to temporary names first and moved into place only
 * when all are ready, so a failed run leaves the folder as it was.
 */
public final class ItemFiles {

    private static final ObjectMapper LINE = new ObjectMapper();

    private ItemFiles() {
    }

    /** One item as a flat JSON object: type, sentence, span, rule, confidence, then its own fields. */
    public static Map<String, Object> fields(ExtractedItem item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", item.type());
        m.put("sentence", item.sentence());
        Map<String, Object> span = new LinkedHashMap<>();
        span.put("start_char", item.span().start_char());
        span.put("end_char", item.span().end_char());
        span.put("text", item.span().text());
        m.put("span", span);
        m.put("rule", item.rule());
        m.put("confidence", item.confidence());
        m.putAll(item.details());
        return m;
    }

    public static String itemsJsonl(Extraction extraction) {
        StringBuilder b = new StringBuilder();
        for (ExtractedItem item : extraction.items()) {
            b.append(write(LINE, fields(item))).append('\n');
        }
        return b.toString();
    }

    public static String exchangesJson(Extraction extraction, String statementName) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("statement", statementName);
        root.put("review", "candidates read automatically; confirm each against the text");
        root.put("exchanges", extraction.exchanges().stream().map(ItemFiles::fields).toList());
        return write(DraftAgreement.JSON, root) + "\n";
    }

    public static String timelineJson(Extraction extraction, String statementName) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("statement", statementName);
        root.put("published", extraction.published().toString());
        root.put("review", "candidates read automatically; confirm each against the text");
        List<TimelineEvent> events = extraction.timeline().stream()
                .sorted(Comparator.comparing(TimelineEvent::date)).toList();
        root.put("events", events.stream().map(ItemFiles::fields).toList());
        return write(DraftAgreement.JSON, root) + "\n";
    }

    /**
     * Writes every file into {@code dir}; returns the names written. The draft agreement is left
     * out (and an older one removed) when the statement has no commitment candidate.
     */
    public static List<String> writeAll(Extraction extraction, Gazetteer gazetteer, String statementName, Path dir)
            throws IOException {
        Optional<String> draft = DraftAgreement.render(extraction, gazetteer, statementName);
        Map<String, String> files = new LinkedHashMap<>();
        draft.ifPresent(d -> files.put("draft-agreement.json", d));
        files.put("items.jsonl", itemsJsonl(extraction));
        files.put("exchanges.json", exchangesJson(extraction, statementName));
        files.put("timeline.json", timelineJson(extraction, statementName));
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey() + ".tmp"), f.getValue(), StandardCharsets.UTF_8);
        }
        for (String name : files.keySet()) {
            Files.move(dir.resolve(name + ".tmp"), dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (draft.isEmpty()) {
            Files.deleteIfExists(dir.resolve("draft-agreement.json"));
        }
        return List.copyOf(files.keySet());
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
