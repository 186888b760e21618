package org.truce.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.truce.agreement.CommitmentKind;
import org.truce.assessment.Assessment;
import org.truce.assessment.Check;
import org.truce.assessment.Evidence;
import org.truce.assessment.Outcome;
import org.truce.assessment.ReadingOutcome;
import org.truce.facility.ProtectedObject;
import org.truce.geo.GeoPoint;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;

/** Reports and assessments as the tests need them: an ACLED-like strike, then what differs. */
final class Fixtures {

    static final String ACLED = "acled";
    static final String STRIKE = "Explosions/Remote violence";
    static final String RUSSIA = "Military Forces of Russia (2000-)";

    private Fixtures() {
    }

    static Report strike(String id) {
        return strike(id, "Drone strike on a substation near Sloviansk; power cut in two districts.", 0);
    }

    static Report strike(String id, String notes, int fatalities) {
        return new Report(id, LocalDate.parse("2025-03-20"), TimePrecision.DAY, STRIKE, "Drone strike", RUSSIA,
                "Civilians (Ukraine)", "Ukraine", "Donetsk", "Sloviansk", GeoPoint.of(48.8527, 37.6054),
                GeoPrecision.EXACT, "Ukrainska Pravda; Telegram", notes, fatalities, "",
                Map.of("iso", "804", "region", "Europe", "civilian_targeting", ""));
    }

    static Assessment violation(String reportId, String commitmentId) {
        ProtectedObject substation = new ProtectedObject("F0000042", "Sloviansk 110 kV", "energy.substation",
                GeoPoint.of(48.86, 37.61));
        return new Assessment(reportId, commitmentId, CommitmentKind.STRIKE_MORATORIUM, Outcome.POSSIBLE_VIOLATION,
                "all conditions hold under RU", "RU",
                List.of(new ReadingOutcome("RU", Outcome.POSSIBLE_VIOLATION, "all conditions hold"),
                        new ReadingOutcome("UA", Outcome.OUT_OF_SCOPE, "2025-03-20 is before 2025-03-25")),
                List.of(Check.holds("event_type", STRIKE),
                        Check.holds("window", "2025-03-20 in [2025-03-18, 2025-04-17] (RU)"),
                        Check.holds("protected_target", "distance 1701.3 m <= radius 3000 m to F0000042 \"110 kV\""),
                        Check.holds("party_bound", "RU bound since 2025-03-18")),
                new Evidence.NearestObject(substation, 1701.3372), Assessment.TargetPath.REGISTERED_OBJECT);
    }

    static Assessment nearLine(String reportId, String commitmentId, Outcome outcome, double distance_m) {
        return new Assessment(reportId, commitmentId, CommitmentKind.CEASEFIRE_ZONE, outcome, "near the line", "",
                List.of(), List.of(Check.unknown("zone", "Ю-1 лінія: " + distance_m + " m")),
                new Evidence.ZoneDistance("line-of-contact", distance_m), Assessment.TargetPath.NOT_APPLICABLE);
    }
}
