package org.truce.incident;

/** An analyst operation or status change that the rules do not allow; the message says why. */
public final class OperationRefused extends RuntimeException {

    public OperationRefused(String message) {
        super(message);
    }
}
