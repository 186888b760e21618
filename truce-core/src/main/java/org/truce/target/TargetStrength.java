package org.truce.target;

/** How strongly a report's words point at a kind of target. */
public enum TargetStrength {
    /** The text names the kind of object: "substation", "підстанцію", "raffinerie". */
    NAMED,
    /** The text describes a consequence that suggests it without naming it: "power outage". */
    HINT
}
