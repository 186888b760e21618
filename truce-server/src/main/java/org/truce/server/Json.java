package org.truce.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Reading request bodies (size-limited, strict JSON) and writing JSON responses. */
final class Json {

    /** A repeated member would silently override the first one, so it is an error. */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    /** How much of an oversized body is read and dropped before answering 413. */
    private static final long DRAIN_LIMIT_BYTES = 16L << 20;

    private Json() {
    }

    /** Sends {@code value} (maps, lists, strings, numbers, booleans, null) as the JSON body. */
    static void send(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response could not be written as JSON", e);
        }
    }

    /** {@code value} as JSON text. */
    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a value could not be written as JSON", e);
        }
    }

    /**
     * The request body as a JSON object: refused with 413 above {@code maxBytes} (by its declared
     * length before reading, or while reading), with 415 when it is declared as something other
     * than JSON, and with 400 when empty, malformed, or not an object.
     */
    static JsonNode readObject(Context ctx, long maxBytes) {
        String type = ctx.contentType();
        if (type != null && !isJson(type)) {
            throw new ApiException(415, "Content-Type", "the body must be JSON (Content-Type: application/json), got "
                    + type);
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            drain(ctx);
            throw tooLarge(maxBytes);
        }
        byte[] body = readAtMost(ctx, maxBytes);
        if (body.length == 0) {
            throw ApiException.badRequest(null, "the body is empty; expected a JSON object");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ApiException.badRequest(null, "malformed JSON" + at + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest(null, "malformed JSON: the body could not be read as UTF-8 JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest(null, "expected a JSON object, got " + kindOf(root));
        }
        return root;
    }

    /** What a JSON value is, in words for an error message. */
    static String kindOf(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        if (n.isArray()) {
            return "an array";
        }
        return "an object";
    }

    static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, null, "the body is larger than the limit of " + maxBytes + " bytes");
    }

    /**
     * Reads and drops what is left of a body refused as too large, up to {@link #DRAIN_LIMIT_BYTES}:
     * a client still sending then reads the 413 instead of finding the connection reset under it.
     */
    private static void drain(Context ctx) {
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n = in.read(buffer); n >= 0 && total < DRAIN_LIMIT_BYTES; n = in.read(buffer)) {
                total += n;
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or the stream was already consumed: the 413 goes out anyway.
        }
    }

    private static boolean isJson(String contentType) {
        String mime = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }

    private static byte[] readAtMost(Context ctx, long maxBytes) {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                drain(ctx);
                throw tooLarge(maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest(null, "the body could not be read to its end");
        }
    }
}
