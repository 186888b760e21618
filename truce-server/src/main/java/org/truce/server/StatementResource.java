package org.truce.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.truce.store.Database;
import org.truce.store.statement.NewStatement;
import org.truce.store.statement.StatementRepository;
import org.truce.store.statement.StoredStatement;

/**
 * {@code /statements}: texts sources publish (readouts, articles), kept whole with the SHA-256 of
 * the text. Posting a text its source already supplied answers 200 with the stored statement,
 * whose first metadata stays; a new one answers 201.
 */
final class StatementResource {

    private static final Set<String> FIELDS = Set.of("source_id", "outlet", "language", "published", "retrieved_at",
            "url", "title", "text");
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

    private final Database database;
    private final long maxBodyBytes;

    StatementResource(Database database, long maxBodyBytes) {
        this.database = database;
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig routes) {
        routes.post(TruceServer.API + "/statements", this::create);
        routes.get(TruceServer.API + "/statements", this::list);
        routes.get(TruceServer.API + "/statements/{id}", this::get);
    }

    private void create(Context ctx) {
        QueryParams.of(ctx, Set.of());
        NewStatement wanted = parse(Json.readObject(ctx, maxBodyBytes));
        StatementRepository.Added added;
        try {
            added = database.statements().add(wanted);
        } catch (IllegalArgumentException e) { // the only one the store throws: an unknown source
            throw ApiException.badRequest("source_id", e.getMessage().replaceFirst("^source: ", ""));
        }
        Map<String, Object> m = view(added.statement());
        m.put("created", added.created());
        ctx.header("Location", TruceServer.API + "/statements/" + added.statement().id());
        Json.send(ctx, added.created() ? 201 : 200, m);
    }

    private void list(Context ctx) {
        QueryParams q = QueryParams.of(ctx, Set.of("limit", "offset"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", database.statements().list(q.limit(), q.offset()).stream().map(StatementResource::view).toList());
        m.put("total", database.statements().count());
        Json.send(ctx, 200, m);
    }

    private void get(Context ctx) {
        QueryParams.of(ctx, Set.of());
        String raw = ctx.pathParam("id");
        if (!ID.matcher(raw).matches()) {
            throw ApiException.badRequest("id", "a statement id is a positive whole number, got '" + raw + "'");
        }
        long id = Long.parseLong(raw);
        StoredStatement s = database.statements().find(id)
                .orElseThrow(() -> ApiException.notFound("no statement with id " + id));
        Map<String, Object> m = view(s);
        m.put("text", s.text());
        Json.send(ctx, 200, m);
    }

    private static Map<String, Object> view(StoredStatement s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("source_id", s.sourceId());
        m.put("outlet", s.outlet());
        m.put("language", s.language());
        m.put("published", s.published() == null ? null : s.published().toString());
        m.put("retrieved_at", s.retrievedAt() == null ? null : s.retrievedAt().toString());
        m.put("received_at", s.receivedAt().toString());
        m.put("url", s.url());
        m.put("title", s.title());
        m.put("text_sha256", s.textSha256());
        m.put("size_bytes", s.size_bytes());
        return m;
    }

    private static NewStatement parse(JsonNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest(name, "unknown field '" + name + "'; a statement has "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        String sourceId = text(body, "source_id", true);
        String language = text(body, "language", true);
        String text = text(body, "text", true);
        String published = text(body, "published", false);
        LocalDate publishedOn = null;
        if (published != null) {
            try {
                publishedOn = LocalDate.parse(published);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("published", "published must be a date YYYY-MM-DD, got '" + published
                        + "'");
            }
        }
        String retrieved = text(body, "retrieved_at", false);
        Instant retrievedAt = null;
        if (retrieved != null) {
            try {
                retrievedAt = Instant.parse(retrieved);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("retrieved_at", "retrieved_at must be a UTC instant such as "
                        + "2025-03-18T19:05:00Z, got '" + retrieved + "'");
            }
        }
        try {
            return new NewStatement(sourceId, text(body, "outlet", false), language, publishedOn, retrievedAt,
                    text(body, "url", false), text(body, "title", false), text);
        } catch (IllegalArgumentException e) {
            // The messages start with the field they are about ("language: ...", "text: ...").
            String message = e.getMessage();
            int colon = message.indexOf(':');
            String field = colon > 0 ? message.substring(0, colon) : null;
            throw ApiException.badRequest(field, message);
        }
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw ApiException.badRequest(field, field + " is required");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw ApiException.badRequest(field, field + " must be a string, got " + Json.kindOf(n));
        }
        return n.textValue();
    }
}
