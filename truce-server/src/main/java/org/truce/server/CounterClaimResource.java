package org.truce.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.truce.store.Database;
import org.truce.store.access.CounterClaim;
import org.truce.store.incident.IncidentRepository;
import org.truce.store.incident.NoSuchIncidentException;
import org.truce.store.incident.StoredIncident;

/**
 * {@code POST /incidents/{id}/counter-claims}: a party's liaison disputes the incident's finding
 * under one commitment, when that finding names its party. The claim goes into the incident's
 * history and the tamper-evident record in the same transaction.
 */
final class CounterClaimResource {

    static final int MAX_TEXT = 4000;
    static final int MAX_EVIDENCE = 20;
    private static final Pattern EVIDENCE = Pattern.compile("https?://[^\\s]{1,2000}|sha256:[0-9a-f]{64}");

    private final Database database;
    private final String agreementId;
    private final long maxBodyBytes;

    CounterClaimResource(Database database, String agreementId, long maxBodyBytes) {
        this.database = database;
        this.agreementId = agreementId;
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig routes) {
        routes.post(TruceServer.API + "/incidents/{id}/counter-claims", this::file);
    }

    private void file(Context ctx) {
        QueryParams.of(ctx, Set.of());
        String raw = ctx.pathParam("id");
        if (!IncidentResource.ID.matcher(raw).matches()) {
            throw ApiException.badRequest("id", "an incident id is INC- and a number, got '" + raw + "'");
        }
        JsonNode body = Json.readObject(ctx, maxBodyBytes);
        for (var names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("commitment_id", "text", "evidence").contains(name)) {
                throw ApiException.badRequest(name, "unknown field '" + name + "'; this body has commitment_id, "
                        + "evidence, text");
            }
        }
        String commitment = text(body, "commitment_id", 100);
        String text = text(body, "text", MAX_TEXT);
        List<String> evidence = evidence(body.get("evidence"));
        Caller caller = AccessGate.caller(ctx);
        String party = caller.role().party();
        IncidentRepository.Found found = database.incidents().find(raw, agreementId)
                .orElseThrow(() -> ApiException.notFound("no incident " + raw));
        StoredIncident incident = found.incident();
        boolean concerns = incident.findings().stream().anyMatch(f -> f.assessment().commitmentId().equals(commitment)
                && party.equals(f.assessment().party()));
        if (!concerns) {
            throw new ApiException(403, "commitment_id", "incident " + incident.id() + " has no finding under "
                    + commitment + " that names party " + party + "; a liaison disputes findings about its party");
        }
        CounterClaim claim;
        try {
            claim = database.counterClaims().file(incident.id(), commitment, party, caller.name(), text, evidence);
        } catch (NoSuchIncidentException e) {
            throw ApiException.notFound(e.getMessage());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", claim.id());
        m.put("incident_id", claim.incidentId());
        m.put("commitment_id", claim.commitmentId());
        m.put("party", claim.party());
        m.put("by", claim.by());
        m.put("text", claim.text());
        m.put("evidence", claim.evidence());
        m.put("filed_at", Views.instant(claim.filedAt()));
        Json.send(ctx, 201, m);
    }

    private static List<String> evidence(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray() || n.size() > MAX_EVIDENCE) {
            throw ApiException.badRequest("evidence", "evidence is a list of up to " + MAX_EVIDENCE
                    + " links (https://...) or file digests (sha256:<64 hex>)");
        }
        for (JsonNode e : n) {
            if (!e.isTextual() || !EVIDENCE.matcher(e.textValue()).matches()) {
                throw ApiException.badRequest("evidence", "each evidence item is a link (https://...) or a file digest"
                        + " (sha256:<64 lowercase hex>), got " + e);
            }
            out.add(e.textValue());
        }
        return out;
    }

    private static String text(JsonNode body, String field, int max) {
        JsonNode n = body.get(field);
        if (n == null || !n.isTextual() || n.textValue().isBlank() || n.textValue().length() > max) {
            throw ApiException.badRequest(field, field + " is required: 1 to " + max + " characters, not all blank");
        }
        ReportRequest.checkCharacters(n.textValue(), field);
        return n.textValue();
    }
}
