package org.truce.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.truce.agreement.Commitment;
import org.truce.agreement.Window;
import org.truce.agreement.WindowReading;
import org.truce.geo.GeoPoint;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.target.TargetScreen;

/**
 * A commitment turned into checks on a single report. Subclasses say how the place condition is
 * checked; the order of the checks, the readings and the outcome are the same for every kind.
 */
abstract sealed class ReportRule permits MoratoriumRule, ZoneRule, NavigationSafetyRule {

    static final String EVENT_TYPE = "event type";

    final Commitment commitment;
    private final PartyCheck parties;

    /** One per window reading, in the order of the commitment's readings. */
    private final WindowCheck.Cache[] windowCheckCaches;
    private final EventTypeChecks typeChecks = new EventTypeChecks();
    /**
     * Per window reading, as epoch days: the window [from, until) and its period of interest
     * [interestFrom, interestUntil) (open ends as Long.MAX_VALUE). The day questions run for every
     * row of a file, and reading them off the LocalDates each time showed.
     */
    private final long[] windowFrom;
    private final long[] windowUntil;
    private final long[] interestFrom;
    private final long[] interestUntil;

    ReportRule(Commitment commitment, PartyCheck parties) {
        this.commitment = commitment;
        this.parties = parties;
        List<WindowReading> readings = commitment.terms().readings();
        this.windowCheckCaches = new WindowCheck.Cache[readings.size()];
        for (int i = 0; i < readings.size(); i++) {
            windowCheckCaches[i] = new WindowCheck.Cache(readings.get(i), readings.size());
        }
        int n = readings.size();
        windowFrom = new long[n];
        windowUntil = new long[n];
        interestFrom = new long[n];
        interestUntil = new long[n];
        for (int i = 0; i < n; i++) {
            Window w = readings.get(i).window();
            long margin = w.isOpenEnded() ? WindowCheck.OPEN_WINDOW_MARGIN_DAYS : w.days();
            windowFrom[i] = w.from().toEpochDay();
            windowUntil[i] = w.isOpenEnded() ? Long.MAX_VALUE : w.untilExclusive().toEpochDay();
            interestFrom[i] = windowFrom[i] - margin;
            interestUntil[i] = w.isOpenEnded() ? Long.MAX_VALUE : windowUntil[i] + margin;
        }
    }

    abstract boolean coversEventType(Report r);

    /** The report's type as the trace names it; rules that read the sub-type name it too. */
    String typeOf(Report r) {
        return r.eventType();
    }

    /** The place (and target) condition, with the evidence measured for it. */
    abstract PlaceResult checkPlace(Report r);

    /**
     * The place condition's checks and the measurement behind them. Every result rests on
     * something (an object or zone within reach, a target the report names or hints at), except
     * {@link #NOTHING_IN_REACH}.
     */
    record PlaceResult(List<Check> checks, Evidence evidence, Assessment.TargetPath path) {

        /**
         * The place condition fails for want of anything in reach: the report cannot concern the
         * commitment, so no trace text is written for it (the common case, kept cheap).
         */
        static final PlaceResult NOTHING_IN_REACH = new PlaceResult(
                List.of(Check.fails("place", "nothing in reach")), Evidence.NONE, Assessment.TargetPath.NONE);
    }

