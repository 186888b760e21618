package org.truce.store.access;

import java.time.Instant;

/**
 * One line of the access log: who ({@code anonymous} without an account), with which role and
 * credential, read or changed (or was refused) what, and the answer's status.
 */
public record AccessEvent(long id, Instant at, String actor, String role, String via, Action action, String method,
        String path, int status, String client) {

    public enum Action {
        READ, WRITE, DENIED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
