package org.truce.incident;

/**
 * The family of an incident's event types: ACLED's {@code disorder_type} grouping of its
 * {@code event_type}s. A type ACLED does not define is {@link #OTHER}.
 */
public enum EventFamily {
    POLITICAL_VIOLENCE,
    DEMONSTRATIONS,
    STRATEGIC_DEVELOPMENTS,
    OTHER;

    public static EventFamily of(String eventType) {
        return switch (eventType) {
            case "Battles", "Explosions/Remote violence", "Violence against civilians" -> POLITICAL_VIOLENCE;
            case "Protests", "Riots" -> DEMONSTRATIONS;
            case "Strategic developments" -> STRATEGIC_DEVELOPMENTS;
            default -> OTHER;
        };
    }
}
