package org.truce.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.truce.agreement.StrikeMoratorium;
import org.truce.facility.ProtectedObject;
import org.truce.facility.ProtectedObjectIndex;
import org.truce.geo.GeoPoint;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.target.ChosenTerms;
import org.truce.target.TargetLexicon;
import org.truce.target.TargetScreen;

/**
 * A strike moratorium on a category of protected objects. The target is protected when a
 * registered object of the category lies within the radius, or, failing that, when the report
 * itself names such a target (explicit target field first, then the notes).
 */
final class MoratoriumRule extends ReportRule {

    static final String TARGET = "protected target";

    private final StrikeMoratorium moratorium;
    private final ProtectedObjectIndex index;
    private final TargetLexicon lexicon;
    private final TargetScreen protectedTerms;
    /** Made once: a method reference made per report is an allocation per report. */
    private final Predicate<String> protects;
    /** The radius as trace sentences write it, made once. */
    private final String radiusText;
    /**
     * "An object lies within reach" for the two imprecise location kinds: the sentence depends on
     * the precision only, so one check each is shared by every such report (and the findings
     * writer copies its encoding, as it does for the window's).
     */
    private final Check objectInReachNear;
    private final Check objectInReachRegion;

    MoratoriumRule(StrikeMoratorium moratorium, PartyCheck parties, ProtectedObjectIndex index, TargetLexicon lexicon) {
        super(moratorium, parties);
        this.moratorium = moratorium;
        this.index = index;
        this.lexicon = lexicon;
        this.protects = moratorium::protects;
        this.radiusText = ZoneRule.km(moratorium.radius_m());
        this.objectInReachNear = objectLiesWithin(GeoPrecision.NEAR.uncertainty_m());
        this.objectInReachRegion = objectLiesWithin(GeoPrecision.REGION.uncertainty_m());
        this.protectedTerms = lexicon.screen(protects);
    }

    @Override
    boolean coversEventType(Report r) {
        return moratorium.eventTypes().contains(r.eventType());
    }

    @Override
    Screen screen(LocalDate day, TimePrecision precision, String eventType, GeoPoint point, GeoPrecision where,
            Predicate<TargetScreen> text) {
        Screen decided = screenTypeAndWindow(moratorium.eventTypes().contains(eventType), day, precision);
        if (decided != null) {
            return decided;
        }
        // As checkPlace, where only FAILS and nothing-in-reach give no assessment: an object in
        // reach gives one whatever the text says; without one, only a protected name or hint can.
        double radius = moratorium.radius_m();
        double u = where.uncertainty_m();
        // An object within the radius lies well within radius + u (u is 10 or 50 km when not 0),
        // so one search of the wider circle answers both of checkPlace's questions.
        boolean inReach = u > 0 ? index.anyWithin(point, radius + u) : index.nearestWithin(point, radius).isPresent();
        if (inReach) {
            return Screen.OUT_OF_SCOPE;
        }
        return text.test(protectedTerms) ? Screen.NEEDS_REPORT : Screen.NONE;
    }

    @Override
    PlaceResult checkPlace(Report r) {
        double radius = moratorium.radius_m();
        double u = r.geoPrecision().uncertainty_m();
        Optional<ProtectedObjectIndex.Nearest> nearest = index.nearestWithin(r.point(), radius);
        Evidence evidence = nearest.<Evidence>map(n -> new Evidence.NearestObject(n.object(), n.distance_m()))
                .orElse(Evidence.NONE);
        // Trace sentences are deferred: a bulk run prints few of them.
        if (nearest.isPresent() && nearest.get().distance_m() + u <= radius) {
            ProtectedObjectIndex.Nearest n = nearest.get();
            return new PlaceResult(List.of(Check.deferred(TARGET, Verdict.HOLDS, () -> "registered object " + describe(n)
                    + " <= radius " + radiusText + precision(u))), evidence, Assessment.TargetPath.REGISTERED_OBJECT);
        }

        // Only a protected name outranks an object that may lie in reach; the text is read once,
        // into chosen terms, and made into a reading only if a trace sentence is written.
        boolean objectMayBeInReach = nearest.isPresent() || u > 0 && index.anyWithin(r.point(), radius + u);
        ChosenTerms text = lexicon.choose(r.target(), r.notes());
        if (text.names(protects)) {
            return new PlaceResult(List.of(Check.deferred(TARGET, Verdict.HOLDS, () -> "the report "
                    + text.explain())), evidence, Assessment.TargetPath.REPORT_TEXT);
        }
        if (objectMayBeInReach) {
            return objectInReach(nearest, radius, u, evidence);
        }
        if (text.hintsAt(protects)) {
            return new PlaceResult(List.of(Check.deferred(TARGET, Verdict.UNKNOWN, () -> "the report hints at a target but "
                    + text.explain())), evidence, Assessment.TargetPath.REPORT_TEXT);
        }
        if (text.namesAny()) {
            int registered = index.size();
            return new PlaceResult(List.of(Check.deferred(TARGET, Verdict.FAILS, () -> "target not protected: the report "
                    + text.explain() + "; no protected object within " + ZoneRule.km(radius + u) + " ("
                    + registered + " registered)")), evidence, Assessment.TargetPath.REPORT_TEXT);
        }
        return PlaceResult.NOTHING_IN_REACH;
    }

    /** The place check when an object may lie in reach and the text names no protected target. */
    private PlaceResult objectInReach(Optional<ProtectedObjectIndex.Nearest> nearest, double radius, double u,
            Evidence evidence) {
        if (nearest.isPresent()) {
            ProtectedObjectIndex.Nearest n = nearest.get();
            return new PlaceResult(List.of(Check.deferred(TARGET, Verdict.UNKNOWN, () -> "location precision straddles"
                    + " the radius: " + describe(n) + precision(u) + ", radius " + radiusText)),
                    evidence, Assessment.TargetPath.REGISTERED_OBJECT);
        }
        Check shared = u == GeoPrecision.NEAR.uncertainty_m() ? objectInReachNear
                : u == GeoPrecision.REGION.uncertainty_m() ? objectInReachRegion : objectLiesWithin(u);
        return new PlaceResult(List.of(shared), evidence, Assessment.TargetPath.REGISTERED_OBJECT);
    }

    /** Without a nearest object in the radius, "an object may lie in reach" depends on the precision only. */
    private Check objectLiesWithin(double u) {
        double radius = moratorium.radius_m();
        return Check.deferred(TARGET, Verdict.UNKNOWN, () -> "location precision straddles"
                + " the radius: a protected object lies within " + ZoneRule.km(radius + u) + " of the recorded place"
                + precision(u) + ", radius " + radiusText);
    }

    private static String precision(double u) {
        return ZoneRule.knownTo(u);
    }

    private static String describe(ProtectedObjectIndex.Nearest n) {
        ProtectedObject o = n.object();
        return o.id() + " (" + o.category() + (o.name().isEmpty() ? "" : ", " + o.name()) + ") at "
                + ZoneRule.km(n.distance_m());
    }
}
