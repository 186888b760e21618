package org.truce.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.truce.access.RecordScope;
import org.truce.agreement.Agreement;
import org.truce.agreement.Party;
import org.truce.incident.OperationRefused;
import org.truce.incident.VerificationStatus;
import org.truce.store.Database;
import org.truce.store.finding.FindingBasis;
import org.truce.store.incident.IncidentFilter;
import org.truce.store.incident.IncidentRefusedException;
import org.truce.store.incident.IncidentRepository;
import org.truce.store.incident.NoSuchIncidentException;
import org.truce.store.incident.StoredIncident;

/**
 * {@code /incidents}: incidents listed with filters, one with its reports, evidence, findings and
 * history (a merged-away id answers with the survivor), and the analyst's operations: merge,
 * split, verification status. {@code by} is the account signed in (issue 8). A refusal by the
 * rules is a 409 naming the rule; nothing is changed.
 */
final class IncidentResource {

    static final Pattern ID = Pattern.compile("INC-[1-9][0-9]{0,17}(-[1-9][0-9]{0,5})?");
    static final int MAX_REASON = 2000;
    static final int MAX_SPLIT_REPORTS = 1000;
    private static final Set<String> LIST_PARAMS = Set.of("commitment", "party", "status", "bbox", "from", "to",
            "limit", "offset");

    private final Database database;
    private final Agreement agreement;
    private final FindingBasis basis;
    private final long maxBodyBytes;

    IncidentResource(Database database, Agreement agreement, FindingBasis basis, long maxBodyBytes) {
        this.database = database;
        this.agreement = agreement;
        this.basis = basis;
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig routes) {
        String base = TruceServer.API + "/incidents";
        routes.get(base, this::list);
        routes.get(base + "/{id}", this::get);
        routes.post(base + "/{id}/merge", this::merge);
        routes.post(base + "/{id}/split", this::split);
        routes.post(base + "/{id}/verification", this::verification);
    }

    private void list(Context ctx) {
        QueryParams q = QueryParams.of(ctx, LIST_PARAMS);
        String commitment = q.commitment("commitment", agreement);
        String party = q.text("party");
        List<String> parties = agreement.parties().stream().map(Party::id).toList();
        if (party != null && !parties.contains(party)) {
            throw ApiException.badRequest("party", "agreement " + agreement.id() + " has no party '" + party
                    + "'; its parties are " + String.join(", ", parties));
        }
        String s = q.text("status");
        VerificationStatus status = s == null ? null : status("status", s);
        var from = q.date("from");
        var to = q.date("to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("from", "from (" + from + ") is after to (" + to + ")");
        }
        // The caller's scope goes into the query, so that the page and its total hold only what the
        // role may see; ResponseRedaction still checks every item (issue 8).
        IncidentFilter filter = new IncidentFilter(agreement.id(), commitment, party, status, q.bbox("bbox"), from, to)
                .within(RecordScope.reachOf(AccessGate.caller(ctx).role()));
        int limit = q.limit();
        int offset = q.offset();
        IncidentRepository incidents = database.incidents();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", incidents.listMatching(filter, limit, offset).stream().map(IncidentViews::brief).toList());
        m.put("total", incidents.countMatching(filter));
        m.put("limit", limit);
        m.put("offset", offset);
        Json.send(ctx, 200, m);
    }

    private void get(Context ctx) {
        QueryParams.of(ctx, Set.of());
        Json.send(ctx, 200, detail(pathId(ctx)));
    }

    private void merge(Context ctx) {
        QueryParams.of(ctx, Set.of());
        String id = pathId(ctx);
        JsonNode body = Json.readObject(ctx, maxBodyBytes);
        only(body, Set.of("absorbed", "by", "reason"));
        String absorbed = text(body, "absorbed", 60);
        if (!ID.matcher(absorbed).matches()) {
            throw ApiException.badRequest("absorbed", "absorbed must be an incident id such as INC-42, got '"
                    + absorbed + "'");
        }
        String by = by(ctx, body);
        String reason = reason(body);
        String survivor = refusing(() -> database.incidents().merge(id, absorbed, by, reason, basis));
        Json.send(ctx, 200, detail(survivor));
    }

