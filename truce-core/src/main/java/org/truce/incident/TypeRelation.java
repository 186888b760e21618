package org.truce.incident;

/** How a report's event type relates to the type of the report it was grouped with. */
public enum TypeRelation {
    /** The same ACLED {@code event_type}. */
    SAME_TYPE,
    /** Different types that the compatibility table lets describe one event. */
    COMPATIBLE
}
