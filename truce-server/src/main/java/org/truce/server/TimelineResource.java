package org.truce.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.truce.agreement.Agreement;
import org.truce.agreement.Statement;
import org.truce.timeline.ImplementationStatus;
import org.truce.timeline.Milestone;
import org.truce.timeline.StatusChange;
import org.truce.timeline.Timeline;

/**
 * {@code /timeline}: the meetings and milestones around the agreement in date order, each with its
 * status history on the implementation scale and the source of every change. Read only.
 */
final class TimelineResource {

    private final Agreement agreement;
    private final Timeline timeline;
    private final Map<String, Statement> statements = new LinkedHashMap<>();

    TimelineResource(Agreement agreement, Timeline timeline) {
        this.agreement = agreement;
        this.timeline = timeline;
        agreement.statements().forEach(s -> statements.put(s.id(), s));
        timeline.ownStatements().forEach(s -> statements.put(s.id(), s));
    }

    void register(RoutesConfig routes) {
        routes.get(TruceServer.API + "/timeline", this::list);
    }

    private void list(Context ctx) {
        QueryParams.of(ctx, Set.of());
        Set<String> cited = new LinkedHashSet<>();
        timeline.milestones().forEach(ms -> ms.history().forEach(c -> cited.add(c.source().statement())));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agreement", agreement.id());
        m.put("scale", Arrays.stream(ImplementationStatus.values()).map(ImplementationStatus::wireName).toList());
        m.put("milestones", timeline.milestones().stream().map(TimelineResource::milestone).toList());
        m.put("statements", cited.stream().map(id -> ExchangeResource.statement(statements.get(id))).toList());
        Json.send(ctx, 200, m);
    }

    private static Map<String, Object> milestone(Milestone ms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ms.id());
        m.put("date", Views.date(ms.date()));
        m.put("what", ms.what());
        m.put("who", ms.who());
        m.put("commitment", ms.commitment());
        m.put("status", ms.current().status().wireName());
        List<Map<String, Object>> history = ms.history().stream().map(TimelineResource::change).toList();
        m.put("history", history);
        return m;
    }

    private static Map<String, Object> change(StatusChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("on", Views.date(c.on()));
        m.put("status", c.status().wireName());
        m.put("rank", c.status().ordinal());
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("statement", c.source().statement());
        source.put("sentence", c.source().sentence());
        source.put("note", c.source().note());
        m.put("source", source);
        return m;
    }
}
