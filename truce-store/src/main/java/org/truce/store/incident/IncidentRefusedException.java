package org.truce.store.incident;

/** An analyst's operation the rules refuse; nothing was changed. */
public final class IncidentRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RefusalRule rule;

    public IncidentRefusedException(RefusalRule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public RefusalRule rule() {
        return rule;
    }
}
