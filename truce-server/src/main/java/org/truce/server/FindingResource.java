package org.truce.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.truce.agreement.Agreement;
import org.truce.store.Database;
import org.truce.store.finding.FindingFilter;

/** {@code /findings} with filters, and {@code /summary}: the counts per commitment, party and day. */
final class FindingResource {

    private final Database database;
    private final Agreement agreement;
    private final List<String> assessedCommitments;

    FindingResource(Database database, Agreement agreement, List<String> assessedCommitments) {
        this.database = database;
        this.agreement = agreement;
        this.assessedCommitments = List.copyOf(assessedCommitments);
    }

    void register(RoutesConfig routes) {
        routes.get(TruceServer.API + "/findings", this::list);
        routes.get(TruceServer.API + "/summary", this::summary);
    }

    private void list(Context ctx) {
        QueryParams q = QueryParams.of(ctx, Set.of("commitment", "outcome", "limit", "offset"));
        FindingFilter filter = new FindingFilter(agreement.id(), q.commitment("commitment", agreement),
                q.outcome("outcome"));
        int limit = q.limit();
        int offset = q.offset();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", database.findings().countMatching(filter));
        m.put("limit", limit);
        m.put("offset", offset);
        m.put("items", database.findings().listMatching(filter, limit, offset).stream().map(Views::finding).toList());
        Json.send(ctx, 200, m);
    }

    private void summary(Context ctx) {
        QueryParams.of(ctx, Set.of());
        Json.send(ctx, 200, ComplianceSummary.of(agreement, assessedCommitments,
                database.findings().countByCommitmentPartyDay(agreement.id())));
    }
}
