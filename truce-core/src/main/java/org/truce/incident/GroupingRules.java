package org.truce.incident;

/**
 * When two reports describe the same event. A report joins an anchor report when
 * <ul>
 *   <li>their distance is at most {@code baseDistance_m} plus both geo-precision uncertainties,</li>
 *   <li>their days are at most {@code baseDays} apart plus both time-precision uncertainties, and</li>
 *   <li>their event types are the same or compatible in {@code types}.</li>
 * </ul>
 * Both edges are inclusive.
 */
public record GroupingRules(double baseDistance_m, int baseDays, TypeCompatibility types) {

    /**
     * 5 km: sources geocode one strike to neighbouring villages or to the town it belongs to.
     * 1 day: a night strike is dated the evening before by one source and the morning after by another.
     */
    public static final GroupingRules DEFAULT = new GroupingRules(5_000, 1, TypeCompatibility.ACLED);

    public GroupingRules {
        if (!(baseDistance_m >= 0) || Double.isInfinite(baseDistance_m)) {
            throw new IllegalArgumentException("baseDistance_m must be a finite distance >= 0, got " + baseDistance_m);
        }
        if (baseDays < 0) {
            throw new IllegalArgumentException("baseDays must be >= 0, got " + baseDays);
        }
        if (types == null) {
            throw new IllegalArgumentException("a type compatibility table is required");
        }
    }
}