    /**
     * Empty when the report does not concern the commitment. It concerns it when its day lies
     * within the period of interest of a window reading (the window and as long again before and
     * after it, for a before-and-after comparison), at most one of event type, window and place
     * certainly fails, and the place condition rests on something. So a strike on a substation the
     * day before the window, a downed drone next to one, or a strike in the window on a hospital are
     * assessed, out of scope with that reason; a strike in the window far from anything protected,
     * whose report names no target, is not.
     */
    final Optional<Assessment> assess(Report r) {
        if (!mayConcernDay(r.eventDate(), r.timePrecision())) {
            return Optional.empty();
        }
        List<WindowReading> readings = commitment.terms().readings();
        boolean typeCovered = coversEventType(r);
        boolean anyWindowPossible = anyWindowPossible(r.eventDate(), r.timePrecision());
        if (!typeCovered && !anyWindowPossible) {
            return Optional.empty();
        }
        PlaceResult place = checkPlace(r);
        if (place == PlaceResult.NOTHING_IN_REACH) {
            return Optional.empty();
        }
        boolean placeFails = false;
        for (Check c : place.checks()) {
            placeFails |= c.verdict() == Verdict.FAILS;
        }
        if (placeFails && !(typeCovered && anyWindowPossible)) {
            return Optional.empty();
        }
        // Only now, for reports that concern the commitment, are the trace's texts written.
        // Immutable lists made straight from arrays: Assessment keeps them without another copy.
        int windows = windowCheckCaches.length;
        List<Check> placeChecks = place.checks();
        Check[] trace = new Check[windows + placeChecks.size() + 2];
        Check typeCheck = typeChecks.of(typeOf(r), typeCovered);
        trace[0] = typeCheck;
        for (int i = 0; i < windows; i++) {
            trace[1 + i] = windowCheckCaches[i].check(r.eventDate(), r.timePrecision());
        }
        for (int i = 0; i < placeChecks.size(); i++) {
            trace[1 + windows + i] = placeChecks.get(i);
        }
        String party = parties.partyOf(r.actor1());
        Check partyCheck = parties.check(commitment.terms(), party, r.actor1(), r.eventDate());
        trace[trace.length - 1] = partyCheck;

        List<ReadingOutcome> outcomes;
        if (readings.isEmpty()) {
            outcomes = List.of(outcomeOf("open", typeCheck, null, placeChecks, partyCheck));
        } else if (readings.size() == 1) {
            outcomes = List.of(outcomeOf(readings.get(0).label(), typeCheck, trace[1], placeChecks, partyCheck));
        } else {
            ReadingOutcome[] each = new ReadingOutcome[readings.size()];
            for (int i = 0; i < each.length; i++) {
                each[i] = outcomeOf(readings.get(i).label(), typeCheck, trace[1 + i], placeChecks, partyCheck);
            }
            outcomes = List.of(each);
        }
        ReadingOutcome decisive = decisive(outcomes);
        return Optional.of(new Assessment(r.id(), commitment.id(), commitment.kind(), decisive.outcome(),
                decisive.reason(), party, outcomes, List.of(trace), place.evidence(), place.path()));
    }

    /**
     * The event-type checks, one per type and verdict, shared like the window's: types repeat on
     * every row. Bounded, as a file could hold a new type on every line.
     */
    private static final class EventTypeChecks {
        private static final int LIMIT = 10_000;
        private final Map<String, Check> listed = new ConcurrentHashMap<>();
        private final Map<String, Check> notListed = new ConcurrentHashMap<>();

        Check of(String type, boolean covered) {
            Map<String, Check> known = covered ? listed : notListed;
            Check c = known.get(type);
            if (c == null) {
                c = covered
                        ? Check.deferred(EVENT_TYPE, Verdict.HOLDS, () -> "'" + type + "' is listed")
                        : Check.deferred(EVENT_TYPE, Verdict.FAILS, () -> "event type not covered: '" + type + "'");
                if (known.size() < LIMIT) {
                    known.put(type, c);
                }
            }
            return c;
        }
    }

    /** Whether the day may fall inside the window under some reading (no window: always). */
    final boolean anyWindowPossible(LocalDate day, TimePrecision precision) {
        if (windowFrom.length == 0) {
            return true;
        }
        // As WindowCheck.verdict(...) != FAILS for some reading.
        long d = day.toEpochDay();
        int u = precision.uncertainty_days();
        for (int i = 0; i < windowFrom.length; i++) {
            if (d + u >= windowFrom[i] && d - u < windowUntil[i]) {
                return true;
            }
        }
        return false;
    }

