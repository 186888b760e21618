package org.truce.assessment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.truce.agreement.Agreement;
import org.truce.agreement.Commitment;
import org.truce.agreement.CommitmentKind;
import org.truce.agreement.StrikeMoratorium;
import org.truce.agreement.Window;
import org.truce.report.Report;

/**
 * Strikes near protected objects: for the agreement's first strike moratorium, each report of a
 * listed type dated inside the first window whose recorded point lies within the radius of a
 * registered protected object, with the nearest one. Proximity only (no text, no precision, no
 * parties), so that it can be checked against PostGIS on the same data.
 */
public final class ProximityList {

    private final StrikeMoratorium commitment;
    private final Window window;
    private final List<Row> rows = new ArrayList<>();

    private ProximityList(StrikeMoratorium commitment) {
        this.commitment = commitment;
        this.window = commitment.terms().readings().get(0).window();
    }

    public static Optional<ProximityList> forFirstMoratorium(Agreement agreement) {
        for (Commitment c : agreement.commitments()) {
            if (c.kind() == CommitmentKind.STRIKE_MORATORIUM) {
                return Optional.of(new ProximityList((StrikeMoratorium) c));
            }
        }
        return Optional.empty();
    }

    public String commitmentId() {
        return commitment.id();
    }

    public void add(Report r, Assessment a) {
        Row row = rowFor(r, a);
        if (row != null) {
            add(row);
        }
    }

    /** The row this assessment contributes, or null; pure, so worker threads can compute it. */
    public Row rowFor(Report r, Assessment a) {
        if (!a.commitmentId().equals(commitment.id()) || !window.contains(r.eventDate())
                || !commitment.eventTypes().contains(r.eventType())) {
            return null;
        }
        return a.evidence() instanceof Evidence.NearestObject n ? new Row(r.id(), n.object().id(), n.distance_m()) : null;
    }

    public synchronized void add(Row row) {
        rows.add(row);
    }

    /** Rows sorted by report id, byte-wise (C collation), as the benchmark's checker expects. */
    public synchronized List<Row> rows() {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(row -> row.reportId().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
        return sorted;
    }

    public record Row(String reportId, String objectId, double distance_m) {
    }
}
