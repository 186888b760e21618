package org.truce.format.agreement;

import java.util.List;
import java.util.stream.Collectors;
import org.truce.agreement.SourceRef;
import org.truce.timeline.Milestone;
import org.truce.timeline.StatusChange;
import org.truce.timeline.Timeline;

/** A timeline as plain text: milestones in date order, each with its status history and sources. */
public final class TimelineTable {

    private TimelineTable() {
    }

    public static String render(Timeline timeline) {
        StringBuilder out = new StringBuilder();
        out.append("\nTimeline (").append(timeline.milestones().size())
                .append(" milestones; status: not_started, minimal, intermediate, full)\n");
        TextTable rows = new TextTable(List.of("DATE", "ID / WHAT", "WHO", "STATUS SINCE (SOURCE)"), 10, 36, 14,
                AgreementTable.WIDTH);
        for (Milestone m : timeline.milestones()) {
            String history = m.history().stream().map(TimelineTable::change).collect(Collectors.joining("\n"));
            rows.row(m.date().toString(), m.id() + (m.commitment() == null ? "" : " (" + m.commitment() + ")")
                    + "\n" + m.what(), m.who().isEmpty() ? "-" : String.join(", ", m.who()), history);
        }
        out.append(rows.render(AgreementTable.WIDTH));
        return out.toString();
    }

    private static String change(StatusChange c) {
        SourceRef s = c.source();
        return c.status().wireName() + " " + c.on() + " (" + s.statement()
                + (s.sentence() == null ? "" : ", sentence " + s.sentence()) + ")";
    }
}