    private void split(Context ctx) {
        QueryParams.of(ctx, Set.of());
        String id = pathId(ctx);
        JsonNode body = Json.readObject(ctx, maxBodyBytes);
        only(body, Set.of("report_ids", "by", "reason"));
        JsonNode ids = body.get("report_ids");
        if (ids == null || ids.isNull()) {
            throw ApiException.badRequest("report_ids", "report_ids is required: the ids of the reports to split off");
        }
        if (!ids.isArray() || ids.isEmpty() || ids.size() > MAX_SPLIT_REPORTS) {
            throw ApiException.badRequest("report_ids", "report_ids must be an array of 1 to " + MAX_SPLIT_REPORTS
                    + " report ids, got " + (ids.isArray() ? "an empty array" : Json.kindOf(ids)));
        }
        Set<Long> reportIds = new LinkedHashSet<>();
        for (JsonNode n : ids) {
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 1) {
                throw ApiException.badRequest("report_ids", "report_ids must hold positive whole numbers, got "
                        + (n.isNumber() ? n.toString() : Json.kindOf(n)));
            }
            reportIds.add(n.longValue());
        }
        String by = by(ctx, body);
        String reason = reason(body);
        String newId = refusing(() -> database.incidents().split(id, reportIds, by, reason, basis));
        ctx.header("Location", TruceServer.API + "/incidents/" + newId);
        Json.send(ctx, 200, detail(id));
    }

    private void verification(Context ctx) {
        QueryParams.of(ctx, Set.of());
        String id = pathId(ctx);
        JsonNode body = Json.readObject(ctx, maxBodyBytes);
        only(body, Set.of("status", "by", "reason"));
        VerificationStatus to = status("status", text(body, "status", 20));
        String by = by(ctx, body);
        String reason = reason(body);
        String current = refusing(() -> database.incidents().changeStatus(id, to, by, reason));
        Json.send(ctx, 200, detail(current));
    }

    private Map<String, Object> detail(String id) {
        IncidentRepository incidents = database.incidents();
        IncidentRepository.Found found = incidents.find(id, agreement.id())
                .orElseThrow(() -> ApiException.notFound("no incident " + id));
        StoredIncident incident = found.incident();
        return IncidentViews.detail(incident, found.redirectedFrom().orElse(null), incidents.members(incident.id()),
                database.evidence(), incidents.history(incident.id()));
    }

    /** Runs an operation, turning the rules' refusals into 409 and unknown ids into 404. */
    private static String refusing(java.util.function.Supplier<String> operation) {
        try {
            return operation.get();
        } catch (NoSuchIncidentException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (IncidentRefusedException e) {
            throw ApiException.refused(e.rule().wireName(), e.getMessage());
        } catch (OperationRefused e) {
            throw ApiException.refused(null, e.getMessage());
        }
    }

    private static String pathId(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!ID.matcher(raw).matches()) {
            throw ApiException.badRequest("id", "an incident id is INC- and a number (INC-42, or INC-42-2 after a "
                    + "split), got '" + raw + "'");
        }
        return raw;
    }

    private static VerificationStatus status(String field, String s) {
        for (VerificationStatus v : VerificationStatus.values()) {
            if (v.label().equals(s)) {
                return v;
            }
        }
        throw ApiException.badRequest(field, field + " must be one of " + Arrays.stream(VerificationStatus.values())
                .map(VerificationStatus::label).collect(Collectors.joining(", ")) + ", got '" + s + "'");
    }

    private static void only(JsonNode body, Set<String> fields) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw ApiException.badRequest(name, "unknown field '" + name + "'; this body has "
                        + fields.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    /**
     * Who does it is the signed-in account, so that four eyes hold: nobody verifies what they
     * created under another name. A {@code by} in the body must be that name.
     */
    private static String by(Context ctx, JsonNode body) {
        String name = AccessGate.caller(ctx).name();
        JsonNode n = body.get("by");
        if (n != null && !n.isNull() && !(n.isTextual() && n.textValue().equals(name))) {
            throw ApiException.badRequest("by", "by is the account signed in (" + name + "); leave it out or give"
                    + " that name, got " + n);
        }
        return name;
    }

    private static String reason(JsonNode body) {
        return text(body, "reason", MAX_REASON);
    }

    private static String text(JsonNode body, String field, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            throw ApiException.badRequest(field, field + " is required");
        }
        if (!n.isTextual()) {
            throw ApiException.badRequest(field, field + " must be a string, got " + Json.kindOf(n));
        }
        String s = n.textValue();
        ReportRequest.checkCharacters(s, field);
        if (s.isBlank() || s.length() > max) {
            throw ApiException.badRequest(field, field + " must be 1 to " + max + " characters, not all blank");
        }
        return s;
    }
}
