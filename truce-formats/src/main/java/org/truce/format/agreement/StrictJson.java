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

/**
 * The first step of every file of an agreement folder (agreement, exchanges, timeline): UTF-8 text,
 * strict JSON (a repeated member is an error, not a silent override), and the line of every member
 * for the messages of the checks that follow.
 */
final class StrictJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A parsed document and the problem list its checks write to. */
    record Parsed(JsonNode root, Problems problems) {
    }

    private StrictJson() {
    }

    static String read(Path file) throws IOException, AgreementFormatException {
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw single(file.toString(), 1, 1, "", "expected UTF-8 text, found bytes that are not UTF-8");
        }
    }

    /** {@code what} names the expected document in the message for an empty file ("an agreement object"). */
    static Parsed parse(String json, String fileName, String what) throws AgreementFormatException {
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
            throw single(fileName, 1, 1, "", "expected " + what + ", found an empty file");
        }
        return new Parsed(root, new Problems(fileName, locations));
    }

    private static AgreementFormatException single(String file, int line, int column, String path, String message) {
        return new AgreementFormatException(List.of(
                new AgreementFormatException.Problem(file, Math.max(line, 1), Math.max(column, 1), path, message)));
    }
}
