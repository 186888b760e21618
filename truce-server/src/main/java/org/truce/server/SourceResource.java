package org.truce.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.truce.store.Database;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;

/**
 * {@code /sources}: who reports. Registering a source that exists with the same name and kind is
 * answered 200 with the stored one; with another name or kind, 409: a source is never changed.
 */
final class SourceResource {

    private static final Set<String> FIELDS = Set.of("id", "name", "kind");
    private static final int MAX_NAME = 500;

    private final Database database;
    private final long maxBodyBytes;

    SourceResource(Database database, long maxBodyBytes) {
        this.database = database;
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig routes) {
        routes.get(TruceServer.API + "/sources", this::list);
        routes.post(TruceServer.API + "/sources", this::create);
    }

    private void list(Context ctx) {
        QueryParams.of(ctx, Set.of());
        Json.send(ctx, 200, database.sources().listAll().stream().map(Views::source).toList());
    }

    private void create(Context ctx) {
        QueryParams.of(ctx, Set.of());
        Source wanted = parse(Json.readObject(ctx, maxBodyBytes));
        Optional<Source> existing = database.sources().find(wanted.id());
        if (existing.isPresent()) {
            if (!existing.get().equals(wanted)) {
                throw ApiException.conflict("id", "source '" + wanted.id() + "' exists with another name or kind; "
                        + "a source is never changed");
            }
            Json.send(ctx, 200, Views.source(existing.get()));
            return;
        }
        Source stored = database.sources().register(wanted);
        if (!stored.equals(wanted)) { // registered otherwise by a concurrent request
            throw ApiException.conflict("id", "source '" + wanted.id() + "' exists with another name or kind; "
                    + "a source is never changed");
        }
        Json.send(ctx, 201, Views.source(stored));
    }

    private static Source parse(JsonNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest(name, "unknown field '" + name + "'; a source has id, name and kind");
            }
        }
        String id = text(body, "id");
        if (!ReportRequest.SOURCE_ID_PATTERN.matcher(id).matches()) {
            throw ApiException.badRequest("id", "id must be 1-100 letters, digits, '.', '_', ':' or '-', starting "
                    + "with a letter or digit, got '" + id + "'");
        }
        String name = text(body, "name");
        ReportRequest.checkCharacters(name, "name");
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw ApiException.badRequest("name", "name must be 1 to " + MAX_NAME + " characters, not all blank");
        }
        String kind = text(body, "kind");
        List<String> kinds = Arrays.stream(SourceKind.values()).map(SourceKind::wireName).toList();
        if (!kinds.contains(kind)) {
            throw ApiException.badRequest("kind", "kind must be one of " + String.join(", ", kinds) + ", got '"
                    + kind + "'");
        }
        return new Source(id, name, SourceKind.fromWireName(kind));
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            throw ApiException.badRequest(field, field + " is required");
        }
        if (!n.isTextual()) {
            throw ApiException.badRequest(field, field + " must be a string, got " + Json.kindOf(n));
        }
        return n.textValue();
    }
}
