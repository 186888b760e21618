package org.truce.store.report;

import java.util.Locale;

/** What storing one report did: the report's row id, its current version, and the effect. */
public record ImportOutcome(long reportId, int version, Effect effect) {

    public enum Effect {
        CREATED,
        UPDATED,
        RESTORED,
        /** The same content as the current version: no new version was written. */
        UNCHANGED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Effect fromWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public boolean changed() {
        return effect != Effect.UNCHANGED;
    }
}
