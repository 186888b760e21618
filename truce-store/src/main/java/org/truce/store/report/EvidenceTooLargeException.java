package org.truce.store.report;

/** An evidence file over the size limit; nothing of it was kept. */
public final class EvidenceTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    public EvidenceTooLargeException(long maxBytes) {
        super("the evidence file is larger than the limit of " + maxBytes + " bytes", null, false, false);
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
