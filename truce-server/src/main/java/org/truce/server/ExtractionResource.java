package org.truce.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.truce.extraction.Extraction;
import org.truce.extraction.Extractor;
import org.truce.extraction.Language;
import org.truce.extraction.output.DraftAgreement;
import org.truce.extraction.output.ItemFiles;
import org.truce.store.Database;
import org.truce.store.statement.StoredStatement;

/**
 * {@code POST /statements/{id}/extraction}: runs the extractor on a stored statement, in the
 * statement's language and against its publication date, and answers the candidate items (each
 * with its span, rule and confidence) and the draft agreement. Nothing is stored: every item is a
 * candidate for a person to confirm, never a finding or a commitment, and the same text read by the
 * same rules gives the same answer again.
 */
final class ExtractionResource {

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final ObjectMapper DRAFT = new ObjectMapper();

    private final Database database;
    // Loaded on first use: the rule files and sentence models take a moment, and most servers never extract.
    private Extractor extractor;

    ExtractionResource(Database database) {
        this.database = database;
    }

    void register(RoutesConfig routes) {
        routes.post(TruceServer.API + "/statements/{id}/extraction", this::extract);
    }

    private void extract(Context ctx) {
        QueryParams.of(ctx, Set.of());
        String raw = ctx.pathParam("id");
        if (!ID.matcher(raw).matches()) {
            throw ApiException.badRequest("id", "a statement id is a positive whole number, got '" + raw + "'");
        }
        long id = Long.parseLong(raw);
        StoredStatement s = database.statements().find(id)
                .orElseThrow(() -> ApiException.notFound("no statement with id " + id));
        // BCP 47: "fr-FR" is read by the French rules.
        String primary = s.language().split("-", 2)[0].toLowerCase(Locale.ROOT);
        Language language = Language.fromCode(primary).orElseThrow(() -> new ApiException(422, "language",
                "statement " + id + " is in '" + s.language() + "'; the extractor reads fr and en"));
        Extraction extraction;
        Optional<String> draft;
        synchronized (this) { // the sentence detectors are not thread-safe
            Extractor x = extractor();
            LocalDate published = s.published();
            String basis = "the statement's publication date";
            if (published == null) {
                Optional<LocalDate> header = x.headerDate(s.text());
                published = header.or(() -> x.latestFullDate(s.text())).orElseThrow(() -> new ApiException(422,
                        "published", "statement " + id + " has no publication date and its text gives none;"
                                + " relative dates cannot be read without one"));
                basis = header.isPresent() ? "date on the first line" : "latest full date in the text";
            }
            extraction = x.extract(s.text(), language, published, basis);
            draft = DraftAgreement.render(extraction, x.gazetteer(), name(s));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statement_id", id);
        m.put("text_sha256", s.textSha256());
        m.put("language", language.code());
        m.put("published", Views.date(extraction.published()));
        m.put("published_basis", extraction.publishedBasis());
        m.put("event_day", Views.date(extraction.eventDay()));
        m.put("event_day_basis", extraction.eventDayBasis());
        m.put("review", "candidates read automatically; confirm each against the text. Nothing was stored.");
        m.put("items", extraction.items().stream().map(ItemFiles::fields).toList());
        m.put("notices", extraction.notices());
        m.put("draft_agreement", draft.map(ExtractionResource::tree).orElse(null));
        Json.send(ctx, 200, m);
    }

    private Extractor extractor() {
        if (extractor == null) {
            extractor = Extractor.standard();
        }
        return extractor;
    }

    private static String name(StoredStatement s) {
        return "statement " + s.id() + (s.title() == null || s.title().isBlank() ? "" : " (" + s.title() + ")");
    }

    private static Object tree(String json) {
        try {
            return DRAFT.readTree(json);
        } catch (JsonProcessingException e) {
            // The draft passed the agreement loader before it was returned, so this is a bug, not bad input.
            throw new IllegalStateException("the draft agreement is not JSON", e);
        }
    }
}
