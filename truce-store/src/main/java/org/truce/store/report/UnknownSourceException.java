package org.truce.store.report;

/** A report names a source that is not registered; nothing was stored. */
public final class UnknownSourceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String sourceId;

    public UnknownSourceException(String sourceId) {
        super("unknown source '" + sourceId + "': register it first");
        this.sourceId = sourceId;
    }

    public String sourceId() {
        return sourceId;
    }
}
