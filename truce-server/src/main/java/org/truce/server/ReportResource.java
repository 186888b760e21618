package org.truce.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.truce.agreement.Agreement;
import org.truce.agreement.Party;
import org.truce.store.Database;
import org.truce.store.finding.StoredFinding;
import org.truce.store.report.ReportFilter;
import org.truce.store.report.StoredReport;

/**
 * {@code /reports}: posting a report (with an idempotency key; assessed at once), one report with
 * its history, evidence and findings, and reports listed by finding, date and place.
 */
final class ReportResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 128;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1," + MAX_KEY_LENGTH + "}");
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Set<String> LIST_PARAMS = Set.of("commitment", "outcome", "party", "from", "to", "bbox",
            "limit", "offset", "include_deleted");

    private final Database database;
    private final Agreement agreement;
    private final ReportIntake intake;
    private final long maxBodyBytes;

    ReportResource(Database database, Agreement agreement, ReportIntake intake, long maxBodyBytes) {
        this.database = database;
        this.agreement = agreement;
        this.intake = intake;
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig routes) {
        routes.post(TruceServer.API + "/reports", this::create);
        routes.get(TruceServer.API + "/reports", this::list);
        routes.get(TruceServer.API + "/reports/{id}", this::get);
    }

    private void create(Context ctx) {
        QueryParams.of(ctx, Set.of());
        String key = ctx.header(IDEMPOTENCY_KEY);
        if (key == null || key.isEmpty()) {
            throw ApiException.badRequest(IDEMPOTENCY_KEY, "the Idempotency-Key header is required: a string of your "
                    + "choice, new for each new report (a UUID will do), the same when retrying");
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.badRequest(IDEMPOTENCY_KEY, "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH
                    + " visible ASCII characters without spaces");
        }
        ReportRequest request = ReportRequest.parse(Json.readObject(ctx, maxBodyBytes), key);
        ReportIntake.Accepted accepted = intake.submit(key, request);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("report_id", accepted.result().reportId());
        m.put("version", accepted.result().version());
        m.put("effect", accepted.result().effect().wireName());
        m.put("replayed", accepted.result().replayed());
        m.put("event_id_cnty", request.content().externalId());
        m.put("findings", accepted.findings().stream().map(Views::finding).toList());
        m.put("incident_id", accepted.incidentId());
        ctx.header("Location", TruceServer.API + "/reports/" + accepted.result().reportId());
        Json.send(ctx, accepted.status(), m);
    }

    /** A party id of the agreement, or "none" for findings attributed to no party; null when not asked. */
    private String party(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.equals("none")) {
            return ReportFilter.NO_PARTY;
        }
        List<String> parties = agreement.parties().stream().map(Party::id).toList();
        if (!parties.contains(raw)) {
            throw ApiException.badRequest("party", "agreement " + agreement.id() + " has no party '" + raw
                    + "'; use one of " + String.join(", ", parties) + ", or none for findings attributed to no party");
        }
        return raw;
    }

    private void get(Context ctx) {
        QueryParams.of(ctx, Set.of());
        String raw = ctx.pathParam("id");
        if (!ID.matcher(raw).matches()) {
            throw ApiException.badRequest("id", "a report id is a positive whole number, got '" + raw + "'");
        }
        long id = Long.parseLong(raw);
        StoredReport report = database.reports().findCurrent(id)
                .orElseThrow(() -> ApiException.notFound("no report with id " + id));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("report", Views.report(report));
        m.put("history", database.reports().history(id).stream().map(Views::version).toList());
        m.put("evidence", database.evidence().listForReport(id).stream().map(Views::evidenceItem).toList());
        m.put("findings", database.findings().listForReport(id).stream()
                .filter(f -> f.basis().agreementId().equals(agreement.id()))
                .map(Views::finding).toList());
        Json.send(ctx, 200, m);
    }

    private void list(Context ctx) {
        QueryParams q = QueryParams.of(ctx, LIST_PARAMS);
        String commitment = q.commitment("commitment", agreement);
        var outcome = q.outcome("outcome");
        String party = party(q.text("party"));
        var from = q.date("from");
        var to = q.date("to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("from", "from (" + from + ") is after to (" + to + ")");
        }
        String deleted = q.text("include_deleted");
        if (deleted != null && !deleted.equals("true") && !deleted.equals("false")) {
            throw ApiException.badRequest("include_deleted", "include_deleted must be true or false, got '" + deleted
                    + "'");
        }
        boolean onFindings = commitment != null || outcome != null || party != null;
        ReportFilter filter = ReportFilter.all()
                .withFindings(onFindings ? agreement.id() : null, commitment, outcome)
                .withParty(onFindings ? agreement.id() : null, party)
                .withDates(from, to)
                .withBox(q.bbox("bbox"))
                .withDeleted("true".equals(deleted));
        int limit = q.limit();
        int offset = q.offset();
        List<StoredReport> page = database.reports().listMatching(filter, limit, offset);
        Map<Long, List<Object>> findings = new LinkedHashMap<>();
        for (StoredReport r : page) {
            findings.put(r.id(), new ArrayList<>());
        }
        for (StoredFinding f : database.findings().listForReports(agreement.id(), findings.keySet())) {
            Map<String, Object> brief = new LinkedHashMap<>();
            brief.put("commitment_id", f.assessment().commitmentId());
            brief.put("outcome", f.assessment().outcome().wireName());
            brief.put("party", Views.party(f.assessment().party()));
            findings.get(f.reportId()).add(brief);
        }
        List<Object> items = new ArrayList<>();
        for (StoredReport r : page) {
            Map<String, Object> item = Views.report(r);
            item.put("findings", findings.get(r.id()));
            items.add(item);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", database.reports().countMatching(filter));
        m.put("limit", limit);
        m.put("offset", offset);
        m.put("items", items);
        Json.send(ctx, 200, m);
    }
}
