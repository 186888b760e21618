package org.truce.format.agreement;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.truce.agreement.Agreement;

/**
 * Reads agreement files (format: docs/agreement-format.md, schema: agreement.schema.json next to
 * this class). The check is written by hand rather than run through a schema library so that
 * every message names the file, the line and the field in words an agreement author can act on.
 */
public final class AgreementJson {

    /** Where the JSON Schema of the format lives on the class path. */
    public static final String SCHEMA_RESOURCE = "/org/truce/format/agreement/agreement.schema.json";

    // A repeated member would silently override the first one: make it a parse error.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private AgreementJson() {
    }

    /**
     * Loads and checks an agreement file (UTF-8 JSON).
     *
     * @throws AgreementFormatException listing every problem found, each with file, line and field
     * @throws IOException when the file cannot be read at all
     */
    public static Agreement load(Path file) throws IOException, AgreementFormatException {
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw single(file.toString(), 1, 1, "", "expected UTF-8 text, found bytes that are not UTF-8");
        }
        return parse(text, file.toString());
    }

    /**
     * Checks an agreement given as text; {@code fileName} is used in messages only (an upload's
     * name, a test's label).
     */
    public static Agreement parse(String json, String fileName) throws AgreementFormatException {
        JsonNode root;
        JsonLocations locations;
        try {
            root = MAPPER.readTree(json);
            locations = JsonLocations.scan(FACTORY, json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() == null ? JsonLocation.NA : e.getLocation();
            throw single(fileName, at.getLineNr(), at.getColumnNr(), "", "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            // Reading from a String does no I/O; anything else is a parse failure without location.
            throw single(fileName, 1, 1, "", "malformed JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw single(fileName, 1, 1, "", "expected an agreement object, found an empty file");
        }
        Problems problems = new Problems(fileName, locations);
        Agreement agreement = new AgreementReader(problems).read(root);
        problems.throwIfAny();
        return agreement;
    }

    private static AgreementFormatException single(String file, int line, int column, String path, String message) {
        return new AgreementFormatException(List.of(
                new AgreementFormatException.Problem(file, Math.max(line, 1), Math.max(column, 1), path, message)));
    }
}
