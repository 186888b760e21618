package org.truce.assessment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import org.truce.agreement.Agreement;
import org.truce.agreement.CeasefireZone;
import org.truce.agreement.Commitment;
import org.truce.agreement.CommitmentKind;
import org.truce.agreement.Window;
import org.truce.report.Report;

/**
 * Hostile events per day near a ceasefire line: for each day of the commitment's first window,
 * the reports of a listed type whose recorded point lies within the buffer. A monitoring count,
 * not a judgement: it ignores precision and parties, as the OSCE's daily tallies did.
 */
public final class DailyZoneCounts {

    private final CeasefireZone commitment;
    private final Window window;
    private final AtomicLongArray counts;

    private DailyZoneCounts(CeasefireZone commitment) {
        this.commitment = commitment;
        this.window = commitment.terms().readings().get(0).window();
        if (window.isOpenEnded()) {
            throw new IllegalArgumentException("daily counts need a window with an end: " + commitment.id());
        }
        this.counts = new AtomicLongArray((int) window.days());
    }

    /** Counts for the agreement's first ceasefire zone with a bounded window, if it has one. */
    public static Optional<DailyZoneCounts> forFirstCeasefire(Agreement agreement) {
        for (Commitment c : agreement.commitments()) {
            if (c.kind() == CommitmentKind.CEASEFIRE_ZONE
                    && !c.terms().readings().get(0).window().isOpenEnded()) {
                return Optional.of(new DailyZoneCounts((CeasefireZone) c));
            }
        }
        return Optional.empty();
    }

    public String commitmentId() {
        return commitment.id();
    }

    /** Adds the report if its assessment against this commitment puts it inside the buffer. */
    public void count(Report r, Assessment a) {
        int day = dayOf(r, a);
        if (day >= 0) {
            countDay(day);
        }
    }

    /**
     * The index of the day (from the window's start) this assessment counts for, or -1; pure, so
     * worker threads can compute it.
     */
    public int dayOf(Report r, Assessment a) {
        if (!a.commitmentId().equals(commitment.id()) || !window.contains(r.eventDate())
                || !commitment.eventTypes().contains(r.eventType())) {
            return -1;
        }
        if (a.evidence() instanceof Evidence.ZoneDistance zd && zd.distance_m() <= commitment.buffer_m()) {
            return (int) ChronoUnit.DAYS.between(window.from(), r.eventDate());
        }
        return -1;
    }

    public void countDay(int day) {
        counts.incrementAndGet(day);
    }

    /** Every day of the window in order, including days with no event. */
    public List<DayCount> days() {
        List<DayCount> out = new ArrayList<>(counts.length());
        for (int i = 0; i < counts.length(); i++) {
            out.add(new DayCount(window.from().plusDays(i), counts.get(i)));
        }
        return out;
    }

    public record DayCount(LocalDate date, long events) {
    }
}
