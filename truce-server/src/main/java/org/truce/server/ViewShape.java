package org.truce.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the views of the record sit in one route's JSON answer, so that {@link ResponseRedaction}
 * can send each through the field catalog under its view's name. {@code view} is null for a
 * wrapper (paging members, counts), whose own members go out as they are; {@code nested} names
 * the members that hold another view (a list applies the shape to each item).
 */
record ViewShape(String view, Map<String, ViewShape> nested) {

    /** Reference data, proofs, counts: nothing in it is a field of the record's views. */
    static final ViewShape VERBATIM = new ViewShape(null, Map.of());

    ViewShape {
        nested = Map.copyOf(nested);
    }

    static ViewShape of(String view) {
        return new ViewShape(view, Map.of());
    }

    /** A wrapper whose members are not in the catalog. */
    static ViewShape wrapper() {
        return new ViewShape(null, Map.of());
    }

    ViewShape with(String member, ViewShape shape) {
        Map<String, ViewShape> m = new LinkedHashMap<>(nested);
        m.put(member, shape);
        return new ViewShape(view, m);
    }

    boolean verbatim() {
        return view == null && nested.isEmpty();
    }

    // The shapes of the record's views, shared by the routes that answer with them.

    static final ViewShape REPORT_DETAIL = wrapper()
            .with("report", of("report"))
            .with("history", of("version").with("content", of("report")))
            .with("evidence", of("evidence"))
            .with("findings", of("finding"));

    static final ViewShape INCIDENT = of("incident")
            .with("reports", of("report"))
            .with("evidence", of("incident_evidence"))
            .with("history", of("incident_history"));

    static final ViewShape PAGE_OF_REPORTS = wrapper().with("items", of("report"));
    static final ViewShape PAGE_OF_FINDINGS = wrapper().with("items", of("finding"));
    static final ViewShape PAGE_OF_INCIDENTS = wrapper().with("items", of("incident"));
    static final ViewShape PAGE_OF_STATEMENTS = wrapper().with("items", of("statement"));
    static final ViewShape REPORT_TAKEN = wrapper().with("findings", of("finding"));
}
