package org.truce.store.incident;

/** No incident has that id, and no merged-away id redirects from it. */
public final class NoSuchIncidentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String incidentId;

    public NoSuchIncidentException(String incidentId) {
        super("no incident " + incidentId);
        this.incidentId = incidentId;
    }

    public String incidentId() {
        return incidentId;
    }
}
