package org.truce.assessment;

import org.truce.facility.ProtectedObject;

/** The measurement behind a place condition, kept with the assessment for outputs and traces. */
public sealed interface Evidence {

    /** The nearest registered protected object within the radius of the report's recorded point. */
    record NearestObject(ProtectedObject object, double distance_m) implements Evidence {
    }

    /** Distance from the report's recorded point to a zone. */
    record ZoneDistance(String zone, double distance_m) implements Evidence {
    }

    /** Nothing was measured (no registered object in reach, or no zone loaded). */
    record None() implements Evidence {
    }

    None NONE = new None();
}
