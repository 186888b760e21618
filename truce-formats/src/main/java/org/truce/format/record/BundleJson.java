package org.truce.format.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.truce.record.BundleEntry;
import org.truce.record.BundleFailure;
import org.truce.record.ConsistencyProof;
import org.truce.record.EntryJson;
import org.truce.record.InclusionProof;
import org.truce.record.MerkleHash;
import org.truce.record.RecordBundle;
import org.truce.record.RecordFormatException;
import org.truce.record.SignedCheckpoint;
import org.truce.record.VerifierKey;

/**
 * The bundle file: one JSON document, so that it travels as one attachment and needs no archive
 * tool (see docs/integrity.md for the fields). Entries are kept as strings, byte for byte as they
 * were hashed; reading the file never re-serialises them.
 */
public final class BundleJson {

    public static final String FORMAT = "truce-record-bundle/1";
    /** Larger files are refused before reading: the whole document is held in memory. */
    static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

    private static final Set<String> TOP = Set.of("format", "verifier_key", "first_index", "checkpoints",
            "consistency_proofs", "entries");
    private static final Set<String> CONSISTENCY = Set.of("old_size", "new_size", "path");
    private static final Set<String> ENTRY = Set.of("index", "entry", "inclusion_path");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private BundleJson() {
    }

    public static RecordBundle read(Path file) throws IOException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new BundleFormatException(name, 0, 0, "", "no such file");
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new BundleFormatException(name, 0, 0, "", "larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), name);
    }