    /** What {@link #assess} can give for a row, judged before any report is made. */
    enum Screen {
        /** No assessment. */
        NONE,
        /** One assessment, out of scope. */
        OUT_OF_SCOPE,
        /** Anything: only {@link #assess} on a report can tell. */
        NEEDS_REPORT
    }

    /**
     * What {@link #assess} would give for a report with these facts, or {@link Screen#NEEDS_REPORT}
     * when these facts cannot tell. Rules that do not screen answer that for every day they may concern.
     *
     * @param text whether the report's target or notes may name or hint at the screen's categories
     */
    Screen screen(LocalDate day, TimePrecision precision, String eventType, GeoPoint point, GeoPrecision where,
            Predicate<TargetScreen> text) {
        return mayConcernDay(day, precision) ? Screen.NEEDS_REPORT : Screen.NONE;
    }

    /**
     * The part of {@link #screen} that type and window decide, as {@link #assess} orders them;
     * null when exactly one of them certainly fails, so that an assessment, if the place gives one,
     * is out of scope whatever else the report says.
     */
    final Screen screenTypeAndWindow(boolean typeCovered, LocalDate day, TimePrecision precision) {
        if (!mayConcernDay(day, precision)) {
            return Screen.NONE;
        }
        boolean window = anyWindowPossible(day, precision);
        if (!typeCovered && !window) {
            return Screen.NONE;
        }
        return typeCovered && window ? Screen.NEEDS_REPORT : null;
    }

    /**
     * Whether a report of that day, so precisely known, can concern the commitment at all: its
     * day may lie in the period of interest of a window reading. When this is false,
     * {@link #assess} returns nothing whatever else the report says.
     */
    final boolean mayConcernDay(LocalDate day, TimePrecision precision) {
        if (interestFrom.length == 0) {
            return true;
        }
        // As WindowCheck.inPeriodOfInterest for some reading.
        long d = day.toEpochDay();
        int u = precision.uncertainty_days();
        for (int i = 0; i < interestFrom.length; i++) {
            if (d + u >= interestFrom[i] && d - u < interestUntil[i]) {
                return true;
            }
        }
        return false;
    }

    /** The first check that fails decides, else the first unknown one; in trace order: type, window, place, party. */
    private static ReadingOutcome outcomeOf(
            String label, Check type, Check window, List<Check> place, Check party) {
        Check decisive = first(Verdict.FAILS, type, window, place, party);
        if (decisive != null) {
            return new ReadingOutcome(label, Outcome.OUT_OF_SCOPE, decisive.detail());
        }
        decisive = first(Verdict.UNKNOWN, type, window, place, party);
        if (decisive != null) {
            return new ReadingOutcome(label, Outcome.UNDETERMINED, decisive.detail());
        }
        return new ReadingOutcome(label, Outcome.POSSIBLE_VIOLATION, "all conditions hold");
    }

    private static Check first(Verdict wanted, Check type, Check window, List<Check> place, Check party) {
        if (type.verdict() == wanted) {
            return type;
        }
        if (window != null && window.verdict() == wanted) {
            return window;
        }
        for (Check c : place) {
            if (c.verdict() == wanted) {
                return c;
            }
        }
        return party.verdict() == wanted ? party : null;
    }

    /** A possible violation under any reading is reported; then doubt; then out of scope. */
    private static ReadingOutcome decisive(List<ReadingOutcome> outcomes) {
        if (outcomes.size() == 1) {
            return outcomes.get(0);
        }
        for (Outcome wanted : List.of(Outcome.POSSIBLE_VIOLATION, Outcome.UNDETERMINED)) {
            List<String> labels = new ArrayList<>();
            ReadingOutcome first = null;
            for (ReadingOutcome o : outcomes) {
                if (o.outcome() == wanted) {
                    labels.add(o.reading());
                    first = first == null ? o : first;
                }
            }
            if (first != null) {
                String reason = outcomes.size() == 1 ? first.reason()
                        : first.reason() + " (under reading " + String.join(", ", labels) + ")";
                return new ReadingOutcome(first.reading(), wanted, reason);
            }
        }
        return outcomes.get(0);
    }
}
