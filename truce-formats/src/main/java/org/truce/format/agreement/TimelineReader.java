package org.truce.format.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.truce.agreement.Agreement;
import org.truce.agreement.SourceRef;
import org.truce.agreement.Statement;
import org.truce.timeline.ImplementationStatus;
import org.truce.timeline.Milestone;
import org.truce.timeline.StatusChange;
import org.truce.timeline.Timeline;

/** Turns the JSON tree of a timeline file (docs/exchanges-timeline-sea.md) into a {@link Timeline}. */
final class TimelineReader extends CompanionReader {

    private static final Set<String> TOP = fields("agreement", "statements", "milestones");
    private static final Set<String> MILESTONE = fields("id", "date", "what", "who", "commitment", "status");
    private static final Set<String> CHANGE = fields("on", "status", "source");

    private final Set<String> milestoneIds = new HashSet<>();

    TimelineReader(Problems problems, Agreement agreement) {
        super(problems, agreement);
    }

    /** The timeline, or null when any problem was found. */
    Timeline read(JsonNode root) {
        ObjectFields top = ObjectFields.of(root, JsonPath.ROOT, problems, "a timeline file");
        if (top == null) {
            return null;
        }
        top.allowOnly(TOP, "a timeline file");
        agreementId(top);
        List<Statement> statements = statements(top);
        List<Milestone> milestones = top.objects("milestones", true, "milestone", this::milestone);
        checkStatementRefs();
        if (problems.count() > 0) {
            return null;
        }
        return build(JsonPath.ROOT, () -> new Timeline(agreement, statements, milestones));
    }

    private Milestone milestone(ObjectFields o) {
        int before = problems.count();
        o.allowOnly(MILESTONE, "a milestone");
        String id = o.id("id", true);
        if (id != null && !milestoneIds.add(id)) {
            problems.add(o.path("id"), "duplicate milestone id \"" + id + "\"");
        }
        LocalDate date = o.date("date", true);
        String what = o.text("what", true);
        List<String> who = o.texts("who", false);
        String commitment = o.id("commitment", false);
        if (commitment != null && agreement.findCommitment(commitment).isEmpty()) {
            problems.add(o.path("commitment"), "no commitment \"" + commitment + "\" in agreement " + agreement.id());
        }
        List<StatusChange> history = o.objects("status", true, "status change", this::change);
        LocalDate previous = null;
        for (int i = 0; i < history.size(); i++) {
            LocalDate on = history.get(i).on();
            if (previous != null && !on.isAfter(previous)) {
                problems.add(o.path("status").index(i), "status changes must be in date order; " + on
                        + " does not come after " + previous);
            }
            previous = on;
        }
        return problems.count() > before ? null
                : build(o.path(), () -> new Milestone(id, date, what, who, commitment, history));
    }

    private StatusChange change(ObjectFields o) {
        int before = problems.count();
        o.allowOnly(CHANGE, "a status change");
        LocalDate on = o.date("on", true);
        ImplementationStatus status = o.choice("status", true, statuses());
        SourceRef source = source(o, true);
        return problems.count() > before ? null : build(o.path(), () -> new StatusChange(on, status, source));
    }

    private static Map<String, ImplementationStatus> statuses() {
        Map<String, ImplementationStatus> out = new LinkedHashMap<>();
        for (ImplementationStatus s : ImplementationStatus.values()) {
            out.put(s.wireName(), s);
        }
        return out;
    }
}