    /** Reads a bundle text; {@code fileName} is only used in messages. */
    public static RecordBundle parse(String json, String fileName) throws BundleFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() == null ? JsonLocation.NA : e.getLocation();
            throw new BundleFormatException(fileName, at.getLineNr(), at.getColumnNr(), "", "not JSON: " + e.getOriginalMessage());
        }
        return new Reader(json, fileName).bundle(root);
    }

    /** The bundle as text, members in a fixed order. */
    public static String write(RecordBundle bundle) {
        ObjectNode top = MAPPER.createObjectNode();
        top.put("format", FORMAT);
        top.put("verifier_key", bundle.key().vkey());
        top.put("first_index", bundle.firstIndex());
        ArrayNode checkpoints = top.putArray("checkpoints");
        bundle.checkpoints().forEach(c -> checkpoints.add(c.text()));
        ArrayNode consistency = top.putArray("consistency_proofs");
        for (ConsistencyProof p : bundle.consistency()) {
            ObjectNode proof = consistency.addObject();
            proof.put("old_size", p.oldSize());
            proof.put("new_size", p.newSize());
            ArrayNode path = proof.putArray("path");
            p.path().forEach(h -> path.add(h.base64()));
        }
        ArrayNode entries = top.putArray("entries");
        for (BundleEntry e : bundle.entries()) {
            ObjectNode entry = entries.addObject();
            entry.put("index", e.index());
            entry.put("entry", e.entry());
            ArrayNode path = entry.putArray("inclusion_path");
            e.inclusion().path().forEach(h -> path.add(h.base64()));
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(top) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    /**
     * Entries that are not in the record's canonical JSON form. Their hashes may still match, but a
     * second spelling of the same content must not be able to pass for the recorded one.
     */
    public static List<BundleFailure> nonCanonicalEntries(RecordBundle bundle) {
        List<BundleFailure> failures = new ArrayList<>();
        for (BundleEntry e : bundle.entries()) {
            String problem = canonicalProblem(e.entry());
            if (problem != null) {
                failures.add(new BundleFailure("entry " + e.index(), problem));
            }
        }
        return failures;
    }

    private static String canonicalProblem(String entry) {
        Object value;
        try {
            value = MAPPER.readValue(entry, Object.class);
        } catch (JsonProcessingException e) {
            return "not JSON: " + e.getOriginalMessage();
        }
        try {
            return EntryJson.canonical(value).equals(entry) ? null : "not in canonical JSON form";
        } catch (IllegalArgumentException e) {
            return "not in canonical JSON form: " + e.getMessage();
        }
    }

    /** One pass over the tree; the first problem stops it, named with its place in the file. */
    private static final class Reader {

        private final String json;
        private final String file;

        Reader(String json, String file) {
            this.json = json;
            this.file = file;
        }

        RecordBundle bundle(JsonNode root) throws BundleFormatException {
            ObjectNode top = object(root, "");
            members(top, "", TOP);
            String format = text(top, "", "format");
            if (!FORMAT.equals(format)) {
                throw problem("/format", "expected \"" + FORMAT + "\", got \"" + format + "\"");
            }
            VerifierKey key;
            try {
                key = VerifierKey.parse(text(top, "", "verifier_key"));
            } catch (RecordFormatException e) {
                throw problem("/verifier_key", e.getMessage());
            }
            long firstIndex = count(top, "", "first_index");

            ArrayNode checkpointTexts = array(top, "", "checkpoints");
            if (checkpointTexts.isEmpty()) {
                throw problem("/checkpoints", "a bundle has at least one checkpoint");
            }
            List<SignedCheckpoint> checkpoints = new ArrayList<>();
            for (int k = 0; k < checkpointTexts.size(); k++) {
                String pointer = "/checkpoints/" + k;
                JsonNode node = checkpointTexts.get(k);
                if (!node.isTextual()) {
                    throw problem(pointer, "expected the checkpoint's text as a string");
                }
                try {
                    checkpoints.add(SignedCheckpoint.parse(node.textValue()));
                } catch (RecordFormatException e) {
                    throw problem(pointer, "checkpoint " + k + ", " + e.getMessage());
                }
            }
            long treeSize = checkpoints.get(checkpoints.size() - 1).checkpoint().size();

            List<ConsistencyProof> consistency = new ArrayList<>();
            ArrayNode proofs = array(top, "", "consistency_proofs");
            for (int i = 0; i < proofs.size(); i++) {
                String pointer = "/consistency_proofs/" + i;
                ObjectNode proof = object(proofs.get(i), pointer);
                members(proof, pointer, CONSISTENCY);
                consistency.add(new ConsistencyProof(count(proof, pointer, "old_size"), count(proof, pointer, "new_size"),
                        hashes(proof, pointer, "path")));
            }

            List<BundleEntry> entries = new ArrayList<>();
            ArrayNode entryNodes = array(top, "", "entries");
            for (int i = 0; i < entryNodes.size(); i++) {
                String pointer = "/entries/" + i;
                ObjectNode entry = object(entryNodes.get(i), pointer);
                members(entry, pointer, ENTRY);
                long index = count(entry, pointer, "index");
                entries.add(new BundleEntry(index, text(entry, pointer, "entry"),
                        new InclusionProof(index, treeSize, hashes(entry, pointer, "inclusion_path"))));
            }
            return new RecordBundle(key, checkpoints, firstIndex, entries, consistency);
        }

        private ObjectNode object(JsonNode node, String pointer) throws BundleFormatException {
            if (!(node instanceof ObjectNode object)) {
                throw problem(pointer, "expected an object, got " + kind(node));
            }
            return object;
        }

        private void members(ObjectNode node, String pointer, Set<String> allowed) throws BundleFormatException {
            Set<String> unknown = new TreeSet<>();
            node.fieldNames().forEachRemaining(name -> {
                if (!allowed.contains(name)) {
                    unknown.add(name);
                }
            });
            if (!unknown.isEmpty()) {
                throw problem(pointer + "/" + unknown.iterator().next(), "unknown member; expected only " + new TreeSet<>(allowed));
            }
            for (String name : allowed) {
                if (!node.has(name)) {
                    throw problem(pointer, "missing member \"" + name + "\"");
                }
            }
        }

        private String text(ObjectNode node, String pointer, String name) throws BundleFormatException {
            JsonNode value = node.get(name);
            if (value == null || !value.isTextual()) {
                throw problem(pointer + "/" + name, "expected a string, got " + kind(value));
            }
            return value.textValue();
        }

        private long count(ObjectNode node, String pointer, String name) throws BundleFormatException {
            JsonNode value = node.get(name);
            if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                throw problem(pointer + "/" + name, "expected a whole number of at least 0, got "
                        + (value == null ? "nothing" : abbreviate(value.toString())));
            }
            return value.longValue();
        }

        private ArrayNode array(ObjectNode node, String pointer, String name) throws BundleFormatException {
            JsonNode value = node.get(name);
            if (!(value instanceof ArrayNode array)) {
                throw problem(pointer + "/" + name, "expected an array, got " + kind(value));
            }
            return array;
        }

        private List<MerkleHash> hashes(ObjectNode node, String pointer, String name) throws BundleFormatException {
            ArrayNode array = array(node, pointer, name);
            if (array.size() > 64) {
                // A proof in a log of fewer than 2^63 entries never needs more.
                throw problem(pointer + "/" + name, "a proof has at most 64 hashes, this one has " + array.size());
            }
            List<MerkleHash> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode h = array.get(i);
                String at = pointer + "/" + name + "/" + i;
                if (!h.isTextual()) {
                    throw problem(at, "expected a base64 hash, got " + kind(h));
                }
                try {
                    out.add(MerkleHash.ofBase64(h.textValue()));
                } catch (IllegalArgumentException e) {
                    throw problem(at, e.getMessage());
                }
            }
            return out;
        }

        private BundleFormatException problem(String pointer, String message) {
            JsonLocation at = locate(pointer);
            String path = pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.');
            return new BundleFormatException(file, at.getLineNr(), at.getColumnNr(), path, message);
        }

        /** Jackson's tree keeps no locations; a streaming pass finds where the pointer's value starts. */
        private JsonLocation locate(String pointer) {
            try (JsonParser parser = FACTORY.createParser(json)) {
                while (parser.nextToken() != null) {
                    if (parser.getParsingContext().pathAsPointer().toString().equals(pointer)) {
                        if (parser.currentToken() == JsonToken.FIELD_NAME) {
                            parser.nextToken();
                        }
                        return parser.currentTokenLocation();
                    }
                }
                return JsonLocation.NA;
            } catch (IOException e) {
                return JsonLocation.NA;
            }
        }

        private static String kind(JsonNode node) {
            return node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }

        private static String abbreviate(String text) {
            return text.length() <= 40 ? text : text.substring(0, 40) + "...";
        }
    }
}
