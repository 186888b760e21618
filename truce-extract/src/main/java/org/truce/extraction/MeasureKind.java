package org.truce.extraction;

import java.util.Locale;
import java.util.Optional;

/** What a measure candidate would become in the agreement, once a person confirms it. */
public enum MeasureKind {
    /** A halt of strikes on a category of objects (energy): a strike moratorium. */
    STRIKE_HALT,
    CEASEFIRE,
    NAVIGATION_SAFETY,
    EXPERT_GROUP,
    TALKS,
    JOINT_INITIATIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MeasureKind> fromWireName(String name) {
        for (MeasureKind k : values()) {
            if (k.wireName().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** A process step (expert group, talks, joint initiative): each sentence is its own milestone. */
    public boolean isProcessStep() {
        return this == EXPERT_GROUP || this == TALKS || this == JOINT_INITIATIVE;
    }
}
