package org.truce.store.report;

/**
 * An idempotency key came back with a different request. Nothing was stored; the client must use
 * a new key for a new request (an HTTP API answers 409 or 422).
 */
public final class IdempotencyConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String idempotencyKey;

    public IdempotencyConflictException(String idempotencyKey) {
        super("idempotency key '" + idempotencyKey + "' was already used for a different request");
        this.idempotencyKey = idempotencyKey;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }
}
