package org.truce.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.truce.store.Database;
import org.truce.store.Sha256;
import org.truce.store.report.EvidenceFolder;
import org.truce.store.report.EvidenceItem;
import org.truce.store.report.EvidenceKind;
import org.truce.store.report.EvidenceTooLargeException;
import org.truce.store.report.StoredEvidence;

/**
 * Evidence of a report: a file uploaded as the request body, or a link posted as JSON; and the
 * files served back by SHA-256. Files are kept in an {@link EvidenceFolder}; their item records
 * the name the client gave, the SHA-256, the size, the media type and when it was received.
 * Everything is checked before anything is written, and a file over the limit is not kept.
 */
final class EvidenceResource {

    static final String FILE_NAME = "X-File-Name";
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_URL_LENGTH = 2000;
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+");
    private static final String OCTET_STREAM = "application/octet-stream";

    private final Database database;
    private final EvidenceSettings settings;
    private final long maxJsonBytes;
    private final Clock clock;

    EvidenceResource(Database database, EvidenceSettings settings, long maxJsonBytes, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.maxJsonBytes = maxJsonBytes;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.post(TruceServer.API + "/reports/{id}/evidence", this::add);
        routes.get(TruceServer.API + "/evidence/{sha256}", this::file);
    }

    private void add(Context ctx) {
        QueryParams q = QueryParams.of(ctx, Set.of("name"));
        long reportId = reportId(ctx.pathParam("id"));
        if (database.reports().findCurrent(reportId).isEmpty()) {
            throw ApiException.notFound("no report with id " + reportId);
        }
        String type = ctx.contentType();
        EvidenceItem item = type != null && mime(type).equals("application/json")
                ? link(Json.readObject(ctx, maxJsonBytes))
                : file(ctx, q, type);
        boolean known = database.evidence().listForReport(reportId).stream().anyMatch(e -> same(e.item(), item));
        StoredEvidence stored = database.evidence().add(reportId, item);
        if (item.kind() == EvidenceKind.FILE) {
            ctx.header("Location", TruceServer.API + "/evidence/" + item.sha256());
        }
        Json.send(ctx, known ? 200 : 201, Views.evidenceItem(stored));
    }

    private EvidenceItem link(JsonNode body) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("url") && !name.equals("media_type")) {
                throw ApiException.badRequest(name, "unknown field '" + name + "'; a link has url and, optionally, "
                        + "media_type");
            }
        }
        JsonNode url = body.get("url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            throw ApiException.badRequest("url", "url is required: the http or https address of the evidence");
        }
        String text = url.asText();
        if (text.length() > MAX_URL_LENGTH) {
            throw ApiException.badRequest("url", "url has more than " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw ApiException.badRequest("url", "url must be an absolute http or https address, got '" + text
                        + "'");
            }
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("url", "url is not a valid address: " + e.getReason());
        }
        String mediaType = null;
        JsonNode mt = body.get("media_type");
        if (mt != null && !mt.isNull()) {
            if (!mt.isTextual() || !MEDIA_TYPE.matcher(mt.asText()).matches()) {
                throw ApiException.badRequest("media_type", "media_type must be a media type such as image/jpeg");
            }
            mediaType = mt.asText().toLowerCase(Locale.ROOT);
        }
        return EvidenceItem.url(text, mediaType, clock.instant());
    }

    private EvidenceItem file(Context ctx, QueryParams q, String contentType) {
        EvidenceFolder folder = settings.folder().orElseThrow(() -> new ApiException(503, null,
                "this server keeps no evidence files (it was started without an evidence folder); links are accepted"));
        String name = name(ctx.header(FILE_NAME), q.text("name"));
        String mediaType = contentType == null ? OCTET_STREAM : mime(contentType);
        if (!MEDIA_TYPE.matcher(mediaType).matches()) {
            throw ApiException.badRequest("Content-Type", "Content-Type must be the file's media type, such as "
                    + "image/jpeg, got '" + contentType + "'");
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > settings.maxBytes()) {
            throw tooLarge();
        }
        if (declared == 0) {
            throw ApiException.badRequest(null, "the file is empty; send its bytes as the body");
        }
        Instant received = clock.instant();
        EvidenceFolder.Kept kept;
        try (InputStream in = ctx.req().getInputStream()) {
            kept = folder.keep(in, settings.maxBytes());
        } catch (EvidenceTooLargeException e) {
            throw tooLarge();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(null, "the file is empty; send its bytes as the body");
        } catch (IOException e) {
            throw ApiException.badRequest(null, "the file could not be read to its end: " + e.getMessage());
        }
        return EvidenceItem.file(name, kept.sha256(), kept.size_bytes(), mediaType.toLowerCase(Locale.ROOT), received);
    }

    private ApiException tooLarge() {
        return new ApiException(413, null, "the evidence file is larger than this server's limit of "
                + settings.maxBytes() + " bytes");
    }

    /** The client's name for the file, from the header or the query, one of them. */
    private static String name(String header, String query) {
        if (header != null && query != null) {
            throw ApiException.badRequest(FILE_NAME, "give the file name once: the X-File-Name header or ?name=");
        }
        String name = header != null ? header : query;
        String field = header != null ? FILE_NAME : "name";
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest(FILE_NAME, "a file needs its name: the X-File-Name header or ?name=");
        }
        if (name.length() > MAX_NAME_LENGTH || name.contains("/") || name.contains("\\") || name.equals(".")
                || name.equals("..") || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ApiException.badRequest(field, "a file name has 1 to " + MAX_NAME_LENGTH
                    + " characters, no slashes and no control characters, got '" + name.replaceAll("\\p{Cntrl}", "?")
                    + "'");
        }
        return name;
    }

    private void file(Context ctx) {
        QueryParams.of(ctx, Set.of());
        String sha = ctx.pathParam("sha256");
        if (!Sha256.isHex(sha)) {
            throw ApiException.badRequest("sha256", "a SHA-256 is 64 lowercase hex digits, got '" + sha + "'");
        }
        Optional<Path> path = settings.folder().flatMap(f -> f.find(sha));
        List<StoredEvidence> items = database.evidence().listBySha256(sha);
        if (path.isEmpty() || items.isEmpty()) {
            throw ApiException.notFound("no evidence file with SHA-256 " + sha);
        }
        String mediaType = items.get(0).item().mediaType();
        try {
            // Served as a download, never rendered in the dashboard's origin, whatever it contains.
            ctx.status(200)
                    .contentType(mediaType == null ? OCTET_STREAM : mediaType)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Disposition", "attachment")
                    .header("Content-Length", Long.toString(Files.size(path.get())))
                    .result(Files.newInputStream(path.get()));
        } catch (IOException e) {
            throw new IllegalStateException("evidence file " + sha + " could not be read", e);
        }
    }

    private static boolean same(EvidenceItem a, EvidenceItem b) {
        return a.kind() == b.kind() && a.location().equals(b.location())
                && Objects.equals(a.sha256(), b.sha256());
    }

    private static long reportId(String raw) {
        if (!ID.matcher(raw).matches()) {
            throw ApiException.badRequest("id", "a report id is a positive whole number, got '" + raw + "'");
        }
        return Long.parseLong(raw);
    }

    private static String mime(String contentType) {
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }
}
